package cn.yishi.domain.microgrid;

import cn.yishi.domain.casefile.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the input of a 双向评价 round must look like: a sheet (one answer 满意/基本满意/不满意 for every person rated, by
 * position), the cadres named when a round starts, the self-evaluation and the township's decision on a 不及格. Every
 * problem is reported, not only the first.
 */
public final class EvaluationRules {
  public static final int MAX_CADRES = 4;
  /** The most persons a sheet rates: the 一长三员 and the cadres. */
  public static final int MAX_SUBJECTS = YuanbaRole.values().length + MAX_CADRES;
  public static final int MAX_TITLE = 20;
  public static final int MAX_SELF_TEXT = 1000;
  public static final int MAX_REASON = 500;
  public static final String DEFAULT_CADRE_TITLE = "包片干部";
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}&&[^\\n\\r\\t]]");

  private EvaluationRules() {}

  /** A cadre named at the start of a round: 包片干部 张卫东. */
  public record Cadre(String title, String name) {}

  /** The half-year of a day: {@code 2026-H1}; a 院坝 has one round per half-year. */
  public static String period(LocalDate day) {
    return day.getYear() + (day.getMonthValue() <= 6 ? "-H1" : "-H2");
  }

  /** 2026年上半年. */
  public static String periodLabel(String period) {
    if (period == null || period.length() != 7) {
      return period;
    }
    return period.substring(0, 4) + "年" + (period.endsWith("H1") ? "上半年" : "下半年");
  }

  /**
   * One sheet: {@code answers} maps a position (1..subjects.size()) to the answer's code. Every person needs an answer,
   * one of the three; a position not on the sheet is refused. {@code field} and {@code prefix} name the sheet in the
   * errors (the online form: "answers", ""; a paper sheet: "paperSheets[2]", "第3张：").
   */
  public static Map<Integer, Satisfaction> checkSheet(List<EvaluationSubject> subjects, Map<Integer, String> answers,
      String field, String prefix, List<FieldError> errors) {
    Map<Integer, Satisfaction> sheet = new LinkedHashMap<>();
    Map<Integer, String> given = answers == null ? Map.of() : answers;
    for (Integer p : given.keySet()) {
      if (p == null || p < 1 || p > subjects.size()) {
        String v = given.get(p);
        if (v != null && !v.isBlank()) {
          errors.add(new FieldError(field + ".answers", "unknown_subject", prefix + "第" + p + "位不在本次评价的名单中"));
        }
      }
    }
    for (EvaluationSubject s : subjects) {
      String v = given.get(s.position());
      String f = field + ".answers[" + s.position() + "]";
      if (v == null || v.isBlank()) {
        errors.add(new FieldError(f, "required", prefix + "请评价" + s.label()));
      } else {
        Satisfaction answer = Satisfaction.parse(v.strip()).orElse(null);
        if (answer == null) {
          errors.add(new FieldError(f, "out_of_range", prefix + "对" + s.label() + "的评价只能是满意、基本满意或不满意"));
        } else {
          sheet.put(s.position(), answer);
        }
      }
    }
    return sheet;
  }

  /**
   * The cadres who serve the 院坝, one a line: {@code 姓名} or {@code 职务 姓名} (职务 defaults to 包片干部); blank lines
   * ignored; at most {@link #MAX_CADRES}.
   */
  public static List<Cadre> parseCadres(List<String> lines, List<FieldError> errors) {
    List<Cadre> cadres = new ArrayList<>();
    for (String line : lines == null ? List.<String>of() : lines) {
      String l = line == null ? "" : line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int space = l.lastIndexOf(' ') >= 0 ? l.lastIndexOf(' ') : l.lastIndexOf('\u3000');
      String title = space < 0 ? DEFAULT_CADRE_TITLE : l.substring(0, space).strip();
      String name = space < 0 ? l : l.substring(space + 1).strip();
      if (CONTROL.matcher(l).find() || name.isEmpty() || title.isEmpty()
          || name.codePointCount(0, name.length()) > MicroGridRules.MAX_PERSON
          || title.codePointCount(0, title.length()) > MAX_TITLE) {
        errors.add(new FieldError("cadres", "invalid", "干部“" + l + "”应写作“姓名”或“职务 姓名”（姓名不超过"
            + MicroGridRules.MAX_PERSON + "字，职务不超过" + MAX_TITLE + "字）"));
      } else {
        cadres.add(new Cadre(title, name));
      }
    }
    if (cadres.size() > MAX_CADRES) {
      errors.add(new FieldError("cadres", "too_many", "每轮最多评价" + MAX_CADRES + "名服务本院坝的干部"));
    }
    return cadres;
  }

  public static List<FieldError> checkSelfEvaluation(String grade, String text) {
    List<FieldError> errors = new ArrayList<>();
    if (SelfGrade.parse(grade).isEmpty()) {
      errors.add(new FieldError("selfGrade", "required", "请选择自评等次：好、较好、一般或较差"));
    }
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      errors.add(new FieldError("selfText", "required", "请填写院坝自评（议事协商、代办服务、宣传宣讲开展情况）"));
    } else if (t.codePointCount(0, t.length()) > MAX_SELF_TEXT) {
      errors.add(new FieldError("selfText", "too_long", "院坝自评不能超过" + MAX_SELF_TEXT + "字"));
    } else if (CONTROL.matcher(t).find()) {
      errors.add(new FieldError("selfText", "invalid", "院坝自评含有不能显示的字符"));
    }
    return errors;
  }

  /** The township's decision: replace, or keep with the reasons (required). */
  public static List<FieldError> checkDecision(String decision, String reason) {
    List<FieldError> errors = new ArrayList<>();
    ReviewDecision d = ReviewDecision.parse(decision).orElse(null);
    if (d == null) {
      errors.add(new FieldError("reviewDecision", "required", "请选择研究结果：调整或保留"));
    }
    String r = reason == null ? "" : reason.strip();
    if (d == ReviewDecision.KEEP && r.isEmpty()) {
      errors.add(new FieldError("reviewReason", "required", "保留不及格人员须写明理由"));
    } else if (r.codePointCount(0, r.length()) > MAX_REASON) {
      errors.add(new FieldError("reviewReason", "too_long", "理由不能超过" + MAX_REASON + "字"));
    } else if (CONTROL.matcher(r).find()) {
      errors.add(new FieldError("reviewReason", "invalid", "理由含有不能显示的字符"));
    }
    return errors;
  }
}
