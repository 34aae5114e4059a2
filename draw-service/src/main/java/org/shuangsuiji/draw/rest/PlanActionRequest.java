package org.shuangsuiji.draw.rest;

/** The note of a lifecycle step: the upper level filed with (备案), or the reason of an adjustment. */
public record PlanActionRequest(String filedWith, String reason) {}
