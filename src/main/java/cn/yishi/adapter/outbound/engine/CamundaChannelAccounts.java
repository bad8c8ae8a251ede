package cn.yishi.adapter.outbound.engine;

import cn.yishi.application.port.ChannelAccounts;
import cn.yishi.domain.directory.GroupIds;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Channel accounts are the users of the {@code channel-accounts} group in Camunda's identity service. */
@Component
class CamundaChannelAccounts implements ChannelAccounts {
  private final IdentityService identity;

  CamundaChannelAccounts(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public boolean isChannelAccount(String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(GroupIds.CHANNEL_ACCOUNTS).count() == 1;
  }
}
