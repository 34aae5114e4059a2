package org.shuangsuiji.draw.algorithm.record;

import java.util.List;

/**
 * The team of one selected subject.
 *
 * @param order   1-based order in which teams were assigned (subjects by ascending subject score)
 * @param uscc    the subject
 * @param stratum the subject's stratum
 * @param members in the order they were chosen
 */
public record Team(int order, String uscc, String stratum, List<TeamMember> members) {

    public Team {
        members = Lists.copy(members);
    }
}
