package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.residentvote.ResidentVote;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Stubs of the delegates and glue beans of deliberation.bpmn and residentVote.bpmn for process
 * tests: they write the routing facts the real ones write (normalising what the forms submit),
 * and record which ran. The use cases behind them are tested with the application.
 */
public final class DeliberationStubs {
  /** Objections that came in during the publicity window. */
  public volatile int objections;
  /** What the vote's count gives: PASSED, REJECTED or NO_QUORUM. */
  public volatile String tallyOutcome = "PASSED";
  /** The vote type is reserved for the residents' meeting. */
  public volatile boolean assembly;
  public final List<String> calls = new CopyOnWriteArrayList<>();

  /** Read by deliberation.bpmn's multi-instance tasks. */
  public static class ResolutionItemsStub {
    public List<Long> openItemIds(Number meetingId) {
      return List.of(11L, 12L);
    }

    public String unitGroupOf(Number itemId) {
      return itemId.longValue() == 11L ? "unit-housing" : "unit-water";
    }

    public Date deadlineOf(Number itemId) {
      return Date.from(Instant.now().plus(10, ChronoUnit.DAYS));
    }
  }

  public static class PartiesStub {
    public List<String> of(Number meetingId) {
      return List.of("hualin-community", "hualin-owners", "unit-property-hualin", "hualin-residents");
    }
  }

  public static class WorkingDaysStub {
    public Date fromToday(int days) {
      return Date.from(Instant.now().plus(days, ChronoUnit.DAYS));
    }
  }

  private static boolean yes(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    return Boolean.TRUE.equals(v) || "true".equals(v);
  }

  private JavaDelegate recording(String name, JavaDelegate body) {
    return e -> {
      calls.add(name);
      body.execute(e);
    };
  }

  public void install(Map<Object, Object> beans) {
    beans.put("scheduleMeetingDelegate", recording("schedule", e -> {
      e.setVariable(Deliberation.Var.MEETING_ID.name(), 7L);
      e.setVariable(Deliberation.Var.ROOM_GROUP.name(), "hualin-room");
      e.setVariable(Deliberation.Var.AGENDA_FOLLOW_UP.name(), "议程第一项：上次议事会决议事项跟进");
      e.setVariable(Deliberation.Var.MEETING_DUE.name(), Date.from(Instant.now().plus(5, ChronoUnit.DAYS)));
      if (!e.hasVariable(IssueLifecycle.Var.CASE_NO.name())) {
        e.setVariable(IssueLifecycle.Var.CASE_NO.name(), null);
      }
    }));
    beans.put("meetingOpinionTaskListener", (TaskListener) t -> calls.add("opinion:" + t.getVariable(Deliberation.Var.PARTY_GROUP.name())));
    beans.put("meetingParties", new PartiesStub());
    beans.put("workingDays", new WorkingDaysStub());
    beans.put("matchResourcesDelegate", recording("matchResources",
        e -> e.setVariable(Deliberation.Var.RESOURCE_MATCHES.name(), "可调用资源：县住建局")));
    beans.put("recordMeetingDelegate", recording("recordMeeting", e -> {
      boolean paused = yes(e, Deliberation.Var.PAUSED.name());
      e.setVariable(Deliberation.Var.PAUSED.name(), paused);
      e.setVariable(Deliberation.Var.EXPERT_REVIEW.name(), !paused && yes(e, Deliberation.Var.EXPERT_REVIEW.name()));
      e.setVariable(Deliberation.Var.RESIDENT_VOTE.name(), !paused && yes(e, Deliberation.Var.RESIDENT_VOTE.name()));
    }));
    beans.put("rescheduleMeetingDelegate", recording("reschedule", e -> {
      e.setVariable(Deliberation.Var.MEETING_DUE.name(), Date.from(Instant.now().plus(20, ChronoUnit.DAYS)));
      e.setVariable(Deliberation.Var.PAUSED.name(), false);
    }));
    beans.put("recordExpertReviewDelegate", recording("expertReview",
        e -> e.setVariable(Deliberation.Var.EXPERT_APPROVED.name(), yes(e, Deliberation.Var.EXPERT_APPROVED.name()))));
    beans.put("startPublicityDelegate", recording("publicity",
        e -> e.setVariable(Deliberation.Var.PUBLICITY_ENDS_AT.name(), Date.from(Instant.now().plus(7, ChronoUnit.DAYS)))));
    beans.put("countObjectionsDelegate", recording("countObjections",
        e -> e.setVariable(Deliberation.Var.OBJECTION_COUNT.name(), objections)));
    beans.put("recordObjectionDecisionDelegate", recording("objectionDecision",
        e -> e.setVariable(Deliberation.Var.RECONVENE.name(), "RECONVENE".equals(e.getVariable(Deliberation.Var.OBJECTION_DECISION.name())))));
    beans.put("adoptResolutionDelegate", recording("adopt", e -> { }));
    beans.put("resolutionItemTaskListener", (TaskListener) t -> calls.add("item:" + t.getVariable(Deliberation.Var.ITEM_ID.name())));
    beans.put("resolutionItems", new ResolutionItemsStub());
    beans.put("openVoteDelegate", recording("openVote", e -> {
      e.setVariable(ResidentVote.Var.ASSEMBLY.name(), assembly);
      if (!assembly) {
        e.setVariable(ResidentVote.Var.VOTE_ID.name(), 5L);
        e.setVariable(ResidentVote.Var.HOUSEHOLDS.name(), 12);
        e.setVariable(ResidentVote.Var.VOTE_CLOSES_AT.name(), Date.from(Instant.now().plus(7, ChronoUnit.DAYS)));
      }
    }));
    beans.put("enterPaperBallotsDelegate", recording("paperBallots", e -> e.removeVariable(ResidentVote.Var.PAPER_BALLOTS.name())));
    beans.put("tallyVoteDelegate", recording("tally", e -> {
      e.setVariable(ResidentVote.Var.VOTE_PASSED.name(), "PASSED".equals(tallyOutcome));
      e.setVariable(ResidentVote.Var.VOTE_OUTCOME.name(), tallyOutcome);
    }));
    beans.put("recordAssemblyDelegate", recording("assembly", e -> {
      int yes = ((Number) e.getVariable(ResidentVote.Var.ASSEMBLY_YES.name())).intValue();
      int no = ((Number) e.getVariable(ResidentVote.Var.ASSEMBLY_NO.name())).intValue();
      e.setVariable(ResidentVote.Var.VOTE_PASSED.name(), yes > no);
      e.setVariable(ResidentVote.Var.VOTE_OUTCOME.name(), yes > no ? "PASSED" : "REJECTED");
    }));
  }
}
