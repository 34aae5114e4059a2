package org.shuangsuiji.roster;

import io.quarkus.test.junit.QuarkusTest;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.commons.testing.ServiceContractTest;

@QuarkusTest
@PlatformTest
class RosterServiceContractTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/subjects";
    }
}
