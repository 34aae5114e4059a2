package org.shuangsuiji.draw.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the CPU-bound parts of a draw that need no transaction (ranking strata, writing the record text and
 * the event texts), so a draw uses more than one core while its request thread talks to the database. One thread per
 * core: more would only queue on the cores. The work handed here never touches the request's transaction.
 */
@ApplicationScoped
public class DrawWorkers {

    private final ExecutorService executor;
    private final ExecutorService io;

    public DrawWorkers() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "draw-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Statements that run beside a request's transaction and wait on each other (the two readers of a freeze
        // share a snapshot): a thread each, so two draws freezing at once never wait on each other's queued reader.
        AtomicInteger m = new AtomicInteger();
        this.io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "draw-reader-" + m.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public ExecutorService executor() {
        return executor;
    }

    /** For database reads beside a transaction that wait on one another. */
    public ExecutorService io() {
        return io;
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        io.shutdownNow();
    }

    /** A worker's result, with its own exception rethrown as it was (a problem or a draw input error stays one). */
    static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
