package cn.yishi.application.port;

import cn.yishi.domain.casefile.CaseRecord;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Stores case records and, apart from them, the reporters' personal data. */
public interface CaseRepository {
  long nextCaseSequence();

  /** Inserts the record and returns its id. */
  long insert(String caseNo, NewCase c, CaseStatus status, String createdBy, OffsetDateTime now);

  void insertReporter(long caseId, Reporter reporter, OffsetDateTime now);

  Optional<Reporter> findReporter(long caseId);

  Optional<CaseRecord> findByCaseNo(String caseNo);

  void attachProcessInstance(long caseId, String processInstanceId, OffsetDateTime now);

  void updateStatus(long caseId, CaseStatus status, String declineReason, OffsetDateTime now);
}
