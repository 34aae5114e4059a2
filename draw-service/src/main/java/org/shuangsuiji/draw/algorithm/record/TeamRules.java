package org.shuangsuiji.draw.algorithm.record;

import java.time.LocalDate;
import java.util.List;

/**
 * What every inspector team of the draw must satisfy.
 *
 * @param algorithm       always {@code ssj-teams/1}
 * @param minTeamSize     at least this many members (≥ 2); filled with officers, experts join only for a tag
 * @param minOfficers     at least this many enforcement officers (≥ 2, the seeds' "不少于2名"); experts never count
 * @param requiredTags    expertise tags the team must cover (union of the items' tags), sorted, unique
 * @param departments     participating departments, lead first; every one needs an officer of its own roster
 * @param inspectionFrom  first inspection day (certificates and availability are checked on [from, to])
 * @param inspectionTo    last inspection day
 */
public record TeamRules(
        String algorithm,
        int minTeamSize,
        int minOfficers,
        List<String> requiredTags,
        List<String> departments,
        LocalDate inspectionFrom,
        LocalDate inspectionTo) {

    public static final String ALGORITHM = "ssj-teams/1";

    public TeamRules {
        requiredTags = Lists.copy(requiredTags);
        departments = Lists.copy(departments);
    }
}
