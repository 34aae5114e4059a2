package org.shuangsuiji.roster.importing;

import java.util.ArrayList;
import java.util.List;

/** The problems found in one row, each naming its field (null = the whole row). */
public final class RowErrors {

    public record Error(long row, String field, String reason) {}

    private final long row;
    private final List<Error> errors = new ArrayList<>(2);

    public RowErrors(long row) {
        this.row = row;
    }

    public void add(String field, String reason) {
        errors.add(new Error(row, field, reason));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Error> errors() {
        return errors;
    }

    /** Text fields may not carry control characters (line breaks, tabs …): they break exports and the COPY stage. */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
