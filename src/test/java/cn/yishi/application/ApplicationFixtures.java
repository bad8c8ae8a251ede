package cn.yishi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.lenient;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ScreeningGround;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The real domain objects the application service tests share: a fixed clock, a small working-day calendar,
 * a small directory, the catalogue, mail templates that show every value they were given, and cases in the
 * states the services meet them in.
 */
public final class ApplicationFixtures {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Wednesday 4 March 2026, 10:00 in Shanghai. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T02:00:00Z"), ZONE);
  public static final OffsetDateTime NOW = OffsetDateTime.now(CLOCK);
  /** A holiday of this test calendar: Friday 6 March 2026, so that deadlines visibly skip it. */
  public static final LocalDate HOLIDAY = LocalDate.of(2026, 3, 6);
  public static final String BASE_URL = "https://yishi.example";

  public static final String CASE_NO = "FX-2026-000042";
  public static final long CASE_ID = 42;
  public static final String PROCESS = "process-42";

  private ApplicationFixtures() {}

  /** Monday to Friday, 18:00 end of day, with {@link #HOLIDAY}. */
  public static WorkingDayCalendar calendar() {
    return new WorkingDayCalendar(Set.of(HOLIDAY), Set.of(), Set.of(2026), LocalTime.of(18, 0), ZONE);
  }

  /** 18:00 in Shanghai on a date (yyyy-MM-dd): where deadlines fall. */
  public static OffsetDateTime endOfDay(String date) {
    return LocalDate.parse(date).atTime(18, 0).atZone(ZONE).toOffsetDateTime();
  }

  /**
   * One county with two communities (华林 with one station, 西山 without) and three units: the water company
   * and 华林's property company with an e-mail address, the road office without.
   */
  public static Directory directory() {
    return new Directory("fx", "奉新县", List.of(new Directory.Street("fengchuan", "冯川镇")),
        List.of(new Directory.Community("hualin", "华林社区", "fengchuan", List.of(new Directory.Station("hualin-a", "华林甲站"))),
            new Directory.Community("xishan", "西山社区", "fengchuan", List.of())),
        List.of(new Directory.Unit("water", "县供水公司", Directory.UnitType.DEPARTMENT, null, "water@fx.example"),
            new Directory.Unit("hualin-property", "华林物业", Directory.UnitType.PROPERTY, "hualin", "property@fx.example"),
            new Directory.Unit("roads", "县公路局", Directory.UnitType.DEPARTMENT, null, null)),
        List.of());
  }

  public static Catalogue catalogue() {
    return new Catalogue(List.of(new Catalogue.Category("streetlight", "路灯照明", "市政设施"),
        new Catalogue.Category("elevator", "加装电梯", "小区治理")));
  }

  /** The configured defaults: escalation 3/5/10/15 days, supervision 2, rework 5, evaluation wait 7 days. */
  public static HandlingProperties handling() {
    return new HandlingProperties(null, 0, 0, null);
  }

  /** Templates whose subject is the kind and whose body lists every placeholder as {@code name=[value]}. */
  public static MailTemplates templates() {
    Map<MailTemplates.Kind, MailTemplates.Template> t = new EnumMap<>(MailTemplates.Kind.class);
    for (MailTemplates.Kind k : MailTemplates.Kind.values()) {
      t.put(k, new MailTemplates.Template(k.key(),
          k.placeholders().stream().map(p -> p + "=[{" + p + "}]").collect(Collectors.joining("\n"))));
    }
    return new MailTemplates(t);
  }

  /** A case registered yesterday (Tuesday 3 March, 09:00) from the hotline in 华林, with the triage's suggestion. */
  public static CaseFile registered() {
    CaseFile c = new CaseFile(CASE_ID, CASE_NO, Channel.HOTLINE_12345, null, "streetlight", "路灯不亮",
        "御苑小区3栋门前路灯不亮", "hualin", "hualin-a", 12, OffsetDateTime.parse("2026-03-03T09:00:00+08:00"));
    c.restore(CaseStatus.REGISTERED, new Classification(Urgency.GREEN, Tier.STATION, Disposal.COMMITTED, "water"),
        null, null, null, null, null, null, null, null, PROCESS, null, null, 0, 0, 0, 0, null, null, null);
    c.restoreScreening(ScreeningGround.PUBLIC_FACILITIES, null);
    return c;
  }

  /** The case accepted and in the hands of a unit at a tier, with its deadline. */
  public static CaseFile inProgress(Tier tier, String unit, OffsetDateTime deadline) {
    return withState(CaseStatus.IN_PROGRESS, tier, unit, deadline, 0, 0, 0);
  }

  /** The case resolved by the water company at the station, awaiting the resident's rating. */
  public static CaseFile resolved(int reworkCount, int unsatisfiedCount) {
    CaseFile c = withState(CaseStatus.RESOLVED, Tier.STATION, "water", endOfDay("2026-03-05"), 0, reworkCount,
        unsatisfiedCount);
    c.restore(CaseStatus.RESOLVED, c.suggested(), null, c.urgency(), c.tier(), c.disposal(), c.responsibleUnit(), null,
        c.deadline(), c.responseDeadline(), PROCESS, "已更换灯泡", null, 0, 0, reworkCount, unsatisfiedCount,
        NOW.minusHours(1), null, NOW.minusHours(1));
    return c;
  }

  public static CaseFile withState(CaseStatus status, Tier tier, String unit, OffsetDateTime deadline, int overdueCount,
      int reworkCount, int unsatisfiedCount) {
    CaseFile c = registered();
    return c.restore(status, c.suggested(), null, Urgency.GREEN, tier, Disposal.COMMITTED, unit, null, deadline,
        endOfDay("2026-03-04"), PROCESS, null, null, 0, overdueCount, reworkCount, unsatisfiedCount, null, null,
        NOW.minusDays(1));
  }

  /** Lets the repository mock find the case by number and by id. */
  public static CaseFile stored(CaseRepository repository, CaseFile c) {
    lenient().when(repository.findByCaseNo(c.caseNo())).thenReturn(Optional.of(c));
    lenient().when(repository.findById(c.id())).thenReturn(Optional.of(c));
    return c;
  }

  /** Runs the call, expects a ValidationException and returns its field errors as {@code field/code}. */
  public static List<String> refusal(ThrowingCallable call) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("a ValidationException").isNotNull();
    return e.errors().stream().map(ApplicationFixtures::code).toList();
  }

  /** The single field error of a refusal. */
  public static FieldError refusedWith(ThrowingCallable call) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("a ValidationException").isNotNull();
    assertThat(e.errors()).hasSize(1);
    return e.errors().get(0);
  }

  private static String code(FieldError e) {
    return e.field() + "/" + e.code();
  }
}
