package cn.yishi.platform;

import cn.yishi.application.port.ProxyStartForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deploys the start form of 代办 ({@code forms/proxyRequest.form}) with the services active now, after a change of the
 * 代办事项清单. The start event binds it as {@code latest}, so Tasklist's next 发起流程 → 代办 lists the current services
 * without a new version of the process. It runs in the change's transaction (a refused change deploys nothing);
 * an unchanged form is not deployed again.
 */
@Component
class ProxyStartFormDeployment implements ProxyStartForm {
  static final String DEPLOYMENT_NAME = "yishi-proxy-start-form";
  static final String RESOURCE = "forms/proxyRequest.form";
  static final String FORM_ID = "proxyRequest";
  private static final Logger LOG = LoggerFactory.getLogger(ProxyStartFormDeployment.class);

  private final RepositoryService repository;
  private final FormOptions formOptions;
  private final IdentityService identity;

  ProxyStartFormDeployment(RepositoryService repository, FormOptions formOptions, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
    this.formOptions = formOptions;
  }

  @Override
  public void refresh() {
    byte[] form;
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      form = formOptions.fill(RESOURCE, in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + RESOURCE, e);
    }
    // deployed for the application, not for the staff member whose change it follows (no one holds CREATE on
    // deployments but admins)
    org.camunda.bpm.engine.impl.identity.Authentication caller = identity.getCurrentAuthentication();
    org.camunda.bpm.engine.repository.DeploymentWithDefinitions d;
    try {
      identity.clearAuthentication();
      d = repository.createDeployment().name(DEPLOYMENT_NAME).source("yishi").enableDuplicateFiltering(false)
          .addInputStream(RESOURCE, new ByteArrayInputStream(form)).deployWithResult();
    } finally {
      identity.setAuthentication(caller);
    }
    LOG.info("代办开始表单已按代办事项清单重新部署（{}）", d.getId());
  }
}
