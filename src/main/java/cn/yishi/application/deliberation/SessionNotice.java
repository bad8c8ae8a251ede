package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.SessionLookup.refused;

import cn.yishi.application.port.Sessions;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.directory.Directory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public notice of the sessions serving a community (/public/meetings): upcoming sessions of its stations, its
 * room, its street's hall and the county mechanism, with their agendas (case numbers and titles, never personal
 * data) and the experts invited by their expertise (no names); then the last held sessions with their resolutions.
 */
@Service
public class SessionNotice {
  private final Sessions sessions;
  private final Directory directory;
  private final Deliberations deliberations;
  private final SessionInvitations invitations;
  private final SessionLookup lookup;

  public SessionNotice(Sessions sessions, Directory directory, Deliberations deliberations, SessionInvitations invitations,
      SessionLookup lookup) {
    this.sessions = sessions;
    this.directory = directory;
    this.deliberations = deliberations;
    this.invitations = invitations;
    this.lookup = lookup;
  }

  @Transactional(readOnly = true)
  public DeliberationSessions.Notice notice(String community) {
    Directory.Community c = directory.community(community == null ? "" : community.strip()).orElseThrow(() ->
        refused("community", "unknown", "找不到该社区"));
    List<Body> bodies = new ArrayList<>();
    c.stations().forEach(st -> bodies.add(directory.bodyFor(c.code(), Tier.STATION, st.code())));
    lookup.yuanbaIn(c.code()).forEach(y -> bodies.add(directory.yuanbaBody(y)));
    bodies.add(directory.bodyFor(c.code(), Tier.ROOM, null));
    if (c.street() != null) {
      bodies.add(directory.bodyFor(c.code(), Tier.HALL, null));
    }
    bodies.add(directory.bodyFor(c.code(), Tier.COUNTY, null));
    List<String> keys = bodies.stream().map(Body::key).distinct().toList();
    LocalDate today = deliberations.today();
    List<DeliberationSessions.PublicSession> upcoming = sessions.ofBodies(keys, today, true, 20).stream()
        .map(s -> publicSession(s, false)).toList();
    List<DeliberationSessions.PublicSession> past = sessions.ofBodies(keys, today, false, 10).stream()
        .map(s -> publicSession(s, true)).toList();
    return new DeliberationSessions.Notice(c.code(), c.name(), upcoming, past);
  }

  private DeliberationSessions.PublicSession publicSession(Sessions.Session s, boolean held) {
    Body b = lookup.body(s);
    List<DeliberationSessions.PublicTopic> agenda = sessions.topics(s.id(), held).stream()
        .map(t -> new DeliberationSessions.PublicTopic(t.caseNo(), t.title(), outcomeLabel(t.outcome()))).toList();
    java.util.Map<Long, Sessions.ItemEvaluationResult> evaluated = held ? sessions.itemEvaluations(s.id()) : java.util.Map.of();
    List<DeliberationSessions.PublicItem> items = held ? sessions.itemsResolvedAt(s.id()).stream()
        .filter(i -> !"WITHDRAWN".equals(i.status()))
        .map(i -> new DeliberationSessions.PublicItem(deliberations.unitName(i.unit()), i.measure(),
            deliberations.dateOf(i.deadline()), Deliberations.statusLabel(i.status()), evaluation(evaluated.get(i.itemId()))))
        .toList() : List.of();
    return new DeliberationSessions.PublicSession(s.date(), b.name(), s.place() == null ? b.name() : s.place(),
        s.extraordinary(), held ? "已召开" : s.extraordinary() ? "临时议事会" : "固定议事日", agenda, items,
        invitations.summary(s.id()).expertise());
  }

  /** 民事民评's latest result of an item in words, or null. */
  private static String evaluation(Sessions.ItemEvaluationResult r) {
    return r == null ? null : cn.yishi.domain.deliberation.ItemEvaluationRules.describe(r.status(), r.ratings(), r.average(),
        r.distribution());
  }

  private static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case Sessions.RESOLVED -> "形成决议";
      case Sessions.PAUSED -> "暂停，列入下次议事会";
      case Sessions.MOVED -> "改期";
      default -> "待议";
    };
  }
}
