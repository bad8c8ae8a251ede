package cn.yishi.application.port;

import cn.yishi.domain.proxy.ProxyMode;
import cn.yishi.domain.proxy.ProxyServiceType;
import cn.yishi.domain.proxy.ProxyStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The proxy requests (代办, V20): requests, the resident's personal data apart, steps and ratings. */
public interface ProxyStore {
  /**
   * A stored request, without the resident's personal data. {@code service} is the service as it was when the request
   * started (null for requests stored before the catalogue moved into the application).
   */
  record Request(long id, String requestNo, String token, String serviceCode, String community, String street,
      String compound, String channel, ProxyStatus status, ProxyMode mode, String processInstanceId,
      OffsetDateTime requestedAt, OffsetDateTime dueAt, boolean overdue, Boolean succeeded, String result,
      OffsetDateTime closedAt, ProxyServiceType service) {}

  /** {@code service}: the catalogue's entry as it is now, kept with the request (its snapshot) with its version. */
  record NewRequest(String serviceCode, String community, String street, String compound, String channel,
      String requestedBy, OffsetDateTime requestedAt, String month, OffsetDateTime dueAt, String token,
      ProxyServiceType service, int serviceVersion) {}

  /** One step: DOCUMENTS (the ticked list), HAND_OVER (what went to the office, with its answer), REWORK. */
  record Step(String kind, String detail, String answer, String actor, OffsetDateTime at) {}

  record Rating(int rating, String comment, OffsetDateTime ratedAt) {}

  /** One line of the counts per service, street and month. */
  record Count(String month, String serviceCode, String street, long requested, long finished, long overdue,
      long rated, long satisfied) {}

  /**
   * An open request (材料核对 or 代办中) past its time limit, for 旬跟进; {@code openOrder}: it has a supervision order
   * not yet answered (the timer's 代办督办 or an earlier 旬's).
   */
  record OverdueRequest(long id, String requestNo, String serviceName, String community, String street,
      String processInstanceId, OffsetDateTime dueAt, boolean overdue, boolean openOrder) {}

  /** How many requests are being handled (材料核对 or 代办中): 旬跟进 checks them. */
  int countOpen();

  /** Requests being handled whose time limit lies before {@code cutoff}, by id. */
  List<OverdueRequest> overdueOpen(OffsetDateTime cutoff);

  /** Stores the request and the resident's name and phone; returns the request with its number. */
  Request insert(NewRequest request, String residentName, String residentPhone);

  Optional<Request> find(long id);

  Optional<Request> findByToken(String token);

  void attachProcess(long id, String processInstanceId);

  void status(long id, ProxyStatus status);

  void mode(long id, ProxyMode mode);

  void close(long id, boolean succeeded, String result, String closedBy, OffsetDateTime at);

  void overdue(long id);

  void supervisionNote(long id, String note);

  void addStep(long id, Step step);

  List<Step> steps(long id);

  void addRating(long id, Rating rating);

  List<Rating> ratings(long id);

  /** Counts per month, service and street; {@code month} null for every month. */
  List<Count> counts(String month);
}
