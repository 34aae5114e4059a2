package org.shuangsuiji.commons.paging;

import java.util.List;
import java.util.function.Function;

/** Every list endpoint answers with this envelope, never a bare array. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * A short list bounded by the domain (a plan's revisions, a task's draws, one inspector's conflicts), whole, in the
     * same envelope as every other list, so a client reads every list the same way.
     */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, 0, items.size(), items.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total);
    }
}
