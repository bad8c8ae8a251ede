package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.SessionLookup.DAY;
import static cn.yishi.application.deliberation.SessionLookup.prefixed;
import static cn.yishi.application.deliberation.SessionLookup.refused;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.port.Sessions;
import cn.yishi.application.supervision.SupervisionOrders;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.deliberation.MeetingMinutes;
import cn.yishi.domain.deliberation.SessionRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of a session (六步): attendance and ground rules once; per topic its statement, discussion, resolution
 * items and responsibilities, or its pause (to the next session, with the reason); the follow-up of the previous
 * session's items (漩涡: questions, rating 1–5; 2 or less reopens the item with a supervision order).
 */
@Service
public class SessionRecords {
  private final Sessions sessions;
  private final Deliberations deliberations;
  private final MeetingRecords records;
  private final ResidentVoteService votes;
  private final SupervisionOrders orders;
  private final SessionScheduling scheduling;
  private final SessionLookup lookup;

  public SessionRecords(Sessions sessions, Deliberations deliberations, MeetingRecords records, ResidentVoteService votes,
      SupervisionOrders orders, SessionScheduling scheduling, SessionLookup lookup) {
    this.sessions = sessions;
    this.deliberations = deliberations;
    this.records = records;
    this.votes = votes;
    this.orders = orders;
    this.scheduling = scheduling;
    this.lookup = lookup;
  }

  /**
   * Records the session, or the pause of the whole session (then {@link SessionScheduling#reschedule}). All is
   * checked before anything is stored.
   */
  @Transactional
  public DeliberationSessions.Recorded record(long sessionId, DeliberationSessions.SessionMinutes in, String actor) {
    Sessions.Session s = lookup.session(sessionId);
    if (!Sessions.CONVENED.equals(s.status())) {
      throw refused("sessionId", "state", Sessions.HELD.equals(s.status()) ? "本次议事会已记录" : "请先确定议程");
    }
    if (in.paused()) {
      deliberations.rules().pauseReason(in.pauseReason());
      return new DeliberationSessions.Recorded(true, List.of(), List.of(), List.of());
    }
    Map<Long, Sessions.Topic> agenda = lookup.agenda(sessionId);
    List<DeliberationSessions.TopicMinutes> parts = in.topics() == null ? List.of() : in.topics();
    SessionRules.coversAgenda(agenda.keySet(), parts.stream().map(DeliberationSessions.TopicMinutes::topic).toList(),
        t -> agenda.get(t).title());
    List<DeliberationSessions.ItemInput> items = in.items() == null ? List.of() : in.items();
    for (int i = 0; i < items.size(); i++) {
      DeliberationSessions.ItemInput it = items.get(i);
      DeliberationSessions.TopicMinutes part = parts.stream().filter(p -> p.topic().equals(it.topic())).findFirst().orElse(null);
      if (part == null || part.paused()) {
        throw refused("resolutionItems[" + i + "].topic", "unknown", "第" + (i + 1) + "项决议：请填写本次讨论（未暂停）的议题编号");
      }
    }
    // follow-up of the previous session's items: each rated 1 to 5
    List<Sessions.FollowUp> expected = lookup.followUpItems(sessionId);
    List<DeliberationSessions.FollowUpInput> follow = in.followUps() == null ? List.of() : in.followUps();
    List<Long> expectedIds = expected.stream().map(Sessions.FollowUp::itemId).toList();
    Map<Long, Sessions.FollowUp> byId = expected.stream().collect(Collectors.toMap(Sessions.FollowUp::itemId, Function.identity()));
    List<Long> namedItems = follow.stream().map(DeliberationSessions.FollowUpInput::item).toList();
    if (!new LinkedHashSet<>(namedItems).equals(new LinkedHashSet<>(expectedIds)) || namedItems.size() != expectedIds.size()) {
      throw refused("followUps", "missing", "请对上次议事会的每一项决议事项记录质询情况和满意度测评");
    }
    List<Integer> ratings = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < follow.size(); i++) {
      ratings.add(SessionRules.rating(follow.get(i).rating(), i));
      questions.add(SessionRules.questions(follow.get(i).questions(), i));
    }
    // each topic's part, checked with the rules of a meeting record (MeetingRules) and its vote plan
    List<Runnable> writes = new ArrayList<>();
    List<DeliberationSessions.Resolved> resolved = new ArrayList<>();
    List<Long> pausedTopics = new ArrayList<>();
    for (DeliberationSessions.TopicMinutes p : parts) {
      Sessions.Topic t = agenda.get(p.topic());
      if (p.paused()) {
        String reason = prefixed(t, () -> deliberations.rules().pauseReason(p.pauseReason()));
        pausedTopics.add(t.meetingId());
        writes.add(() -> sessions.topicOutcome(sessionId, t.meetingId(), Sessions.PAUSED, reason, null, null, null));
        continue;
      }
      List<MeetingMinutes.Item> topicItems = items.stream().filter(i -> p.topic().equals(i.topic()))
          .map(i -> new MeetingMinutes.Item(i.unit(), i.measure(), i.deadline())).toList();
      MeetingMinutes minutes = new MeetingMinutes(false, null, in.onSite(), in.attendees(), in.participants(),
          in.groundRules(), p.statement(), p.discussion(), topicItems, p.responsibilities());
      prefixed(t, () -> deliberations.rules().resolutionList(minutes, deliberations.today()));
      if (p.residentVote()) {
        prefixed(t, () -> votes.plan(p.voteType(), p.voteCompound(), p.voteQuestion()));
      }
      resolved.add(new DeliberationSessions.Resolved(t.meetingId(), p.expertReview(), p.residentVote(), p.voteType(),
          p.voteCompound(), p.voteQuestion()));
      writes.add(() -> {
        List<Long> ids = records.record(t.meetingId(), minutes, actor);
        sessions.resolvedItemsAt(sessionId, ids);
        sessions.topicOutcome(sessionId, t.meetingId(), Sessions.RESOLVED, null, p.statement().strip(),
            p.discussion().strip(), p.responsibilities().strip());
        if (p.expertReview()) {
          records.putToExperts(t.meetingId(), actor);
        }
      });
    }
    writes.forEach(Runnable::run);
    sessions.record(sessionId, in.attendees().strip(), in.participants(), in.groundRules().strip(),
        Boolean.TRUE.equals(in.onSite()), actor, deliberations.now());
    for (int i = 0; i < follow.size(); i++) {
      Sessions.FollowUp item = byId.get(follow.get(i).item());
      sessions.saveFollowUp(sessionId, item.itemId(), questions.get(i), ratings.get(i), actor, deliberations.now());
      if (ratings.get(i) <= SessionRules.LOW_RATING) {
        sendBack(sessionId, item, ratings.get(i));
      }
    }
    List<Long> created = new ArrayList<>();
    for (Long topic : pausedTopics) {
      Sessions.Topic t = agenda.get(topic);
      DeliberationSessions.Joined j = scheduling.rejoin(topic);
      deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
          "议题暂停（" + sessions.topics(sessionId, true).stream().filter(x -> x.meetingId() == topic)
              .map(Sessions.Topic::reason).findFirst().orElse("") + "），列入" + DAY.format(j.date()) + "议事会");
      if (j.newSession()) {
        created.add(j.sessionId());
      }
    }
    return new DeliberationSessions.Recorded(false, resolved, pausedTopics, created);
  }

  /** A low rating sends the item back to its unit: open again, with a supervision order (督办). */
  private void sendBack(long sessionId, Sessions.FollowUp item, int rating) {
    sessions.reopenItem(item.itemId());
    sessions.supervisableItem(item.itemId()).ifPresent(open -> orders.raise(open, "session-" + sessionId,
        "SESSION_RATING", null, false, "议事会满意度测评" + rating + "分，退回责任单位整改"));
  }
}
