package org.shuangsuiji.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** The topic every catalog event goes to, keyed by item code, scenario code or rule-set key. */
    String eventsTopic();

    Imports imports();

    interface Imports {
        /**
         * Data rows one import may hold. Real department lists have tens to hundreds of items; reading stops at the
         * first row past the cap, so a huge file costs no more than the cap.
         */
        @WithDefault("5000")
        int maxRows();

        /** Row errors listed in one problem; the detail still counts them all. */
        @WithDefault("200")
        int maxReportedErrors();
    }
}
