package cn.yishi.domain.microgrid;

import java.time.LocalDate;

/**
 * One term of one person in one role of a 院坝: from {@code from} until {@code to} (exclusive; null while current). The
 * phone is for staff only; {@code userId} is the person's login when they have one.
 */
public record RoleHolder(
    long id,
    String yuanba,
    YuanbaRole role,
    String name,
    String phone,
    String userId,
    LocalDate from,
    LocalDate to,
    ChangeReason startReason,
    ChangeReason endReason,
    String note) {

  public boolean current() {
    return to == null;
  }
}
