package cn.yishi.domain.observer;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.directory.CommunityArea;
import cn.yishi.domain.directory.Directory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of observers (议事观察员) and of their reports (码上拍): who may be registered (name, a mobile number, the
 * kind of work, the company), and where a report is: its position inside a community's area, or, without a position,
 * the community the observer chose.
 */
public final class ObserverRules {
  public static final int NAME_MAX = 20;
  public static final int COMPANY_MAX = 60;
  /** A 码上拍 is short: a photo and a line or two. */
  public static final int DESCRIPTION_MAX = 200;
  /** The case title taken from the start of the description. */
  public static final int TITLE_LENGTH = 30;
  public static final String OUTSIDE = "位置不在本县任何社区内";
  private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

  private ObserverRules() {}

  /** Every refusal of a registration at once; empty when it may be stored. */
  public static List<FieldError> checkRegistration(String name, String phone, String kind, String company) {
    List<FieldError> errors = new ArrayList<>();
    String n = trim(name);
    if (n == null) {
      errors.add(new FieldError("name", "required", "请填写观察员姓名"));
    } else if (!Text.storable(n)) {
      errors.add(Text.unstorable("name"));
    } else if (n.length() > NAME_MAX) {
      errors.add(new FieldError("name", "too_long", "姓名不能超过" + NAME_MAX + "个字"));
    }
    String p = trim(phone);
    if (p == null) {
      errors.add(new FieldError("phone", "required", "请填写观察员的手机号码"));
    } else if (!MOBILE.matcher(p).matches()) {
      errors.add(new FieldError("phone", "invalid", "手机号码应为11位数字，以1开头"));
    }
    if (trim(kind) == null) {
      errors.add(new FieldError("kind", "required", "请选择观察员类别（快递员、外卖骑手或网约车司机）"));
    } else if (ObserverKind.of(kind.strip()).isEmpty()) {
      errors.add(new FieldError("kind", "unknown", "观察员类别只能是快递员、外卖骑手或网约车司机"));
    }
    String c = trim(company);
    if (c != null && !Text.storable(c)) {
      errors.add(Text.unstorable("company"));
    } else if (c != null && c.length() > COMPANY_MAX) {
      errors.add(new FieldError("company", "too_long", "所在企业不能超过" + COMPANY_MAX + "个字"));
    }
    return errors;
  }

  /** Where a report is: the community, the position (null without one), or the refusals. */
  public record Location(String community, Double lat, Double lng, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * The community of a report: by the position when the phone gave one ({@code lat}, {@code lng} in degrees), which
   * must lie inside a community's area; else the community the observer chose.
   */
  public static Location locate(String lat, String lng, String community, Directory directory) {
    String la = trim(lat);
    String ln = trim(lng);
    if (la == null && ln == null) {
      String c = trim(community);
      if (c == null) {
        return refused(new FieldError("location", "required", "请获取当前位置，或手动选择所在社区"));
      }
      if (!Text.storable(c) || directory.community(c).isEmpty()) {
        return refused(new FieldError("community", "unknown", "请从列表中选择所在社区"));
      }
      return new Location(c, null, null, List.of());
    }
    Double latitude = number(la);
    Double longitude = number(ln);
    if (latitude == null || longitude == null || !CommunityArea.Point.valid(latitude, longitude)) {
      return refused(new FieldError("location", "invalid", "位置坐标无效，请重新获取位置，或手动选择所在社区"));
    }
    return directory.communityAt(latitude, longitude)
        .map(c -> new Location(c.code(), latitude, longitude, List.of()))
        .orElseGet(() -> refused(new FieldError("location", "outside", OUTSIDE)));
  }

  /** The description's refusals: required, at most {@value #DESCRIPTION_MAX} characters. */
  public static List<FieldError> checkDescription(String description) {
    String d = trim(description);
    if (d == null) {
      return List.of(new FieldError("description", "required", "请简要描述看到的问题"));
    }
    if (d.length() > DESCRIPTION_MAX) {
      return List.of(new FieldError("description", "too_long", "问题描述不能超过" + DESCRIPTION_MAX + "个字（现为" + d.length() + "个字）"));
    }
    return List.of();
  }

  /** The case title: the description's first line, at most {@value #TITLE_LENGTH} characters. */
  public static String title(String description) {
    String d = trim(description);
    if (d == null) {
      return null;
    }
    String line = d.lines().findFirst().orElse(d).strip();
    if (line.length() <= TITLE_LENGTH) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(TITLE_LENGTH - 1)) ? TITLE_LENGTH - 1 : TITLE_LENGTH;
    return line.substring(0, end) + "…";
  }

  static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  private static Location refused(FieldError error) {
    return new Location(null, null, null, List.of(error));
  }

  private static Double number(String s) {
    if (s == null || s.length() > 32) {
      return null;
    }
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
