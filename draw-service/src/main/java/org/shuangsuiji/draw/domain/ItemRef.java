package org.shuangsuiji.draw.domain;

/** An exact published catalog version a task inspects, and the department that brings it (joint tasks). */
public record ItemRef(String department, String code, int version) {

    public String ref() {
        return code + "@" + version;
    }
}
