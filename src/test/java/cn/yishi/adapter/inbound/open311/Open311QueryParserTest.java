package cn.yishi.adapter.inbound.open311;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.inbound.open311.Open311QueryParser.ListParameters;
import cn.yishi.adapter.inbound.open311.Open311QueryParser.ListQuery;
import cn.yishi.adapter.inbound.open311.Open311QueryParser.OneQuery;
import cn.yishi.application.ServiceRequestQueries.Search;
import cn.yishi.application.ServiceRequestQueries.State;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parameters of the reading endpoints: typed queries with their defaults, and each refusal. */
class Open311QueryParserTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 30, 0, 0, ZoneOffset.ofHours(8));

  private final Open311QueryParser parser = new Open311QueryParser(Open311ReportParserTest.CATALOGUE,
      Open311ReportParserTest.DIRECTORY, Clock.fixed(NOW.toInstant(), ZONE), ZONE.getId());

  /** GET requests with only the given parameters; the others absent. */
  private static final class Get {
    String jurisdiction, ids, codes, start, end, status, page, size, extensions;

    ListParameters parameters() {
      return new ListParameters(jurisdiction, ids, codes, start, end, status, page, size, extensions);
    }
  }

  private Open311Parsed<ListQuery> requests(Consumer<Get> with) {
    Get g = new Get();
    with.accept(g);
    return parser.requests(g.parameters());
  }

  private List<String> refused(Consumer<Get> with) {
    Open311Parsed<ListQuery> parsed = requests(with);
    assertThat(parsed.isValid()).as("refused").isFalse();
    return parsed.errors();
  }

  @Test
  void withoutParametersTheLast90DaysOfEveryStateOnTheFirstPage() {
    ListQuery q = requests(g -> {}).orThrow();
    Search s = q.search();
    assertThat(s.caseNos()).isEmpty();
    assertThat(s.community()).isNull();
    assertThat(s.categories()).isEmpty();
    assertThat(s.states()).containsExactlyInAnyOrder(State.OPEN, State.CLOSED);
    assertThat(s.to()).isEqualTo(NOW);
    assertThat(s.from()).isEqualTo(NOW.minusDays(90));
    assertThat(s.limit()).isEqualTo(Open311QueryParser.PAGE_SIZE_DEFAULT);
    assertThat(s.offset()).isZero();
    assertThat(q.extensions()).isFalse();
  }

  @Test
  void everyParameterIsRead() {
    ListQuery q = requests(g -> {
      g.jurisdiction = " hualin ";
      g.ids = "FX-1, FX-2,,FX-1";
      g.codes = "streetlight";
      g.start = "2026-01-01";
      g.end = "2026-03-31";
      g.status = "Closed";
      g.page = "3";
      g.size = "20";
      g.extensions = "TRUE";
    }).orThrow();
    Search s = q.search();
    assertThat(s.community()).isEqualTo("hualin");
    assertThat(s.caseNos()).containsExactly("FX-1", "FX-2");
    assertThat(s.categories()).containsExactly("streetlight");
    assertThat(s.states()).containsExactly(State.CLOSED);
    assertThat(s.from()).isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00+08:00"));
    assertThat(s.to()).isEqualTo(OffsetDateTime.parse("2026-03-31T23:59:59.999999+08:00"));
    assertThat(s.limit()).isEqualTo(20);
    assertThat(s.offset()).isEqualTo(40);
    assertThat(q.extensions()).isTrue();
  }

  @Test
  void aDateTimeKeepsItsOffsetAndAnUnencodedPlusIsRepaired() {
    Search s = requests(g -> {
      g.start = "2026-02-01T08:00:00 08:00";
      g.end = "2026-02-02T00:00:00Z";
    }).orThrow().search();
    assertThat(s.from()).isEqualTo(OffsetDateTime.parse("2026-02-01T08:00:00+08:00"));
    assertThat(s.to()).isEqualTo(OffsetDateTime.parse("2026-02-02T00:00:00Z"));
  }

  @Test
  void aStartDateAloneRunsUpToNow() {
    Search s = requests(g -> g.start = "2026-02-01").orThrow().search();
    assertThat(s.to()).isEqualTo(NOW);
  }

  @Test
  void anUnknownJurisdictionIsRefused() {
    assertThat(refused(g -> g.jurisdiction = "atlantis")).containsExactly("jurisdiction_id：未知的社区：atlantis");
  }

  @Test
  void moreThan200IdsAreRefused() {
    String ids = IntStream.rangeClosed(1, Open311QueryParser.IDS_MAX + 1).mapToObj(i -> "FX-" + i)
        .collect(Collectors.joining(","));
    assertThat(refused(g -> g.ids = ids)).containsExactly("service_request_id：一次最多查询200个诉求编号");
    String most = IntStream.rangeClosed(1, Open311QueryParser.IDS_MAX).mapToObj(i -> "FX-" + i)
        .collect(Collectors.joining(","));
    assertThat(requests(g -> g.ids = most).isValid()).isTrue();
  }

  @Test
  void anUnknownServiceCodeIsRefusedByName() {
    assertThat(refused(g -> g.codes = "streetlight,unicorns,dragons"))
        .containsExactly("service_code：未知的服务类别：unicorns", "service_code：未知的服务类别：dragons");
  }

  @Test
  void aStatusOtherThanOpenOrClosedIsRefused() {
    assertThat(refused(g -> g.status = "open,pending")).containsExactly("status：状态应为 open 或 closed");
    assertThat(requests(g -> g.status = "OPEN").orThrow().search().states()).containsExactly(State.OPEN);
  }

  @Test
  void badDatesAreRefusedEach() {
    assertThat(refused(g -> g.start = "yesterday")).singleElement().asString().startsWith("start_date：时间格式不正确");
    assertThat(refused(g -> g.end = "2026-13-01")).singleElement().asString().startsWith("end_date：时间格式不正确");
    assertThat(refused(g -> g.start = "2026-01-01T00:00:00")).singleElement().asString().startsWith("start_date：");
    assertThat(refused(g -> {
      g.start = "x";
      g.end = "y";
    })).hasSize(2);
  }

  @Test
  void aStartAfterTheEndIsRefused() {
    assertThat(refused(g -> {
      g.start = "2026-03-01";
      g.end = "2026-02-01";
    })).containsExactly("start_date：开始时间不能晚于结束时间");
  }

  @Test
  void aRangeOver90DaysIsRefusedAndWithoutAnEndTheClientIsToldToGiveOne() {
    assertThat(refused(g -> {
      g.start = "2026-01-01";
      g.end = "2026-04-01";
    })).containsExactly("end_date：查询时间范围不能超过90天");
    assertThat(requests(g -> {
      g.start = "2026-01-01";
      g.end = "2026-03-31";
    }).isValid()).isTrue();
    assertThat(refused(g -> g.start = "2020-01-01")).containsExactly("end_date：查询时间范围不能超过90天，请同时指定 end_date");
    assertThat(Duration.between(NOW.minusDays(90), NOW)).isEqualTo(Open311QueryParser.RANGE_MAX);
  }

  @Test
  void pagesOutOfRangeOrNotNumbersAreRefused() {
    assertThat(refused(g -> g.page = "0")).containsExactly("page：页码应为1到1000000之间的整数");
    assertThat(refused(g -> g.page = "two")).containsExactly("page：页码应为1到1000000之间的整数");
    assertThat(refused(g -> g.page = "1000001")).hasSize(1);
    assertThat(refused(g -> g.size = "0")).containsExactly("page_size：每页条数应为1到200之间的整数");
    assertThat(refused(g -> g.size = "201")).containsExactly("page_size：每页条数应为1到200之间的整数");
    assertThat(requests(g -> {
      g.page = "1000000";
      g.size = "200";
    }).orThrow().search().offset()).isEqualTo(999_999L * 200);
  }

  @Test
  void extensionsOtherThanTrueOrFalseAreRefused() {
    assertThat(refused(g -> g.extensions = "yes")).containsExactly("extensions：应为 true 或 false");
    assertThat(requests(g -> g.extensions = "false").orThrow().extensions()).isFalse();
  }

  @Test
  void everyProblemIsReportedAtOnceInParameterOrder() {
    assertThat(refused(g -> {
      g.status = "x";
      g.page = "0";
      g.jurisdiction = "atlantis";
      g.extensions = "maybe";
    })).extracting(e -> e.substring(0, e.indexOf('：'))).containsExactly("jurisdiction_id", "status", "page", "extensions");
  }

  @Test
  void oneRequestReadsItsJurisdictionAndExtensions() {
    assertThat(parser.request(null, null).orThrow()).isEqualTo(new OneQuery(null, false));
    assertThat(parser.request("hualin", "true").orThrow()).isEqualTo(new OneQuery("hualin", true));
    assertThat(parser.request("atlantis", "yes").errors())
        .containsExactly("jurisdiction_id：未知的社区：atlantis", "extensions：应为 true 或 false");
  }

  @Test
  void servicesReadAnOptionalKnownJurisdiction() {
    assertThat(parser.jurisdiction(" ").orThrow()).isEmpty();
    assertThat(parser.jurisdiction("hualin").orThrow()).isEqualTo(Optional.of("hualin"));
    assertThat(parser.jurisdiction("atlantis").errors()).containsExactly("jurisdiction_id：未知的社区：atlantis");
  }
}
