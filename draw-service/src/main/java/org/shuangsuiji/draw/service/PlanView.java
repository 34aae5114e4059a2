package org.shuangsuiji.draw.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.shuangsuiji.draw.domain.Plan;
import org.shuangsuiji.draw.domain.PlanStatus;

/** A plan with its tasks; also the content of every published revision and of {@code draw.plan.*} events. */
public record PlanView(
        UUID id,
        String department,
        int year,
        String title,
        boolean joint,
        List<String> participatingDepartments,
        PlanStatus status,
        int revision,
        String filedWith,
        String createdBy,
        OffsetDateTime createdAt,
        List<TaskView> tasks) {

    public static PlanView of(Plan p, List<TaskView> tasks) {
        return new PlanView(p.id, p.department, p.year, p.title, p.joint, List.copyOf(p.participatingDepartments),
                p.status, p.revision, p.filedWith, p.createdBy, p.createdAt, tasks);
    }
}
