package org.shuangsuiji.draw.algorithm.record;

/**
 * One inspector of a team.
 *
 * @param inspectorId the inspector
 * @param department  the inspector's department
 * @param kind        {@code OFFICER} or {@code EXPERT}
 * @param position    0-based position of the inspector in the subject's keyed inspector order
 * @param role        why chosen: {@code DEPARTMENT} (the officer of a participating department), {@code OFFICER}
 *                    (to reach the officer minimum), {@code TAG:<tag>} (to cover a tag), {@code SIZE} (to reach the
 *                    team size)
 */
public record TeamMember(String inspectorId, String department, String kind, int position, String role) {}
