package cn.yishi.application.port;

import cn.yishi.domain.casefile.CaseStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The cases as their registering staff member sees them on a receipt (回执): number, date, category, title,
 * community and status, and who registered it. No reporter, no description, no address.
 */
public interface RegisteredCases {
  record Registered(String caseNo, OffsetDateTime registeredAt, String category, String title, String community,
      CaseStatus status, String registeredBy) {}

  /** The case a process instance registered (a start form's), if any. */
  Optional<Registered> findByProcessInstance(String processInstanceId);

  Optional<Registered> findByCaseNo(String caseNo);

  /** The cases {@code userId} registered, newest first, at most {@code limit}. */
  List<Registered> findRegisteredBy(String userId, int limit);
}
