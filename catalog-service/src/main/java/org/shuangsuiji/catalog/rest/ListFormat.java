package org.shuangsuiji.catalog.rest;

/** How a public list is delivered: a JSON page, or the whole list as a CSV or XLSX download. */
public enum ListFormat {
    json,
    csv,
    xlsx
}
