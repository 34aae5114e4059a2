package org.shuangsuiji.draw;

import io.quarkus.test.junit.QuarkusTest;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.commons.testing.ServiceContractTest;

@QuarkusTest
@PlatformTest
class DrawServiceContractTest extends ServiceContractTest {}
