package org.shuangsuiji.catalog.rest;

import java.util.List;
import org.shuangsuiji.catalog.service.EditOutcome;

/**
 * What an accepted import did, row by row. {@code dryRun} reports what would happen and stores nothing. Re-importing
 * the same file answers every row UNCHANGED.
 */
public record ImportReport(
        String sha256,
        String format,
        boolean dryRun,
        int rows,
        int created,
        int updated,
        int newVersions,
        int unchanged,
        List<RowOutcome> items) {

    public record RowOutcome(int row, String code, int version, EditOutcome outcome) {}
}
