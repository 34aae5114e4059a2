package org.shuangsuiji.draw.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread per operation, reported by JMH beside the wall time (as {@code ·cpuMillis}). The
 * machine is shared: wall time grows with everyone else's load, the thread's own CPU time hardly does.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    public double cpuMillis;
    private long start;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMillis = 0;
    }

    void begin() {
        start = THREADS.getCurrentThreadCpuTime();
    }

    void end() {
        cpuMillis += (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }
}
