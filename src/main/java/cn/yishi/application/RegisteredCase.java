package cn.yishi.application;

/** What registration hands back: the ids, routing facts and the non-personal facts the forms show. */
public record RegisteredCase(long caseId, String caseNo, String community, String reviewGroup, String gridGroup,
    String category, String title, String description, String compound, Integer householdsAffected) {}
