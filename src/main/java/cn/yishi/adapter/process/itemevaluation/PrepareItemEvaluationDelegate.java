package cn.yishi.adapter.process.itemevaluation;

import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.application.deliberation.ItemEvaluations;
import cn.yishi.application.port.ItemEvaluationStore;
import cn.yishi.domain.directory.GroupIds;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What the committee's tasks are about: the case number and title (or the community matter), the community. */
@Component("prepareItemEvaluationDelegate")
public class PrepareItemEvaluationDelegate implements JavaDelegate {
  private final ItemEvaluations evaluations;

  public PrepareItemEvaluationDelegate(ItemEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ItemEvaluationStore.ItemFacts i = evaluations.item(Deliberation.Var.ITEM_ID.required(execution));
    IssueLifecycle.Var.CASE_NO.on(execution, i.caseNo());
    IssueLifecycle.Var.TITLE.on(execution, i.title());
    IssueLifecycle.Var.COMMUNITY.on(execution, i.community());
    ItemEvaluation.Var.COMMITTEE_GROUP.on(execution, GroupIds.supervisoryCommittee(i.community()));
  }
}
