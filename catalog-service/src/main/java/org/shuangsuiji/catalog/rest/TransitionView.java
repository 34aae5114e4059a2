package org.shuangsuiji.catalog.rest;

import java.time.OffsetDateTime;
import org.shuangsuiji.catalog.domain.LifecycleStatus;
import org.shuangsuiji.catalog.domain.Transition;

/** One recorded step: who moved which version from which state to which, when and why. */
public record TransitionView(
        int version, String action, LifecycleStatus from, LifecycleStatus to, String actor, OffsetDateTime at,
        String comment) {

    public static TransitionView of(Transition t) {
        return new TransitionView(t.version, t.action, t.fromStatus, t.toStatus, t.actor, t.at, t.comment);
    }
}
