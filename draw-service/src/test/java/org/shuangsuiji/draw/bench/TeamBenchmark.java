package org.shuangsuiji.draw.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.shuangsuiji.draw.algorithm.InspectorCandidate;
import org.shuangsuiji.draw.algorithm.TeamAssigner;
import org.shuangsuiji.draw.algorithm.record.TeamRules;

/**
 * ssj-teams/1 for 30 000 selected subjects from 3 000 inspectors of 5 departments (a joint task of all five: one
 * officer of each, two tags) with 20 000 conflict pairs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TeamBenchmark {
    private byte[] key;
    private TeamRules rules;
    private List<InspectorCandidate> inspectors;
    private ConflictMatrix conflicts;
    private List<TeamAssigner.Subject> ordered;

    @Setup
    public void setUp() {
        inspectors = BenchData.inspectors(3_000);
        List<String> selected = BenchData.selected(30_000);
        conflicts = BenchData.conflicts(inspectors, selected, 20_000);
        key = new byte[32];
        key[0] = 1;
        rules = new TeamRules(TeamRules.ALGORITHM, 5, 2, BenchData.TAGS, List.of(BenchData.DEPARTMENTS),
                BenchData.FROM, BenchData.TO);
        List<TeamAssigner.Subject> subjects = new ArrayList<>();
        selected.forEach(u -> subjects.add(new TeamAssigner.Subject(u, "B")));
        ordered = TeamAssigner.assignmentOrder(key, subjects);
    }

    /** Assignment order plus every team (a new assigner each time: workload starts from the prior counts). */
    @Benchmark
    public TeamAssigner.Outcome assignThirtyThousandTeams(CpuTime cpu) {
        cpu.begin();
        TeamAssigner.Outcome result = new TeamAssigner(key, rules, inspectors, conflicts).assign(ordered);
        cpu.end();
        return result;
    }
}
