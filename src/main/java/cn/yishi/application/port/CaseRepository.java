package cn.yishi.application.port;

import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Stores case records and, apart from them, the reporters' personal data. */
public interface CaseRepository {
  long nextCaseSequence();

  /** Inserts a new case (status REGISTERED) with its private data and attachments. */
  CaseFile insert(String caseNo, NewCase c, String createdBy, OffsetDateTime now);

  Optional<CaseFile> findByCaseNo(String caseNo);

  Optional<CaseFile> findById(long id);

  /**
   * Records the process instance of a newly registered case; writes nothing when the case already has it (the
   * suggestion, run inside the process, saves it with the review group).
   */
  void attachProcess(long caseId, String processInstanceId);

  /** Writes every mutable field of the case, the process instance and the review group included. */
  void save(CaseFile c, OffsetDateTime now);

  Optional<Reporter> findReporter(long caseId);

  /** Latitude and longitude, which are as private as the address. */
  Optional<double[]> findPosition(long caseId);

  List<String> attachments(long caseId);

  /** The case number that a channel's report already created or was merged into. */
  Optional<String> findCaseNoByExternalId(String channel, String externalId);

  /** An open case of the same category at the same compound (附议). */
  Optional<CaseFile> findOpenDuplicate(String community, String category, String compound);

  void insertSupportingReport(long caseId, NewCase report, String createdBy, OffsetDateTime now);

  /** How many public cases a community has and when the last one changed: the board's version. */
  String publicVersion(String community);

  /** Public listing: newest first, at most {@code limit}. Month is yyyy-MM or null. */
  List<CaseFile> findForPublic(String community, String status, String month, int limit);

  /** Records which party organisation reviews the case now (三级前置把关). */
  void reviewAt(long caseId, String reviewGroup);
}
