package cn.yishi.application;

/** What registration hands back: the ids and routing facts a process needs. */
public record RegisteredCase(long caseId, String caseNo, String community, String reviewGroup) {}
