package cn.yishi.application.port;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The record of each reception of a listening day (定期听): one row per process instance and community. */
public interface ListeningSessions {
  /**
   * @param sessionKey {@code <processInstanceId>:<community>}, unique
   * @param caseNos the cases the issues were registered as or merged into, in the order heard
   */
  record Session(String sessionKey, String processInstanceId, String community, LocalDate listeningDate,
      int residentsReceived, int issueCount, List<String> caseNos, String note, String recordedBy,
      OffsetDateTime recordedAt) {
    public Session {
      caseNos = List.copyOf(caseNos);
    }
  }

  /** Stores the session unless one with its key exists; false when it did (a retried recording). */
  boolean recordIfAbsent(Session session);

  Optional<Session> find(String sessionKey);
}
