package org.shuangsuiji.commons.paging;

import java.util.List;
import java.util.function.Function;

/** Every list endpoint answers with this envelope, never a bare array. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total);
    }
}
