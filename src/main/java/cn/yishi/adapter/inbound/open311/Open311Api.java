package cn.yishi.adapter.inbound.open311;

import cn.yishi.adapter.inbound.open311.Open311Document.Format;
import cn.yishi.adapter.inbound.open311.Open311Document.Items;
import cn.yishi.adapter.inbound.open311.Open311Document.Node;
import cn.yishi.application.Catalogue;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.IntakeService;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.NewCaseValidator;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.platform.DeploymentMode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the category catalogue and the
 * public case record. JSON by default, XML with the {@code .xml} extension. A service request is a
 * case: {@code service_request_id} is the case number, {@code jurisdiction_id} the community code,
 * {@code address} the compound. No name, phone, e-mail, exact address, coordinates, free-text
 * description or attachment is ever returned, and cases awaiting review are not shown.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Api {
  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
  /** When this API's documents last changed (discovery {@code changeset}). */
  static final String CHANGESET = "2026-11-22T00:00:00+08:00";
  static final int PAGE_SIZE_DEFAULT = 100;
  static final int PAGE_SIZE_MAX = 200;
  static final int IDS_MAX = 200;
  static final Duration RANGE_MAX = Duration.ofDays(90);
  static final String EXTERNAL_ID_PREFIX = "open311:";

  private final IntakeService intake;
  private final Open311Query query;
  private final Open311Keys keys;
  private final Open311Tokens tokens;
  private final Open311Properties properties;
  private final Catalogue catalogue;
  private final Directory directory;
  private final NewCaseValidator validator;
  private final Clock clock;
  private final ZoneId zone;
  private final String baseUrl;
  private final boolean embedded;

  Open311Api(IntakeService intake, Open311Query query, Open311Keys keys, Open311Tokens tokens, Open311Properties properties,
      Catalogue catalogue, Directory directory, Clock clock, Environment env,
      @Value("${yishi.zone}") String zone, @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.intake = intake;
    this.query = query;
    this.keys = keys;
    this.tokens = tokens;
    this.properties = properties;
    this.catalogue = catalogue;
    this.directory = directory;
    this.validator = new NewCaseValidator(catalogue::contains, code -> directory.community(code).isPresent());
    this.clock = clock;
    this.zone = ZoneId.of(zone);
    this.baseUrl = publicBaseUrl.replaceAll("/+$", "") + "/open311/v2";
    this.embedded = DeploymentMode.isEmbedded(env);
  }

  // --- discovery and services ------------------------------------------------------------------

  @GetMapping({"/discovery", "/discovery.{format}"})
  ResponseEntity<byte[]> discovery(@PathVariable(required = false) String format, HttpServletRequest request) {
    Format f = format(format, request);
    Node endpoint = new Node()
        .put("specification", SPECIFICATION)
        .put("url", baseUrl)
        .put("changeset", CHANGESET)
        .put("type", embedded ? "test" : "production")
        .put("formats", new Items("format", List.of("text/xml", "application/json")));
    Node body = new Node()
        .put("changeset", CHANGESET)
        .put("contact", properties.contact())
        .put("key_service", properties.keyService())
        .put("endpoints", new Items("endpoint", List.of(endpoint)));
    return new Open311Document("discovery", body).render(HttpStatus.OK, f);
  }

  @GetMapping({"/services", "/services.{format}"})
  ResponseEntity<byte[]> services(@PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request) {
    Format f = format(format, request);
    requireJurisdiction(jurisdiction);
    List<Node> services = catalogue.categories().stream().map(c -> new Node()
        .put("service_code", c.code())
        .put("service_name", c.name())
        .put("description", c.group() == null ? c.name() : c.group() + "：" + c.name())
        .put("metadata", true)
        .put("type", "realtime")
        .put("keywords", c.group() == null ? c.name() : c.name() + "," + c.group())
        .put("group", c.group()))
        .toList();
    return new Open311Document("services", new Items("service", services)).render(HttpStatus.OK, f);
  }

  @GetMapping("/services/{file}")
  ResponseEntity<byte[]> serviceDefinition(@PathVariable String file,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request) {
    Format f = Format.of(request);
    String code = Format.strip(file);
    requireJurisdiction(jurisdiction);
    Catalogue.Category category = catalogue.find(code)
        .orElseThrow(() -> Open311Exception.notFound("未找到该服务类别：" + code));
    List<Node> communities = directory.communities().stream()
        .map(c -> new Node().put("key", c.code()).put("name", c.name())).toList();
    List<Node> attributes = List.of(
        attribute(1, "community", "singlevaluelist", true, "所在社区",
            "也可用 jurisdiction_id 指定；两者都填时必须一致", new Items("value", communities)),
        attribute(2, "compound", "string", false, "小区名称",
            "只填小区名称，不要填楼栋门牌；小区名称会公开", null),
        attribute(3, "title", "string", false, "诉求标题",
            "不超过" + NewCaseValidator.TITLE_MAX + "个字，会公开；不填时使用服务名称“" + category.name() + "”", null),
        attribute(4, "households_affected", "number", false, "涉及户数",
            "0到" + NewCaseValidator.HOUSEHOLDS_MAX + "之间的整数", null),
        attribute(5, "external_id", "string", false, "外部编号",
            "接入方自己的编号：同一密钥再次提交同一编号时返回原办件，不重复登记", null));
    Node body = new Node().put("service_code", category.code()).put("attributes", new Items("attribute", attributes));
    return new Open311Document("service_definition", body).render(HttpStatus.OK, f);
  }

  private static Node attribute(int order, String code, String datatype, boolean required, String description,
      String datatypeDescription, Items values) {
    Node n = new Node()
        .put("variable", true)
        .put("code", code)
        .put("datatype", datatype)
        .put("required", required)
        .put("datatype_description", datatypeDescription)
        .put("order", order)
        .put("description", description);
    if (values != null) {
      n.put("values", values);
    }
    return n;
  }

  // --- creating a request ------------------------------------------------------------------------

  /**
   * A new service request: an ordinary case through {@link IntakeService#submit}, with the key's
   * channel and account. Each POST is a new report (or 附议 of an open case of the same category at
   * the same compound) unless {@code attribute[external_id]} repeats one the same key sent before.
   */
  @PostMapping({"/requests", "/requests.{format}"})
  ResponseEntity<byte[]> create(@PathVariable(required = false) String format, HttpServletRequest request) {
    Format f = format(format, request);
    String apiKey = request.getParameter("api_key");
    if (apiKey == null || apiKey.isBlank()) {
      throw Open311Exception.forbidden("缺少 api_key，无法提交诉求");
    }
    Open311Keys.Account account = keys.find(apiKey.strip())
        .orElseThrow(() -> Open311Exception.forbidden("api_key 无效，无法提交诉求"));

    List<String> errors = new ArrayList<>();
    String jurisdiction = param(request, "jurisdiction_id");
    String attrCommunity = param(request, "attribute[community]");
    if (jurisdiction != null && attrCommunity != null && !jurisdiction.equals(attrCommunity)) {
      errors.add("jurisdiction_id：与 attribute[community] 不一致");
    }
    String community = jurisdiction != null ? jurisdiction : attrCommunity;
    String serviceCode = param(request, "service_code");
    String title = param(request, "attribute[title]");
    if (title == null) {
      title = serviceCode == null ? null : catalogue.find(serviceCode).map(Catalogue.Category::name).orElse(serviceCode);
    }
    Integer households = parse(request, "attribute[households_affected]", Integer::valueOf, "涉及户数应为整数", errors);
    Double lat = parse(request, "lat", Double::valueOf, "纬度应为数字", errors);
    Double lon = parse(request, "long", Double::valueOf, "经度应为数字", errors);
    String externalId = param(request, "attribute[external_id]");
    if (externalId != null) {
      String namespaced = EXTERNAL_ID_PREFIX + account.account() + ":" + externalId;
      if (namespaced.length() > NewCaseValidator.EXTERNAL_ID_MAX) {
        int max = NewCaseValidator.EXTERNAL_ID_MAX - (namespaced.length() - externalId.length());
        errors.add("attribute[external_id]：外部编号不能超过" + Math.max(max, 0) + "个字符");
        externalId = null;
      } else {
        externalId = namespaced;
      }
    }
    String mediaUrl = param(request, "media_url");
    Reporter reporter = new Reporter(name(param(request, "last_name"), param(request, "first_name")),
        param(request, "phone"), param(request, "email"), param(request, "address_string"));
    NewCase report = new NewCase(account.channel(), externalId, serviceCode, title, param(request, "description"),
        community, param(request, "attribute[compound]"), households, reporter,
        mediaUrl == null ? List.of() : List.of(mediaUrl), lat, lon);

    if (!errors.isEmpty()) {
      // report every problem at once: the parse errors and whatever the intake validation refuses
      try {
        validator.validate(report);
      } catch (ValidationException e) {
        errors.addAll(describe(e));
      }
      throw Open311Exception.badRequest(errors);
    }
    IntakeResult result;
    try {
      result = intake.submit(report, account.account());
    } catch (ValidationException e) {
      throw Open311Exception.badRequest(describe(e));
    } catch (DataIntegrityViolationException raced) {
      // the same external_id arrived twice at once; the first one won
      result = intake.findRepeated(report).orElseThrow(() -> raced);
    }
    Node created = new Node()
        .put("service_request_id", result.caseNo())
        .put("service_notice", notice(result))
        .put("token", tokens.issue(result.caseNo()));
    HttpStatus status = result.kind() == IntakeResult.Kind.REPEATED ? HttpStatus.OK : HttpStatus.CREATED;
    return new Open311Document("service_requests", new Items("request", List.of(created))).render(status, f);
  }

  private static String notice(IntakeResult r) {
    return switch (r.kind()) {
      case CREATED -> "诉求已登记，办件编号 " + r.caseNo() + "。社区审核受理后，可按此编号查询办理进展。";
      case MERGED -> "同一小区的同类问题已在办理中，本次反映已作为附议并入办件 " + r.caseNo() + "。";
      case REPEATED -> "该外部编号已提交过，返回原办件 " + r.caseNo() + "，未重复登记。";
    };
  }

  /** 姓 + 名, as Chinese names are written. */
  private static String name(String last, String first) {
    if (last == null) {
      return first;
    }
    return first == null ? last : last + first;
  }

  /** The intake's field errors, named by the Open311 parameter the client sent. */
  private static List<String> describe(ValidationException e) {
    return e.errors().stream().map(err -> parameter(err) + "：" + err.message()).toList();
  }

  private static String parameter(FieldError e) {
    String field = e.field();
    if (field.startsWith("attachments")) {
      return "media_url";
    }
    return switch (field) {
      case "category" -> "service_code";
      case "community" -> "jurisdiction_id";
      case "title" -> "attribute[title]";
      case "compound" -> "attribute[compound]";
      case "householdsAffected" -> "attribute[households_affected]";
      case "externalId" -> "attribute[external_id]";
      case "reporter.name" -> "first_name、last_name";
      case "reporter.phone" -> "phone";
      case "reporter.email" -> "email";
      case "location.address" -> "address_string";
      case "location.lat" -> "lat";
      case "location.lon" -> "long";
      case "channel" -> "api_key";
      default -> field;
    };
  }

  // --- tokens and requests --------------------------------------------------------------------

  @GetMapping("/tokens/{file}")
  ResponseEntity<byte[]> token(@PathVariable String file, HttpServletRequest request) {
    Format f = Format.of(request);
    String token = Format.strip(file);
    String caseNo = tokens.caseNo(token).filter(query::exists)
        .orElseThrow(() -> Open311Exception.notFound("未找到该令牌"));
    Node body = new Node().put("service_request_id", caseNo).put("token", token);
    return new Open311Document("service_requests", new Items("request", List.of(body))).render(HttpStatus.OK, f);
  }

  @GetMapping("/requests/{file}")
  ResponseEntity<byte[]> request(@PathVariable String file,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestParam(required = false) String extensions, HttpServletRequest request) {
    Format f = Format.of(request);
    String caseNo = Format.strip(file);
    List<String> errors = new ArrayList<>();
    String community = jurisdiction(jurisdiction, errors);
    boolean withExtensions = extensions(extensions, errors);
    if (!errors.isEmpty()) {
      throw Open311Exception.badRequest(errors);
    }
    Open311Query.Found found = query.one(caseNo)
        .filter(c -> community == null || community.equals(c.row().community()))
        .orElseThrow(() -> Open311Exception.notFound("未找到该诉求：" + caseNo));
    return new Open311Document("service_requests", new Items("request", List.of(view(found, withExtensions))))
        .render(HttpStatus.OK, f);
  }

  @GetMapping({"/requests", "/requests.{format}"})
  ResponseEntity<byte[]> requests(@PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String codes,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String page,
      @RequestParam(name = "page_size", required = false) String pageSize,
      @RequestParam(required = false) String extensions,
      HttpServletRequest request) {
    Format f = format(format, request);
    List<String> errors = new ArrayList<>();
    String community = jurisdiction(jurisdiction, errors);
    List<String> caseNos = list(ids);
    if (caseNos.size() > IDS_MAX) {
      errors.add("service_request_id：一次最多查询" + IDS_MAX + "个诉求编号");
    }
    List<String> categories = list(codes);
    categories.stream().filter(c -> !catalogue.contains(c))
        .forEach(c -> errors.add("service_code：未知的服务类别：" + c));
    Set<String> statuses = new LinkedHashSet<>();
    List<String> wanted = list(status);
    for (String s : wanted.isEmpty() ? List.of("open", "closed") : wanted) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "open" -> Open311Query.PUBLIC_STATUSES.stream()
            .filter(x -> !Open311Query.CLOSED_STATUSES.contains(x)).forEach(statuses::add);
        case "closed" -> statuses.addAll(Open311Query.CLOSED_STATUSES);
        default -> errors.add("status：状态应为 open 或 closed");
      }
    }
    OffsetDateTime start = date("start_date", startDate, false, errors);
    OffsetDateTime end = date("end_date", endDate, true, errors);
    OffsetDateTime from = null;
    OffsetDateTime to = null;
    if (errors.stream().noneMatch(e -> e.startsWith("start_date") || e.startsWith("end_date"))) {
      to = end != null ? end : OffsetDateTime.now(clock);
      from = start != null ? start : to.minus(RANGE_MAX);
      if (from.isAfter(to)) {
        errors.add("start_date：开始时间不能晚于结束时间");
      } else if (Duration.between(from, to).compareTo(RANGE_MAX) > 0) {
        errors.add("end_date：查询时间范围不能超过90天" + (end == null ? "，请同时指定 end_date" : ""));
      }
    }
    int pageNo = number("page", page, 1, 1, 1_000_000, "页码应为1到1000000之间的整数", errors);
    int size = number("page_size", pageSize, PAGE_SIZE_DEFAULT, 1, PAGE_SIZE_MAX, "每页条数应为1到" + PAGE_SIZE_MAX + "之间的整数", errors);
    boolean withExtensions = extensions(extensions, errors);
    if (!errors.isEmpty()) {
      throw Open311Exception.badRequest(errors);
    }
    List<Open311Query.Found> found = query.find(new Open311Query.Criteria(caseNos, community, categories, statuses,
        from, to, size, (long) (pageNo - 1) * size));
    List<Node> views = found.stream().map(c -> view(c, withExtensions)).toList();
    return new Open311Document("service_requests", new Items("request", views)).render(HttpStatus.OK, f);
  }

  /** Anything else under /open311/v2. */
  @RequestMapping("/**")
  ResponseEntity<byte[]> unknown() {
    throw Open311Exception.notFound("未找到该接口，请参阅 discovery");
  }

  /** One request as the public may see it. */
  private Node view(Open311Query.Found found, boolean withExtensions) {
    Open311Query.Row r = found.row();
    List<Open311Query.Note> notes = found.notes();
    Node n = new Node()
        .put("service_request_id", r.caseNo())
        .put("status", Open311Query.CLOSED_STATUSES.contains(r.status()) ? "closed" : "open")
        .put("status_notes", notes.isEmpty() ? null : notes.get(notes.size() - 1).description())
        .put("service_name", catalogue.find(r.category()).map(Catalogue.Category::name).orElse(r.category()))
        .put("service_code", r.category())
        .put("description", r.title())
        .put("agency_responsible", r.responsibleUnit() == null ? null
            : directory.unit(r.responsibleUnit()).map(Directory.Unit::name).orElse(null))
        .put("service_notice", null)
        .put("requested_datetime", datetime(r.createdAt()))
        .put("updated_datetime", datetime(r.updatedAt()))
        .put("expected_datetime", datetime(r.deadline()))
        .put("address", r.compound());
    if (withExtensions) {
      n.put("extended_attributes", new Node()
          .put("channel", r.channel())
          .put("channel_name", label(r.channel(), s -> Channel.valueOf(s).label()))
          .put("urgency", r.urgency())
          .put("urgency_name", label(r.urgency(), s -> Urgency.valueOf(s).label()))
          .put("tier", r.tier())
          .put("tier_name", label(r.tier(), s -> Tier.valueOf(s).label()))
          .put("disposal", r.disposal())
          .put("disposal_name", label(r.disposal(), s -> Disposal.valueOf(s).label()))
          .put("status_name", label(r.status(), s -> CaseStatus.valueOf(s).label())));
      n.put("notes", new Items("note", notes.stream()
          .map(x -> new Node().put("datetime", datetime(x.at())).put("description", x.description())).toList()));
    }
    return n;
  }

  private static String label(String code, Function<String, String> label) {
    if (code == null) {
      return null;
    }
    try {
      return label.apply(code);
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  private String datetime(OffsetDateTime t) {
    return t == null ? null
        : t.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  // --- parameters ---------------------------------------------------------------------------------

  /** The format of a fixed resource: {@code services}, {@code services.json}, {@code services.xml}. */
  private static Format format(String extension, HttpServletRequest request) {
    if (extension != null && !extension.equalsIgnoreCase("json") && !extension.equalsIgnoreCase("xml")) {
      // answered as JSON: the client asked for a format that does not exist
      throw Open311Exception.notFound("不支持的格式：" + extension + "（可用 json 或 xml）");
    }
    return Format.of(request);
  }

  private void requireJurisdiction(String jurisdiction) {
    List<String> errors = new ArrayList<>();
    jurisdiction(jurisdiction, errors);
    if (!errors.isEmpty()) {
      throw Open311Exception.badRequest(errors);
    }
  }

  private String jurisdiction(String jurisdiction, List<String> errors) {
    String j = blank(jurisdiction);
    if (j != null && directory.community(j).isEmpty()) {
      errors.add("jurisdiction_id：未知的社区：" + j);
    }
    return j;
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

  private static int number(String name, String value, int fallback, int min, int max, String message, List<String> errors) {
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

  private static <T> T parse(HttpServletRequest request, String name, Function<String, T> parser, String message, List<String> errors) {
    String v = param(request, name);
    if (v == null) {
      return null;
    }
    try {
      return parser.apply(v);
    } catch (NumberFormatException e) {
      errors.add(name + "：" + message);
      return null;
    }
  }

  /** A comma list (or a repeated parameter, which Spring joins with commas), without blanks and repeats. */
  private static List<String> list(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      for (String s : value.split(",")) {
        String t = s.strip();
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static String param(HttpServletRequest request, String name) {
    return blank(request.getParameter(name));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
