package org.shuangsuiji.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void drawServiceKeepsTheOptimisingCompilerTheOthersStartOnC1Alone() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.name().equals("draw-service")) {
                assertThat(ServiceProcess.jvmOptions(spec)).as(spec.name()).doesNotContain("-XX:TieredStopAtLevel=1")
                        .contains("-Xmx384m");
            } else {
                assertThat(ServiceProcess.jvmOptions(spec)).as(spec.name()).contains("-XX:TieredStopAtLevel=1");
            }
        }
    }
}
