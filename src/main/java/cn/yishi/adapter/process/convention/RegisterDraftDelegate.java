package cn.yishi.adapter.process.convention;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.convention.Conventions;
import cn.yishi.domain.directory.GroupIds;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The start form's draft: stored as version 1 of a new convention (or the next version of the one it amends) and put
 * to publicity; a refused draft refuses the start, nothing is stored.
 */
@Component("registerDraftDelegate")
public class RegisterDraftDelegate implements JavaDelegate {
  private final Conventions conventions;
  private final String publicBaseUrl;

  public RegisterDraftDelegate(Conventions conventions, @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.conventions = conventions;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Conventions.Started s = EngineVariables.refusingBadInput(() -> conventions.start(
        EngineVariables.actor(execution), EngineVariables.actorGroups(execution),
        Convention.Var.SCOPE.from(execution), Convention.Var.AMENDS.from(execution), Convention.Var.TITLE.from(execution),
        Convention.Var.TEXT.from(execution), Convention.Var.COMMENT_DAYS.from(execution)));
    Convention.Var.CONVENTION_ID.on(execution, s.conventionId());
    Convention.Var.VERSION_ID.on(execution, s.versionId());
    Convention.Var.VERSION_NO.on(execution, s.versionNo());
    Convention.Var.TITLE.on(execution, s.title());
    Convention.Var.SCOPE_NAME.on(execution, s.scope().name());
    Convention.Var.COMMUNITY_GROUP.on(execution, GroupIds.community(s.scope().community()));
    Convention.Var.COMMENTS_CLOSE_AT.on(execution, s.commentsCloseAt());
    Convention.Var.DRAFT_URL.on(execution, publicBaseUrl + "/public/conventions/drafts/" + s.token());
  }
}
