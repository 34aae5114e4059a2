package org.shuangsuiji.draw.domain;

/** Who draws and who inspects (市抽市查, 市抽县查, 县抽县查, 市县联查). */
public enum DrawLevel {
    CITY_CITY,
    CITY_COUNTY,
    COUNTY_COUNTY,
    CITY_COUNTY_JOINT
}
