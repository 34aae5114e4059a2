package org.shuangsuiji.draw.domain;

import java.util.List;

/**
 * Which subjects a task draws from (roster's snapshot criteria): the department's directory, an item family, an
 * industry prefix (GB/T 4754), a division prefix (GB/T 2260), a kind and any of some tags. Null does not restrict,
 * except {@code department}, which defaults to the lead department.
 */
public record SubjectScope(String department, String itemFamily, String industry, String divisionPrefix, String kind,
        List<String> tags) {

    public SubjectScope {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
