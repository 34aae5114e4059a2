package org.shuangsuiji.draw.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shuangsuiji.draw.algorithm.ConflictMatrix;
import org.shuangsuiji.draw.algorithm.DrawComputer;
import org.shuangsuiji.draw.algorithm.record.Announcement;
import org.shuangsuiji.draw.algorithm.record.EntropyValue;
import org.shuangsuiji.draw.algorithm.record.Exclusion;
import org.shuangsuiji.draw.algorithm.record.FrozenList;
import org.shuangsuiji.draw.algorithm.record.StratumResult;

/**
 * ssj-keyed-rank/1 over 1 000 000 subjects in 4 strata with 50 000 exclusions: streaming, hashing each pool,
 * HMAC per subject, bounded heap; pure compute (pools in memory, no database).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RankingBenchmark {
    private Map<String, List<String>> pools;
    private Announcement announcement;
    private byte[] key;
    private List<String> values;
    private org.shuangsuiji.draw.algorithm.PoolSource.Encoded stored;

    @Setup
    public void setUp() {
        pools = BenchData.pools(1_000_000);
        List<Exclusion> exclusions = BenchData.exclusions(pools, 50_000);
        FrozenList none = ConflictMatrix.empty().frozen();
        announcement = BenchData.announcement(pools, exclusions, none, none);
        key = BenchData.key(announcement);
        values = BenchData.entropy().stream().map(EntropyValue::value).toList();
        stored = BenchData.encodedSource(pools);
    }

    @Benchmark
    public List<StratumResult> rankOneMillionInFourStrata(CpuTime cpu) {
        cpu.begin();
        List<StratumResult> result = DrawComputer.select(announcement, key, values, BenchData.source(pools));
        cpu.end();
        return result;
    }

    /** The same draw from the pools' stored bytes, as the service ranks them (SubjectRanking.acceptEncoded). */
    @Benchmark
    public List<StratumResult> rankOneMillionInFourStrataFromStoredBytes(CpuTime cpu) {
        cpu.begin();
        List<StratumResult> result = DrawComputer.select(announcement, key, values, stored);
        cpu.end();
        return result;
    }
}
