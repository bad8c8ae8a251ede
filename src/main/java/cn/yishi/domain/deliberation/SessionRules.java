package cn.yishi.domain.deliberation;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a session (议事会): moving a topic to another session, the record that covers every topic on the
 * agenda, the follow-up of the previous session's items (漩涡: questions and a rating of 1 to 5). Each refusal is
 * a field error in Chinese; nothing is stored when one is raised.
 */
public final class SessionRules {
  public static final int MIN_RATING = 1;
  public static final int MAX_RATING = 5;
  /** A rating at or below this sends the item back to its unit with a supervision order. */
  public static final int LOW_RATING = 2;

  private SessionRules() {}

  /**
   * The convener moves a topic to another session of the same body, on a date not before today, with a reason.
   * Returns the reason, stripped.
   */
  public static String move(Body from, Body to, LocalDate targetDate, boolean targetOpen, LocalDate today, String reason) {
    List<FieldError> errors = new ArrayList<>();
    if (to == null || !from.key().equals(to.key())) {
      errors.add(new FieldError("moveToSession", "other_body", "只能改到" + from.name() + "的议事会，不能改到其他议事主体"));
    }
    if (targetDate == null || targetDate.isBefore(today)) {
      errors.add(new FieldError("moveToDate", "past", "改期日期不能早于今天"));
    } else if (!targetOpen) {
      errors.add(new FieldError("moveToDate", "closed", "该日议事会议程已确定或已召开，请另选日期"));
    }
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 1000) {
      errors.add(new FieldError("moveReason", "required", "改期须填写理由（不超过1000字）"));
    } else if (!Text.storable(r)) {
      errors.add(Text.unstorable("moveReason"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return r;
  }

  /** The record names each topic on the agenda exactly once, and no other. */
  public static void coversAgenda(Collection<Long> agenda, List<Long> recorded, java.util.function.LongFunction<String> title) {
    List<FieldError> errors = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    for (Long t : recorded) {
      if (t == null || !agenda.contains(t)) {
        errors.add(new FieldError("topics", "unknown", "议题编号 " + t + " 不在本次议事会议程中"));
      } else if (!seen.add(t)) {
        errors.add(new FieldError("topics", "duplicate", "议题「" + title.apply(t) + "」记录了两次"));
      }
    }
    for (Long t : agenda) {
      if (!recorded.contains(t)) {
        errors.add(new FieldError("topics", "missing", "议程中的议题「" + title.apply(t) + "」没有记录（讨论、决议或暂停）"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** 满意度测评: a whole number from 1 to 5 for each item followed up. */
  public static int rating(Integer rating, int index) {
    if (rating == null || rating < MIN_RATING || rating > MAX_RATING) {
      throw new ValidationException(List.of(new FieldError("followUps[" + index + "].rating", "out_of_range",
          "第" + (index + 1) + "项跟进事项：满意度测评须为1到5分")));
    }
    return rating;
  }

  /** 现场质询: the questions raised on an item, optional, at most 2000 characters. */
  public static String questions(String questions, int index) {
    String q = questions == null ? "" : questions.strip();
    if (q.length() > 2000) {
      throw new ValidationException(List.of(new FieldError("followUps[" + index + "].questions", "too_long",
          "第" + (index + 1) + "项跟进事项：质询内容不超过2000字")));
    }
    Text.requireStorable("followUps[" + index + "].questions", q);
    return q.isEmpty() ? null : q;
  }
}
