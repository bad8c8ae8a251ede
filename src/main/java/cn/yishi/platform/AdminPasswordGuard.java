package cn.yishi.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the embedded H2 profile, refuses to start while the admin password is missing or "demo".
 * Runs as a bean-factory post-processor, before any bean is created, so nothing touches the
 * database first.
 */
@Component
public class AdminPasswordGuard implements BeanFactoryPostProcessor, EnvironmentAware {
  private Environment env;

  @Override
  public void setEnvironment(Environment environment) {
    this.env = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check(env);
  }

  static void check(Environment env) {
    if (DeploymentMode.isEmbedded(env)) {
      return;
    }
    String id = env.getProperty("yishi.admin.id");
    String password = env.getProperty("yishi.admin.password");
    if (id == null || id.isBlank() || password == null || password.isBlank() || "demo".equals(password)) {
      throw new StartupRefusedException(
          "Refusing to start: the admin password is missing or \"demo\" outside the embedded H2 profile"
              + " (管理员密码未设置或仍为 demo，生产环境拒绝启动).",
          "Set YISHI_ADMIN_USER and YISHI_ADMIN_PASSWORD (at least 10 characters with upper and lower case,"
              + " a digit and a special character) and start again.");
    }
  }
}
