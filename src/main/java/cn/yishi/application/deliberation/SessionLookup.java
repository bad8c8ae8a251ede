package cn.yishi.application.deliberation;

import cn.yishi.application.port.Sessions;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.directory.Directory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the session use cases share: a session and its body by id, its agenda, its follow-up items, refusals. */
@Component
public class SessionLookup {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

  private final Sessions sessions;
  private final Directory directory;
  /** The 院坝 (micro-grids): a station topic of a case with a 院坝 is deliberated by the 院坝 (tiers). */
  private cn.yishi.application.port.MicroGridStore microGrids;

  public SessionLookup(Sessions sessions, Directory directory) {
    this.sessions = sessions;
    this.directory = directory;
  }

  Sessions.Session session(long sessionId) {
    return sessions.find(sessionId).orElseThrow(() -> refused("sessionId", "unknown", "议事会不存在"));
  }

  Body body(Sessions.Session s) {
    return directory.body(Tier.valueOf(s.bodyKind()), s.bodyCode(), this::yuanba)
        .orElseThrow(() -> refused("sessionId", "unknown", "议事主体不存在"));
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void useMicroGrids(cn.yishi.application.port.MicroGridStore store) {
    this.microGrids = store;
  }

  /** The 院坝 of a code (a station topic's compound may be one); empty without the store or for another code. */
  java.util.Optional<cn.yishi.domain.microgrid.Yuanba> yuanba(String code) {
    return microGrids == null || code == null ? java.util.Optional.empty() : microGrids.find(code);
  }

  /** The 院坝 of a community (their bodies serve it, like its stations). */
  List<cn.yishi.domain.microgrid.Yuanba> yuanbaIn(String community) {
    return microGrids == null ? List.of() : microGrids.inCommunity(community);
  }

  /** The topics on the session's agenda now, by their meeting id, in agenda order. */
  Map<Long, Sessions.Topic> agenda(long sessionId) {
    return sessions.topics(sessionId, false).stream()
        .collect(Collectors.toMap(Sessions.Topic::meetingId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /** The previous held session's items that open this session's agenda (漩涡). */
  List<Sessions.FollowUp> followUpItems(long sessionId) {
    Sessions.Session s = session(sessionId);
    return sessions.previousHeld(s.bodyKind(), s.bodyCode(), s.id())
        .map(p -> sessions.itemsResolvedAt(p.id())).orElse(List.of()).stream()
        .filter(i -> !"WITHDRAWN".equals(i.status())).toList();
  }

  static LocalDate parseDate(String value) {
    try {
      return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** Runs a check; a refusal names the topic in each message. */
  static <T> T prefixed(Sessions.Topic t, java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (ValidationException e) {
      throw new ValidationException(e.errors().stream()
          .map(f -> new FieldError(f.field(), f.code(), "议题「" + t.title() + "」：" + f.message())).toList());
    }
  }

  static void prefixed(Sessions.Topic t, Runnable check) {
    prefixed(t, () -> {
      check.run();
      return null;
    });
  }

  static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
