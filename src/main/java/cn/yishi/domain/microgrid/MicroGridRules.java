package cn.yishi.domain.microgrid;

import cn.yishi.domain.casefile.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a 院坝 and a role holder must look like; every problem is reported, not only the first. */
public final class MicroGridRules {
  public static final int MAX_NAME = 40;
  public static final int MAX_AREA = 200;
  public static final int MAX_PERSON = 20;
  public static final int MAX_NOTE = 200;
  private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
  private static final Pattern USER_ID = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");

  private MicroGridRules() {}

  public static List<FieldError> checkYuanba(String name, String area) {
    List<FieldError> errors = new ArrayList<>();
    text(errors, "name", name, MAX_NAME, true, "院坝名称");
    text(errors, "area", area, MAX_AREA, false, "范围说明");
    return errors;
  }

  /**
   * A new holder's term. {@code currentFrom} is the start of the term it ends (null when the role is vacant): a
   * replacement cannot start before it.
   */
  public static List<FieldError> checkHolder(String name, String phone, String userId, LocalDate from, String reason,
      String note, LocalDate currentFrom, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    text(errors, "name", name, MAX_PERSON, true, "姓名");
    if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
      errors.add(new FieldError("phone", "invalid", "联系电话应为11位手机号或带区号的固定电话"));
    }
    if (userId != null && !userId.isBlank() && (!USER_ID.matcher(userId.strip()).matches() || userId.strip().length() > 64)) {
      errors.add(new FieldError("userId", "invalid", "登录账号只能包含小写字母、数字和 . _ -"));
    }
    if (from == null) {
      errors.add(new FieldError("from", "required", "请填写任职日期"));
    } else if (from.isAfter(today.plusDays(90))) {
      errors.add(new FieldError("from", "too_late", "任职日期不能晚于90天以后"));
    } else if (currentFrom != null && from.isBefore(currentFrom)) {
      errors.add(new FieldError("from", "before_current", "任职日期不能早于现任的任职日期（" + currentFrom + "）"));
    }
    if (ChangeReason.parseForStaff(reason).isEmpty()) {
      errors.add(new FieldError("reason", "required", "请选择调整原因：换届选举、评价不及格调整或其他"));
    }
    text(errors, "note", note, MAX_NOTE, false, "说明");
    return errors;
  }

  private static void text(List<FieldError> errors, String field, String value, int max, boolean required, String label) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "required", "请填写" + label));
      }
      return;
    }
    if (value.strip().codePointCount(0, value.strip().length()) > max) {
      errors.add(new FieldError(field, "too_long", label + "不能超过" + max + "个字"));
    } else if (CONTROL.matcher(value).find()) {
      errors.add(new FieldError(field, "invalid", label + "含有不能显示的字符"));
    }
  }
}
