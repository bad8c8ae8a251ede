package cn.yishi.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the embedded H2 profile, refuses to start while the admin password is missing or "demo".
 * Runs before any bean, so nothing touches the database first.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {
  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
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
