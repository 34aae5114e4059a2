package org.shuangsuiji.catalog.rest;

/** How the compliance handbook is delivered. */
public enum HandbookFormat {
    md,
    html,
    json
}
