package cn.yishi.adapter.process.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.WorkingDaysGlue;
import cn.yishi.adapter.process.convention.Convention.Var;
import cn.yishi.adapter.process.residentvote.EnterPaperBallotsDelegate;
import cn.yishi.adapter.process.residentvote.OpenVoteDelegate;
import cn.yishi.adapter.process.residentvote.RecordAssemblyDelegate;
import cn.yishi.adapter.process.residentvote.ResidentVote;
import cn.yishi.adapter.process.residentvote.TallyVoteDelegate;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.convention.Conventions;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.convention.AdoptionMode;
import cn.yishi.domain.deliberation.VoteRule;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/convention.bpmn, with bpmn/residentVote.bpmn called as it is, on a plain in-memory engine with the
 * real delegates and listeners on mocked application services: comments and revision, the party organisation
 * returning a draft, adoption by the residents' (representatives') meeting and by one household one vote, a rejected
 * adoption, an amendment, and refusals that leave nothing behind.
 */
@Deployment(resources = {"bpmn/convention.bpmn", "bpmn/residentVote.bpmn", "forms/conventionStart.form",
    "forms/conventionRevise.form", "forms/conventionReview.form", "forms/residentsAssembly.form", "forms/paperBallots.form"})
class ConventionProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("convention-process-test", BEANS)
      .buildProcessEngine();
  private static final String STAFF = "community.hualin";
  private static final List<String> STAFF_GROUPS = List.of("hualin-community");
  private static final String TITLE = "御苑小区院落文明公约";
  private static final String TEXT = "第一条 爱护公共设施。\n第二条 文明养犬。";
  private static final long CONVENTION_ID = 3L;
  private static final long VERSION_ID = 7L;
  private static final long MEETING_ID = 41L;
  private static final long VOTE_ID = 55L;
  private static final OffsetDateTime CLOSES = OffsetDateTime.parse("2026-03-09T18:00:00+08:00");
  private static final String QUESTION = "是否通过《" + TITLE + "》";
  private static final VoteRule ASSEMBLY = new VoteRule(new VoteRule.Share(1, 2), true, new VoteRule.Share(1, 2), true, false, true);
  private static final VoteRule BALLOT = new VoteRule(new VoteRule.Share(2, 3), false, new VoteRule.Share(1, 2), true, true, false);

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final Conventions conventions = mock(Conventions.class);
  private final ResidentVoteService votes = mock(ResidentVoteService.class);

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
    when(conventions.start(any(), any(), any(), any(), any(), any(), any())).thenAnswer(a -> new Conventions.Started(
        CONVENTION_ID, VERSION_ID, a.getArgument(3) == null ? 1 : 2, TITLE,
        new Conventions.Scope("hualin", "hualin-yuyuan", "华林社区 御苑小区"), "t-draft", CLOSES));
    when(conventions.closeComments(VERSION_ID)).thenReturn(List.of(
        new Conventions.OpenComment(11, 1, "建议增加电动车充电规定", "3栋老李"),
        new Conventions.OpenComment(12, 2, "养犬条款太严", null)));
    when(conventions.adoptionFailed(eq(VERSION_ID), any())).thenReturn("居民表决未通过（未通过），请修订后重新报审");
    when(conventions.publish(VERSION_ID)).thenReturn(LocalDate.of(2026, 3, 20));
    when(votes.plan(any(), any(), any())).thenAnswer(a -> new ResidentVoteService.Plan(a.getArgument(0), null,
        a.getArgument(2), "RESIDENTS_CONVENTION".equals(a.getArgument(0)) ? ASSEMBLY : BALLOT, List.of()));
    when(votes.recordAssembly(anyLong(), any(), any(), any(), any(), any(), any(), any()))
        .thenReturn(new ResidentVoteService.Tally("PASSED", true, 30, 25, 3, 2));
    when(votes.open(anyLong(), any(), any(), any())).thenReturn(new ResidentVoteService.Opened(VOTE_ID, CLOSES.plusDays(14), 12));
    when(votes.tally(VOTE_ID)).thenReturn(new ResidentVoteService.Tally("PASSED", true, 12, 9, 1, 0));
    ProcessTestEngine.register(BEANS, new TaskTitleListener(),
        new ListVariablesTaskListener(mock(CaseQueries.class), ProcessTestEngine.CLOCK),
        new WorkingDaysGlue(ProcessTestEngine.CALENDAR, ProcessTestEngine.CLOCK),
        new RegisterDraftDelegate(conventions, "https://yishi.example/"),
        new CloseCommentsDelegate(conventions),
        new RecordRevisionDelegate(conventions),
        new RecordPartyReviewDelegate(conventions),
        new RecordAdoptionFailedDelegate(conventions),
        new PublishConventionDelegate(conventions),
        new OpenVoteDelegate(votes), new EnterPaperBallotsDelegate(votes), new TallyVoteDelegate(votes),
        new RecordAssemblyDelegate(votes));
  }

  @AfterEach
  void forgetThisEngine() {
    BpmnAwareTests.reset();
  }

  // the default action at each wait state

  private ProcessInstance start(Object... extra) {
    Map<String, Object> vars = withVariables(Var.SCOPE.name(), "hualin-yuyuan", Var.TITLE.name(), TITLE,
        Var.TEXT.name(), TEXT, Var.COMMENT_DAYS.name(), 5L);
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return ProcessTestEngine.as(ENGINE, STAFF, STAFF_GROUPS, () -> {
      ENGINE.getIdentityService().setAuthenticatedUserId(STAFF);
      ENGINE.getIdentityService().setAuthentication(STAFF, STAFF_GROUPS);
      return ENGINE.getFormService().submitStartForm(definitionId(), vars);
    });
  }

  private static String definitionId() {
    return ENGINE.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(Convention.PROCESS_KEY)
        .latestVersion().singleResult().getId();
  }

  /** The comment window closes. */
  private void windowCloses(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Convention.TIMER_COMMENT_WINDOW);
    execute(job(Convention.TIMER_COMMENT_WINDOW, pi));
  }

  /** 修订公约: the revised text and a handling note for each of the two comments. */
  private void revise(ProcessInstance pi) {
    complete(task(Convention.USER_TASK_REVISE, pi), withVariables(Var.TEXT.name(), TEXT + "\n第三条 电动车不进楼道。",
        Var.COMMENTS.name(), SpinValues.jsonValue("""
            [{"commentId":11,"comment":"1. 建议增加电动车充电规定（署名：3栋老李）","handling":"采纳，增加第三条"},
             {"commentId":12,"comment":"2. 养犬条款太严","handling":"不采纳：条款依据县养犬管理规定"}]""").create(),
        Var.REVISION_NOTE.name(), "增加电动车条款"));
  }

  private void review(ProcessInstance pi, String decision, String adoption, String reason) {
    Map<String, Object> vars = withVariables(Var.REVIEW_DECISION.name(), decision);
    if (adoption != null) {
      vars.put(Var.ADOPTION_MODE.name(), adoption);
    }
    if (reason != null) {
      vars.put(Var.REVIEW_REASON.name(), reason);
    }
    complete(task(Convention.USER_TASK_PARTY_REVIEW, pi), vars);
  }

  private void approveForAssembly(ProcessInstance pi) {
    when(conventions.review(eq(VERSION_ID), eq("APPROVE"), any(), eq("ASSEMBLY"), any())).thenReturn(Optional.of(
        new Conventions.Adoption(MEETING_ID, AdoptionMode.ASSEMBLY, "RESIDENTS_CONVENTION", "hualin-yuyuan", QUESTION)));
    review(pi, "APPROVE", "ASSEMBLY", null);
  }

  /** The residents' (representatives') meeting records its totals. */
  private void assemblyVotes(ProcessInstance pi) {
    ProcessInstance vote = vote(pi);
    assertThat(vote).isWaitingAt(ResidentVote.USER_TASK_ASSEMBLY);
    Task t = task(ResidentVote.USER_TASK_ASSEMBLY, vote);
    assertThat(t.getName()).isEqualTo("居民（代表）会议表决 " + TITLE);
    assertThat(candidateGroups(t)).containsExactly("hualin-community");
    complete(t, withVariables(ResidentVote.Var.ASSEMBLY_MEMBERS.name(), 30L, ResidentVote.Var.ASSEMBLY_YES.name(), 25L,
        ResidentVote.Var.ASSEMBLY_NO.name(), 3L, ResidentVote.Var.ASSEMBLY_ABSTAIN.name(), 2L));
  }

  private static void complete(Task t, Map<String, Object> variables) {
    ProcessTestEngine.as(ENGINE, STAFF, STAFF_GROUPS, () -> ENGINE.getTaskService().complete(t.getId(), variables));
  }

  private static ProcessInstance vote(ProcessInstance pi) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(ResidentVote.PROCESS_KEY)
        .superProcessInstanceId(pi.getId()).singleResult();
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  // the paths

  @Test
  void aDraftIsPublicisedRevisedWithEveryCommentHandledApprovedAdoptedByTheAssemblyAndPublished() {
    ProcessInstance pi = start();

    verify(conventions).start(STAFF, STAFF_GROUPS, "hualin-yuyuan", null, TITLE, TEXT, 5);
    assertThat(pi).isWaitingAt(Convention.TIMER_COMMENT_WINDOW).variables()
        .containsEntry(Var.VERSION_ID.name(), VERSION_ID).containsEntry(Var.CONVENTION_ID.name(), CONVENTION_ID)
        .containsEntry(Var.COMMUNITY_GROUP.name(), "hualin-community").containsEntry(Var.SCOPE_NAME.name(), "华林社区 御苑小区")
        .containsEntry(Var.DRAFT_URL.name(), "https://yishi.example/public/conventions/drafts/t-draft")
        .containsEntry(Var.INITIATOR.name(), STAFF);
    assertThat(job(Convention.TIMER_COMMENT_WINDOW, pi).getDuedate()).isEqualTo(Date.from(CLOSES.toInstant()));
    verify(conventions, never()).closeComments(anyLong());

    windowCloses(pi);
    verify(conventions).closeComments(VERSION_ID);
    assertThat(pi).isWaitingAt(Convention.USER_TASK_REVISE).variables().containsEntry(Var.COMMENT_COUNT.name(), 2);
    Task revision = task(Convention.USER_TASK_REVISE, pi);
    assertThat(revision.getName()).isEqualTo("修订公约 " + TITLE);
    assertThat(candidateGroups(revision)).containsExactly("hualin-community");
    assertThat(ENGINE.getTaskService().getVariable(revision.getId(), Var.COMMENTS.name()).toString())
        .contains("\"commentId\":11").contains("1. 建议增加电动车充电规定（署名：3栋老李）").contains("2. 养犬条款太严");

    revise(pi);
    verify(conventions).revise(VERSION_ID, TEXT + "\n第三条 电动车不进楼道。",
        Map.of(11L, "采纳，增加第三条", 12L, "不采纳：条款依据县养犬管理规定"), "增加电动车条款", STAFF);
    assertThat(pi).isWaitingAt(Convention.USER_TASK_PARTY_REVIEW);
    assertThat(task(Convention.USER_TASK_PARTY_REVIEW, pi).getName()).isEqualTo("党组织审核 " + TITLE);

    approveForAssembly(pi);
    assertThat(pi).isWaitingAt(Convention.CALL_ACTIVITY_ADOPTION);
    assertThat(vote(pi)).variables().containsEntry(ResidentVote.Var.MEETING_ID.name(), MEETING_ID)
        .containsEntry(ResidentVote.Var.VOTE_TYPE.name(), "RESIDENTS_CONVENTION")
        .containsEntry(ResidentVote.Var.VOTE_QUESTION.name(), QUESTION)
        .containsEntry(ResidentVote.Var.ASSEMBLY.name(), true);
    verify(votes, never()).open(anyLong(), any(), any(), any());

    assemblyVotes(pi);
    verify(votes).recordAssembly(MEETING_ID, "RESIDENTS_CONVENTION", QUESTION, 30, 25, 3, 2, STAFF);
    assertThat(pi).isWaitingAt(Convention.SERVICE_TASK_PUBLISH);
    execute(job(Convention.SERVICE_TASK_PUBLISH, pi));
    verify(conventions).publish(VERSION_ID);
    assertThat(pi).hasPassed(Convention.SERVICE_TASK_PUBLISH, Convention.END_EVENT_PUBLISHED)
        .hasNotPassed(Convention.SERVICE_TASK_ADOPTION_FAILED).isEnded();
    assertThat(BpmnAwareTests.historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Var.EFFECTIVE_DATE.name()).singleResult().getValue()).isEqualTo("2026-03-20");
  }

  @Test
  void thePartyOrganisationReturnsTheDraftWithAReasonAndTheRevisionGoesBackToReview() {
    ProcessInstance pi = start();
    windowCloses(pi);
    revise(pi);
    when(conventions.review(eq(VERSION_ID), eq("RETURN"), any(), any(), any())).thenReturn(Optional.empty());
    review(pi, "RETURN", null, "第二条与县养犬管理规定不一致");

    verify(conventions).review(VERSION_ID, "RETURN", "第二条与县养犬管理规定不一致", null, STAFF);
    assertThat(pi).isWaitingAt(Convention.USER_TASK_REVISE).variables()
        .containsEntry(Var.RETURN_REASON.name(), "党组织审核退回：第二条与县养犬管理规定不一致");
    assertThat(pi).hasNotPassed(Convention.CALL_ACTIVITY_ADOPTION);

    revise(pi);
    verify(conventions, times(2)).revise(eq(VERSION_ID), any(), any(), any(), eq(STAFF));
    assertThat(pi).isWaitingAt(Convention.USER_TASK_PARTY_REVIEW).variables()
        .doesNotContainKeys(Var.RETURN_REASON.name(), Var.REVIEW_DECISION.name(), Var.REVIEW_REASON.name());
    approveForAssembly(pi);
    assemblyVotes(pi);
    execute(job(Convention.SERVICE_TASK_PUBLISH, pi));
    assertThat(pi).isEnded();
  }

  @Test
  void aRejectedAdoptionReturnsToRevisionWithTheOutcome() {
    when(votes.recordAssembly(anyLong(), any(), any(), any(), any(), any(), any(), any()))
        .thenReturn(new ResidentVoteService.Tally("REJECTED", false, 30, 10, 18, 2));
    ProcessInstance pi = start();
    windowCloses(pi);
    revise(pi);
    approveForAssembly(pi);
    assemblyVotes(pi);

    verify(conventions).adoptionFailed(VERSION_ID, "REJECTED");
    verify(conventions, never()).publish(anyLong());
    assertThat(pi).hasPassed(Convention.SERVICE_TASK_ADOPTION_FAILED).isWaitingAt(Convention.USER_TASK_REVISE).variables()
        .containsEntry(Var.RETURN_REASON.name(), "居民表决未通过（未通过），请修订后重新报审");
  }

  @Test
  void aCompoundConventionIsAdoptedByOneHouseholdOneVote() {
    ProcessInstance pi = start();
    windowCloses(pi);
    revise(pi);
    when(conventions.review(eq(VERSION_ID), eq("APPROVE"), any(), eq("BALLOT"), any())).thenReturn(Optional.of(
        new Conventions.Adoption(MEETING_ID, AdoptionMode.BALLOT, "GENERAL", "hualin-yuyuan", QUESTION)));
    review(pi, "APPROVE", "BALLOT", null);

    verify(votes).open(MEETING_ID, "GENERAL", "hualin-yuyuan", QUESTION);
    ProcessInstance vote = vote(pi);
    assertThat(vote).isWaitingAt(ResidentVote.USER_TASK_PAPER_BALLOTS);
    assertThat(candidateGroups(task(ResidentVote.USER_TASK_PAPER_BALLOTS, vote))).containsExactly("hualin-community");
    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, vote));
    verify(votes).tally(VOTE_ID);
    execute(job(Convention.SERVICE_TASK_PUBLISH, pi));
    verify(conventions).publish(VERSION_ID);
    assertThat(pi).isEnded();
  }

  @Test
  void anAmendmentRunsTheSamePathAndIsPublishedAsTheNextVersion() {
    ProcessInstance pi = start(Var.AMENDS.name(), CONVENTION_ID, Var.SCOPE.name(), null);

    verify(conventions).start(STAFF, STAFF_GROUPS, null, CONVENTION_ID, TITLE, TEXT, 5);
    assertThat(pi).variables().containsEntry(Var.VERSION_NO.name(), 2);
    windowCloses(pi);
    revise(pi);
    approveForAssembly(pi);
    assemblyVotes(pi);
    execute(job(Convention.SERVICE_TASK_PUBLISH, pi));
    // the use case supersedes the version in force (ConventionsTest); the process publishes the amendment's version
    verify(conventions).publish(VERSION_ID);
    assertThat(pi).hasPassed(Convention.END_EVENT_PUBLISHED).isEnded();
  }

  @Test
  void aRefusedDraftRefusesTheStartAndLeavesNoInstance() {
    when(conventions.start(any(), any(), any(), any(), any(), any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("conventionScope", "forbidden", "只有圣殿社区两委可以起草该社区的公约"))));

    assertThatThrownBy(() -> start(Var.SCOPE.name(), "shengdian")).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("只有圣殿社区两委可以起草该社区的公约");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(Convention.PROCESS_KEY).count()).isZero();
  }

  @Test
  void aRefusedRevisionKeepsTheTaskOpen() {
    ProcessInstance pi = start();
    windowCloses(pi);
    org.mockito.Mockito.doThrow(new ValidationException(List.of(new FieldError("conventionComments[1].handling", "required",
        "第2条意见：请填写处理情况")))).when(conventions).revise(anyLong(), any(), any(), any(), any());

    assertThatThrownBy(() -> revise(pi)).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第2条意见");
    Task malformed = task(Convention.USER_TASK_REVISE, pi);
    assertThatThrownBy(() -> complete(malformed, withVariables(Var.TEXT.name(), TEXT, Var.COMMENTS.name(),
        SpinValues.jsonValue("[{\"commentId\":\"x\",\"handling\":\"采纳\"}]").create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("意见处理清单格式不正确");
    assertThat(pi).isWaitingAt(Convention.USER_TASK_REVISE);
    verify(conventions, never()).review(anyLong(), any(), any(), any(), any());
  }
}
