package cn.yishi.adapter.process.convention;

import cn.yishi.application.convention.Conventions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Adopted: the version is in force from today and listed in the public register; the version it amends is superseded. */
@Component("publishConventionDelegate")
public class PublishConventionDelegate implements JavaDelegate {
  private final Conventions conventions;

  public PublishConventionDelegate(Conventions conventions) {
    this.conventions = conventions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Convention.Var.EFFECTIVE_DATE.on(execution,
        conventions.publish(Convention.Var.VERSION_ID.required(execution)).toString());
  }
}
