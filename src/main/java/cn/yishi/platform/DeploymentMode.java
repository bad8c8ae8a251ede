package cn.yishi.platform;

import org.springframework.core.env.Environment;

/**
 * The embedded profile is the zero-setup default: an H2 file database, demo users, admin demo/demo.
 * Anything else (PostgreSQL) is treated as production.
 */
public final class DeploymentMode {
  private DeploymentMode() {}

  public static boolean isEmbedded(Environment env) {
    String url = env.getProperty("spring.datasource.url", "");
    return url.startsWith("jdbc:h2:");
  }
}
