package cn.yishi.domain.deliberation;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The settings of a deliberating body, maintained while running (议事机构): where its sessions are held, its fixed
 * deliberation days (days of the month, 金溪's 每月固定议事日), its party model and standing parties (4+N / 5+N), and
 * whether it is active (only a station may be inactive: its topics then go to the community's room).
 *
 * @param place where its sessions are held; null: the body's name
 * @param fixedDays days of the month, ascending, 1 to 31 (a day past the month's end is its last day)
 */
public record BodySettings(String bodyKey, String place, List<Integer> fixedDays, PartyModel model,
    List<StandingParty> parties, boolean active, int version) {
  public static final int MAX_PLACE = 100;
  public static final int MAX_FIXED_DAYS = 4;

  public BodySettings {
    fixedDays = List.copyOf(fixedDays);
    parties = List.copyOf(parties);
  }

  /** The settings as someone typed them (the API's body). */
  public record Draft(String place, List<String> fixedDays, String partyModel, List<String> standingParties, Boolean active) {}

  /**
   * The next fixed deliberation day strictly after {@code after} (not yet adjusted to a working day): the first of
   * the body's days of the month still ahead in this month, else the first in the next month.
   */
  public LocalDate nextFixedDay(LocalDate after) {
    for (int month = 0; month < 2; month++) {
      LocalDate m = after.plusMonths(month);
      for (int day : fixedDays) {
        LocalDate candidate = m.withDayOfMonth(Math.min(day, m.lengthOfMonth()));
        if (candidate.isAfter(after)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no fixed day");
  }

  /** The settings with their days as text: 每月15日, 每月5日、20日. */
  public String fixedDaysText() {
    return "每月" + String.join("、", fixedDays.stream().map(d -> d + "日").toList());
  }

  /**
   * Checks a draft for {@code body}; every wrong field is named in Chinese, and nothing is returned half checked.
   */
  public static BodySettings of(Body body, Draft d, int version) {
    List<FieldError> errors = new ArrayList<>();
    String place = d.place() == null ? null : d.place().strip();
    if (place != null && place.isEmpty()) {
      place = null;
    }
    if (place != null && place.length() > MAX_PLACE) {
      errors.add(new FieldError("place", "too_long", "地点不超过" + MAX_PLACE + "字"));
    } else if (!Text.storable(place)) {
      errors.add(Text.unstorable("place"));
    }
    TreeSet<Integer> days = new TreeSet<>();
    List<String> given = d.fixedDays() == null ? List.of() : d.fixedDays().stream()
        .map(s -> s == null ? "" : s.strip()).filter(s -> !s.isEmpty()).toList();
    if (given.isEmpty()) {
      errors.add(new FieldError("fixedDays", "required", "请填写固定议事日（每月几日）"));
    } else if (given.size() > MAX_FIXED_DAYS) {
      errors.add(new FieldError("fixedDays", "too_many", "固定议事日每月最多" + MAX_FIXED_DAYS + "个"));
    } else {
      for (String s : given) {
        Integer day = parseDay(s);
        if (day == null || day < 1 || day > 31) {
          errors.add(new FieldError("fixedDays", "out_of_range", "固定议事日须为每月1日到31日之间的日子（“" + shorten(s) + "”不是）"));
          break;
        }
        if (!days.add(day)) {
          errors.add(new FieldError("fixedDays", "duplicate", "固定议事日" + day + "日填写了两次"));
          break;
        }
      }
    }
    PartyModel model = d.partyModel() == null ? null : PartyModel.of(d.partyModel().strip()).orElse(null);
    if (model == null) {
      errors.add(new FieldError("partyModel", d.partyModel() == null || d.partyModel().isBlank() ? "required" : "unknown",
          "请选择协商主体模式（五方议事、城市 5+N、农村 4+N 或宜昌 4+N）"));
    }
    List<StandingParty> parties = new ArrayList<>();
    for (String code : d.standingParties() == null ? List.<String>of() : d.standingParties()) {
      StandingParty p = code == null ? null : StandingParty.of(code.strip()).orElse(null);
      if (p == null) {
        errors.add(new FieldError("standingParties", "unknown", "未知的常设协商主体：" + shorten(String.valueOf(code))));
        break;
      }
      if (!parties.contains(p)) {
        parties.add(p);
      }
    }
    boolean active = d.active() == null || d.active();
    if (!active && body.kind() != Tier.STATION) {
      errors.add(new FieldError("active", "required_body", body.name() + "不能停用（只有小区党群会客站可以停用，其议题改由社区党群会客室议事）"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    if (parties.isEmpty()) {
      parties.addAll(model.parties());
    }
    return new BodySettings(body.key(), place, List.copyOf(days), model, parties, active, version);
  }

  private static Integer parseDay(String s) {
    String t = s.endsWith("日") || s.endsWith("号") ? s.substring(0, s.length() - 1) : s;
    try {
      return t.length() > 2 ? null : Integer.valueOf(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
