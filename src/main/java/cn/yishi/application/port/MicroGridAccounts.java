package cn.yishi.application.port;

import cn.yishi.domain.microgrid.RoleHolder;
import cn.yishi.domain.microgrid.Yuanba;
import java.util.List;

/**
 * The logins of a 院坝's 一长三员: its groups ({@code yuanba-<code>} and one per role) and the users of the holders
 * who log in, kept in step with the current holders whenever they change.
 */
public interface MicroGridAccounts {
  /** {@code holders}: every term of the 院坝 (the current ones are members, the ended ones no longer are). */
  void synchronise(Yuanba yuanba, String communityName, List<RoleHolder> holders);
}
