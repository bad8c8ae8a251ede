package cn.yishi.adapter.inbound.open311;

import static cn.yishi.adapter.inbound.open311.Open311Parameters.blank;
import static cn.yishi.adapter.inbound.open311.Open311Parameters.list;

import cn.yishi.application.Catalogue;
import cn.yishi.application.ServiceRequestQueries.Search;
import cn.yishi.application.ServiceRequestQueries.State;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The parameters of the reading endpoints ({@code services}, {@code requests}, {@code requests/{id}}) as
 * typed queries, or every refusal at once.
 */
@Component
class Open311QueryParser {
  static final int PAGE_SIZE_DEFAULT = 100;
  static final int PAGE_SIZE_MAX = 200;
  static final int PAGE_MAX = 1_000_000;
  static final int IDS_MAX = 200;
  static final Duration RANGE_MAX = Duration.ofDays(90);

  private final Catalogue catalogue;
  private final Directory directory;
  private final Clock clock;
  private final ZoneId zone;

  Open311QueryParser(Catalogue catalogue, Directory directory, Clock clock, @Value("${yishi.zone}") String zone) {
    this.catalogue = catalogue;
    this.directory = directory;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** The parameters of {@code GET requests}, as the client sent them (null when absent). */
  record ListParameters(String jurisdiction, String ids, String codes, String startDate, String endDate, String status,
      String page, String pageSize, String extensions) {}

  /** A page of requests to find, and whether to answer the extended attributes. */
  record ListQuery(Search search, boolean extensions) {}

  /** One request's filter: the community it must belong to (null: any), and the extended attributes. */
  record OneQuery(String community, boolean extensions) {}

  /** {@code jurisdiction_id} of {@code services}: a known community, or none. */
  Open311Parsed<Optional<String>> jurisdiction(String jurisdiction) {
    List<String> errors = new ArrayList<>();
    String community = jurisdiction(jurisdiction, errors);
    return Open311Parsed.of(Optional.ofNullable(community), errors);
  }

  /** The parameters of {@code GET requests/{id}}. */
  Open311Parsed<OneQuery> request(String jurisdiction, String extensions) {
    List<String> errors = new ArrayList<>();
    String community = jurisdiction(jurisdiction, errors);
    boolean withExtensions = extensions(extensions, errors);
    return Open311Parsed.of(new OneQuery(community, withExtensions), errors);
  }

  /** The parameters of {@code GET requests}. */
  Open311Parsed<ListQuery> requests(ListParameters p) {
    List<String> errors = new ArrayList<>();
    String community = jurisdiction(p.jurisdiction(), errors);
    List<String> caseNos = list(p.ids());
    if (caseNos.size() > IDS_MAX) {
      errors.add("service_request_id：一次最多查询" + IDS_MAX + "个诉求编号");
    }
    List<String> categories = categories(p.codes(), errors);
    Set<State> states = states(p.status(), errors);
    Range range = range(p.startDate(), p.endDate(), errors);
    int page = number("page", p.page(), 1, PAGE_MAX, 1, "页码应为1到" + PAGE_MAX + "之间的整数", errors);
    int size = number("page_size", p.pageSize(), 1, PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT,
        "每页条数应为1到" + PAGE_SIZE_MAX + "之间的整数", errors);
    boolean withExtensions = extensions(p.extensions(), errors);
    Search search = new Search(caseNos, community, categories, states, range.from(), range.to(), size, (long) (page - 1) * size);
    return Open311Parsed.of(new ListQuery(search, withExtensions), errors);
  }

  private String jurisdiction(String jurisdiction, List<String> errors) {
    String j = blank(jurisdiction);
    if (j != null && directory.community(j).isEmpty()) {
      errors.add("jurisdiction_id：未知的社区：" + j);
    }
    return j;
  }

  private List<String> categories(String codes, List<String> errors) {
    List<String> categories = list(codes);
    categories.stream().filter(c -> !catalogue.contains(c)).forEach(c -> errors.add("service_code：未知的服务类别：" + c));
    return categories;
  }

  /** {@code open}, {@code closed} or both (the default). */
  private static Set<State> states(String status, List<String> errors) {
    Set<State> states = EnumSet.noneOf(State.class);
    List<String> wanted = list(status);
    for (String s : wanted.isEmpty() ? List.of("open", "closed") : wanted) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "open" -> states.add(State.OPEN);
        case "closed" -> states.add(State.CLOSED);
        default -> errors.add("status：状态应为 open 或 closed");
      }
    }
    return states;
  }

  private record Range(OffsetDateTime from, OffsetDateTime to) {}

  /**
   * From {@code start_date} to {@code end_date}: by default up to now, and from {@link #RANGE_MAX} before
   * the end; never longer than that. Both null when a date is refused.
   */
  private Range range(String startDate, String endDate, List<String> errors) {
    int before = errors.size();
    OffsetDateTime start = date("start_date", startDate, false, errors);
    OffsetDateTime end = date("end_date", endDate, true, errors);
    if (errors.size() > before) {
      return new Range(null, null);
    }
    OffsetDateTime to = end != null ? end : OffsetDateTime.now(clock);
    OffsetDateTime from = start != null ? start : to.minus(RANGE_MAX);
    if (from.isAfter(to)) {
      errors.add("start_date：开始时间不能晚于结束时间");
    } else if (Duration.between(from, to).compareTo(RANGE_MAX) > 0) {
      errors.add("end_date：查询时间范围不能超过90天" + (end == null ? "，请同时指定 end_date" : ""));
    }
    return new Range(from, to);
  }

  /** A w3c date-time with an offset, or a date (the start of that day, or for an end date its end). */
  private OffsetDateTime date(String name, String value, boolean end, List<String> errors) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    v = v.replace(' ', '+'); // an unencoded "+08:00" in a query string arrives as " 08:00"
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return end ? d.plusDays(1).atStartOfDay(zone).toOffsetDateTime().minusNanos(1000)
            : d.atStartOfDay(zone).toOffsetDateTime();
      }
      return OffsetDateTime.parse(v);
    } catch (DateTimeParseException e) {
      errors.add(name + "：时间格式不正确，应为带时区的 ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（如 2026-11-01）");
      return null;
    }
  }

  private static int number(String name, String value, int min, int max, int fallback, String message,
      List<String> errors) {
    String v = blank(value);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    errors.add(name + "：" + message);
    return fallback;
  }

  private static boolean extensions(String value, List<String> errors) {
    String v = blank(value);
    if (v == null || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    errors.add("extensions：应为 true 或 false");
    return false;
  }
}
