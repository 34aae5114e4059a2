package org.shuangsuiji.draw.algorithm.record;

import java.util.List;

/**
 * The task a draw belongs to.
 *
 * @param taskId                 the service's task id
 * @param taskName               e.g. 部门联合粮食企业监督检查
 * @param planId                 the annual plan's id
 * @param leadDepartment         发起部门 code
 * @param cooperatingDepartments 配合部门 codes, in the task's order
 * @param drawLevel              {@code CITY_CITY}, {@code CITY_COUNTY}, … as the service names them
 * @param joint                  joint (部门联合) or internal task
 */
public record TaskRef(
        String taskId,
        String taskName,
        String planId,
        String leadDepartment,
        List<String> cooperatingDepartments,
        String drawLevel,
        boolean joint) {

    public TaskRef {
        cooperatingDepartments = Lists.copy(cooperatingDepartments);
    }
}
