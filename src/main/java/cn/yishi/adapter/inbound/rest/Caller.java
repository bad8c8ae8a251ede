package cn.yishi.adapter.inbound.rest;

import cn.yishi.domain.directory.GroupIds;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is calling /api: set by Camunda's ProcessEngineAuthenticationFilter (HTTP Basic against the
 * identity service) for the duration of the request.
 */
@Component
class Caller {
  private final IdentityService identity;

  Caller(IdentityService identity) {
    this.identity = identity;
  }

  String userId() {
    Authentication a = identity.getCurrentAuthentication();
    if (a == null || a.getUserId() == null) {
      throw new ApiErrors.Forbidden("需要登录");
    }
    return a.getUserId();
  }

  List<String> groups() {
    Authentication a = identity.getCurrentAuthentication();
    return a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
  }

  boolean isAdmin() {
    return groups().contains(GroupIds.ADMIN);
  }

  /** Any member of a staff group (not only a channel account). */
  boolean isStaff() {
    return isAdmin() || groups().stream().anyMatch(g -> !g.equals(GroupIds.CHANNEL_ACCOUNTS));
  }

  boolean inAny(List<String> groupIds) {
    return isAdmin() || groups().stream().anyMatch(groupIds::contains);
  }
}
