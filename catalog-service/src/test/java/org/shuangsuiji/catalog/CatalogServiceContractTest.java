package org.shuangsuiji.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.shuangsuiji.commons.testing.PlatformTest;
import org.shuangsuiji.commons.testing.ServiceContractTest;

@QuarkusTest
@PlatformTest
class CatalogServiceContractTest extends ServiceContractTest {}
