package cn.yishi.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Blocks the Admin setup endpoint. In 7.24.0 it creates an admin account whenever the
 * camunda-admin group has no direct member; the admin is created at start-up instead.
 */
public class AdminSetupBlockFilter extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    JsonErrors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
        "初始管理员设置接口已禁用，管理员账号由系统配置创建");
  }
}
