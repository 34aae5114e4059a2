package org.shuangsuiji.catalog.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** The topic every catalog event goes to, keyed by item code. */
    String eventsTopic();
}
