package org.shuangsuiji.roster.rest;

final class SubjectRules {

    /** GB/T 4754-2017: section letter A-T, then the division (2 digits), group (3) or class (4). */
    static final String INDUSTRY = "[A-T]([0-9]{2}|[0-9]{3}|[0-9]{4})?";
    static final String INDUSTRY_MESSAGE = "must be a GB/T 4754 code: a section letter A-T and 2, 3 or 4 digits";
    static final String TAG = "[A-Z][A-Z0-9_]{1,39}";
    static final String TAG_MESSAGE = "must be 2-40 upper-case letters, digits or '_', starting with a letter";

    private SubjectRules() {}
}
