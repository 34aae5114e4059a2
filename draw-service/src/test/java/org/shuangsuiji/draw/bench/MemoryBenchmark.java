package org.shuangsuiji.draw.bench;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shuangsuiji.draw.algorithm.SubjectRanking;
import org.shuangsuiji.draw.algorithm.record.StratumResult;

/**
 * Memory stays bounded as the pool grows: one stratum of 1 and 4 million subjects generated on the fly (as a
 * database cursor would deliver them), quota 5 000, in a JVM limited to 64 MB of heap. Holding the pool would need
 * hundreds of MB; the ranking holds only the heap of 5 000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m", "-XX:+UseSerialGC"})
public class MemoryBenchmark {
    @Param({"1000000", "4000000"})
    public long poolSize;

    @Benchmark
    public StratumResult streamOneStratumIn64MbHeap(CpuTime cpu) {
        cpu.begin();
        byte[] key = new byte[32];
        SubjectRanking ranking = new SubjectRanking(key, "B", 5_000, Set.of(), true);
        for (long i = 0; i < poolSize; i++) {
            ranking.accept(BenchData.uscc(i));
        }
        StratumResult result = ranking.finish();
        cpu.end();
        return result;
    }
}
