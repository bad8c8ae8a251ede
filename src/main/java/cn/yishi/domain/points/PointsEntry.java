package cn.yishi.domain.points;

import java.time.OffsetDateTime;

/** One ledger entry, never changed nor deleted once written. */
public record PointsEntry(long id, long personId, String community, EntryKind kind, int points, String reason,
    Long correctsEntryId, String recordedBy, OffsetDateTime recordedAt) {}
