package cn.yishi.adapter.process.pointsaward;

import static cn.yishi.adapter.process.pointsaward.PointsAward.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.application.points.PointsAwards;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/pointsAward.bpmn (积分申报) on an in-memory engine with the real delegates and the title listener
 * on a mocked {@link PointsAwards}: a proposal started by a points officer goes to the community's committee and is
 * approved or rejected; a refused proposal starts nothing; a refused decision keeps the task open.
 */
@Deployment(resources = {"bpmn/pointsAward.bpmn", "forms/pointsAwardProposal.form", "forms/pointsAwardApproval.form"})
class PointsAwardProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("points-award-process-test", BEANS)
      .buildProcessEngine();
  private static final List<String> OFFICER = List.of("hualin-points-officers");
  private static final List<String> SECRETARY = List.of("hualin-community");

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final PointsAwards awards = mock(PointsAwards.class);

  @BeforeEach
  void delegates() {
    BpmnAwareTests.init(ENGINE);
    ProcessTestEngine.register(BEANS, new RecordProposalDelegate(awards), new RecordDecisionDelegate(awards),
        new TaskTitleListener());
    when(awards.propose(eq("hualin"), eq(7L), eq("land-for-road"), any(), eq("points.hualin"), eq(OFFICER), any()))
        .thenReturn(new PointsAwards.Proposal(41, "hualin", "华林社区", 7, "编号 7（居民K7P2）", "land-for-road",
            "无偿调剂土地支持公益事业", 20, "hualin-community", "编号 7（居民K7P2） 无偿调剂土地支持公益事业 +20"));
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
  }

  private static String definitionId() {
    return ENGINE.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
        .singleResult().getId();
  }

  private ProcessInstance propose() {
    return ProcessTestEngine.as(ENGINE, "points.hualin", OFFICER, () -> ENGINE.getFormService()
        .submitStartForm(definitionId(), PointsAward.start("hualin", 7, "land-for-road", "2023年4月修建通组公路，无偿调剂土地")));
  }

  private void decide(ProcessInstance pi, String user, Map<String, Object> decision) {
    ProcessTestEngine.as(ENGINE, user, SECRETARY, () -> ENGINE.getTaskService().complete(task(USER_TASK_APPROVE, pi).getId(), decision));
  }

  @Test
  void aProposalWaitsForTheCommitteeWithItsFactsButNoName() {
    ProcessInstance pi = propose();

    verify(awards).propose(eq("hualin"), eq(7L), eq("land-for-road"), eq("2023年4月修建通组公路，无偿调剂土地"),
        eq("points.hualin"), eq(OFFICER), eq(pi.getId()));
    assertThat(pi).hasPassed(SERVICE_TASK_PROPOSE).isWaitingAt(USER_TASK_APPROVE);
    assertThat(pi.getBusinessKey()).isEqualTo("JF-41");
    assertThat(pi).variables().containsEntry(Var.AWARD_ID.name(), 41L).containsEntry(Var.POINTS.name(), 20)
        .containsEntry(Var.PROPOSER.name(), "points.hualin").containsEntry(Var.PERSON_LABEL.name(), "编号 7（居民K7P2）");
    Task approval = task(USER_TASK_APPROVE, pi);
    assertThat(approval.getName()).isEqualTo("审核加分申请 编号 7（居民K7P2） 无偿调剂土地支持公益事业 +20");
    assertThat(ENGINE.getTaskService().getIdentityLinksForTask(approval.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId)).containsExactly("hualin-community");
  }

  @Test
  void anApprovedProposalIsWrittenOnTheLedger() {
    ProcessInstance pi = propose();
    when(awards.decide(eq(41L), eq(true), isNull(), eq("community.hualin"), eq(SECRETARY))).thenReturn(true);

    decide(pi, "community.hualin", Map.of(Var.APPROVED.name(), "true"));

    verify(awards).decide(41L, true, null, "community.hualin", SECRETARY);
    assertThat(pi).hasPassed(SERVICE_TASK_DECIDE, END_EVENT_AWARDED).hasNotPassed(END_EVENT_REJECTED).isEnded();
  }

  @Test
  void aRejectedProposalEndsWithItsReason() {
    ProcessInstance pi = propose();
    when(awards.decide(eq(41L), eq(false), eq("证据不足"), eq("community.hualin"), eq(SECRETARY))).thenReturn(false);

    decide(pi, "community.hualin", Map.of(Var.APPROVED.name(), false, Var.DECISION_COMMENT.name(), "证据不足"));

    assertThat(pi).hasPassed(END_EVENT_REJECTED).hasNotPassed(END_EVENT_AWARDED).isEnded();
  }

  @Test
  void aRefusedDecisionKeepsTheTaskOpen() {
    ProcessInstance pi = propose();
    when(awards.decide(anyLong(), eq(false), isNull(), any(), any())).thenThrow(new ValidationException(
        List.of(new FieldError("decisionComment", "required", "不同意时请写明理由"))));

    assertThatThrownBy(() -> decide(pi, "community.hualin", Map.of(Var.APPROVED.name(), false)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不同意时请写明理由");

    assertThat(pi).isWaitingAt(USER_TASK_APPROVE);
  }

  @Test
  void aRefusedProposalStartsNothing() {
    when(awards.propose(any(), any(), eq("clean-yard"), any(), any(), any(), any())).thenThrow(new ValidationException(
        List.of(new FieldError("ruleCode", "forbidden", "您无权提出「庭院整洁」的加分"))));

    assertThatThrownBy(() -> ProcessTestEngine.as(ENGINE, "grid.hualin", List.of("hualin-grid"), () -> ENGINE.getFormService()
        .submitStartForm(definitionId(), PointsAward.start("hualin", 7, "clean-yard", "依据"))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("您无权提出「庭院整洁」的加分");

    assertThat(ENGINE.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
    verify(awards, never()).decide(anyLong(), any(), any(), any(), any());
  }

  @Test
  void aPersonNumberThatIsNotWholeIsRefusedAsAFieldError() {
    Map<String, Object> start = PointsAward.start("hualin", 7, "land-for-road", "依据");
    start.put(Var.PERSON_ID.name(), 7.5);
    assertThatThrownBy(() -> ProcessTestEngine.as(ENGINE, "points.hualin", OFFICER,
        () -> ENGINE.getFormService().submitStartForm(definitionId(), start)))
        .isInstanceOf(FormFieldValidationException.class);
    verify(awards, never()).propose(any(), any(), any(), any(), any(), any(), any());
  }
}
