package cn.yishi.domain.casefile;

import java.time.OffsetDateTime;

/** The stored case record, without personal data. */
public record CaseRecord(
    long id,
    String caseNo,
    Channel channel,
    String externalId,
    String category,
    String title,
    String description,
    String community,
    String compound,
    Integer householdsAffected,
    CaseStatus status,
    String declineReason,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
