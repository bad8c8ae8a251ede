package cn.yishi.adapter.inbound.open311;

import cn.yishi.adapter.inbound.open311.Open311Document.Items;
import cn.yishi.adapter.inbound.open311.Open311Document.Node;
import cn.yishi.application.Catalogue;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.ServiceRequestQueries;
import cn.yishi.application.port.PublicCaseRecords;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.NewCaseValidator;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.directory.Directory;
import cn.yishi.platform.DeploymentMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The documents of the API, as trees that {@link Open311Document} writes as JSON or XML. A request shows
 * only public facts: its description is the case's public title, its address the compound.
 */
@Component
class Open311Views {
  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
  /** When this API's documents last changed (discovery {@code changeset}). */
  static final String CHANGESET = "2026-11-22T00:00:00+08:00";

  private final Open311Properties properties;
  private final Catalogue catalogue;
  private final Directory directory;
  private final ZoneId zone;
  private final String baseUrl;
  private final boolean embedded;
  private final cn.yishi.application.CasePhotoService photos;
  private final String photoUrl;

  Open311Views(Open311Properties properties, Catalogue catalogue, Directory directory, Environment env,
      @Value("${yishi.zone}") String zone, @Value("${yishi.public-base-url}") String publicBaseUrl,
      cn.yishi.application.CasePhotoService photos) {
    this.photos = photos;
    this.photoUrl = publicBaseUrl.replaceAll("/+$", "") + "/public/photos/";
    this.properties = properties;
    this.catalogue = catalogue;
    this.directory = directory;
    this.zone = ZoneId.of(zone);
    this.baseUrl = publicBaseUrl.replaceAll("/+$", "") + "/open311/v2";
    this.embedded = DeploymentMode.isEmbedded(env);
  }

  Open311Document discovery() {
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
    return new Open311Document("discovery", body);
  }

  /** The catalogue's categories as services. */
  Open311Document services() {
    List<Node> services = catalogue.categories().stream().map(c -> new Node()
        .put("service_code", c.code())
        .put("service_name", c.name())
        .put("description", c.group() == null ? c.name() : c.group() + "：" + c.name())
        .put("metadata", true)
        .put("type", "realtime")
        .put("keywords", c.group() == null ? c.name() : c.name() + "," + c.group())
        .put("group", c.group()))
        .toList();
    return new Open311Document("services", new Items("service", services));
  }

  /** The attributes a POST of this service may carry. */
  Open311Document serviceDefinition(Catalogue.Category category) {
    List<Node> communities = directory.communities().stream()
        .map(c -> new Node().put("key", c.code()).put("name", c.name())).toList();
    List<Node> compounds = directory.communities().stream().flatMap(c -> c.stations().stream()
        .map(s -> new Node().put("key", s.code()).put("name", c.name() + " " + s.compoundName()))).toList();
    List<Node> attributes = List.of(
        attribute(1, "community", "singlevaluelist", true, "所在社区",
            "也可用 jurisdiction_id 指定；两者都填时必须一致", new Items("value", communities)),
        attribute(2, "compound", "singlevaluelist", false, "小区",
            "所在社区的小区编码（小区名称会公开）；须属于所填社区", new Items("value", compounds)),
        attribute(3, "title", "string", false, "诉求标题",
            "不超过" + NewCaseValidator.TITLE_MAX + "个字，会公开；不填时使用服务名称“" + category.name() + "”", null),
        attribute(4, "households_affected", "number", false, "涉及户数",
            "0到" + NewCaseValidator.HOUSEHOLDS_MAX + "之间的整数", null),
        attribute(5, "external_id", "string", false, "外部编号",
            "接入方自己的编号：同一密钥再次提交同一编号时返回原办件，不重复登记", null));
    Node body = new Node().put("service_code", category.code()).put("attributes", new Items("attribute", attributes));
    return new Open311Document("service_definition", body);
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

  /** The answer to a POST: the case number, what became of the report and a token; never the account. */
  Open311Document created(IntakeResult result, String token) {
    Node created = new Node()
        .put("service_request_id", result.caseNo())
        .put("service_notice", notice(result))
        .put("token", token);
    return new Open311Document("service_requests", new Items("request", List.of(created)));
  }

  private static String notice(IntakeResult r) {
    return switch (r.kind()) {
      case CREATED -> "诉求已登记，办件编号 " + r.caseNo() + "。社区审核受理后，可按此编号查询办理进展。";
      case MERGED -> "同一小区的同类问题已在办理中，本次反映已作为附议并入办件 " + r.caseNo() + "。";
      case REPEATED -> "该外部编号已提交过，返回原办件 " + r.caseNo() + "，未重复登记。";
    };
  }

  /** The case number a token names, with the token. */
  Open311Document token(String caseNo, String token) {
    Node body = new Node().put("service_request_id", caseNo).put("token", token);
    return new Open311Document("service_requests", new Items("request", List.of(body)));
  }

  /** Requests as the public may see them; with {@code extensions}, their codes and public timeline too. */
  Open311Document requests(List<ServiceRequestQueries.Request> requests, boolean extensions) {
    // media_url: the first photo a reviewer released (随手拍), one query for the page; none while no photo is released
    // (a request awaiting review shows none: only its number and that it awaits review)
    java.util.Map<String, List<String>> released = photos.released(requests.stream().filter(r -> !r.pending())
        .map(ServiceRequestQueries.Request::caseNo).toList());
    List<Node> views = requests.stream().map(r -> {
      Node n = request(r, extensions);
      List<String> ids = r.pending() ? List.of() : released.getOrDefault(r.caseNo(), List.of());
      if (!ids.isEmpty()) {
        n.put("media_url", photoUrl + ids.get(0));
      }
      return n;
    }).toList();
    return new Open311Document("service_requests", new Items("request", views));
  }

  private Node request(ServiceRequestQueries.Request request, boolean extensions) {
    if (request.pending()) {
      return awaitingReview(request, extensions);
    }
    PublicCaseRecords.Case r = request.record();
    List<ServiceRequestQueries.Note> notes = request.notes();
    Node n = new Node()
        .put("service_request_id", r.caseNo())
        .put("status", request.state() == ServiceRequestQueries.State.CLOSED ? "closed" : "open")
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
        .put("address", directory.compoundName(r.community(), r.compound()));
    if (extensions) {
      n.put("extended_attributes", extended(r));
      n.put("notes", new Items("note", notes.stream()
          .map(x -> new Node().put("datetime", datetime(x.at())).put("description", x.description())).toList()));
    }
    return n;
  }

  /** A request not yet reviewed: its number, open, and a neutral note in place of its content. */
  private static Node awaitingReview(ServiceRequestQueries.Request request, boolean extensions) {
    String note = request.notes().get(0).description();
    Node n = new Node()
        .put("service_request_id", request.caseNo())
        .put("status", "open")
        .put("status_notes", note)
        .put("service_name", null)
        .put("service_code", null)
        .put("description", note)
        .put("agency_responsible", null)
        .put("service_notice", null)
        .put("requested_datetime", null)
        .put("updated_datetime", null)
        .put("expected_datetime", null)
        .put("address", null);
    if (extensions) {
      n.put("extended_attributes", new Node().put("status", CaseStatus.REGISTERED.name()).put("status_name", note));
      n.put("notes", new Items("note", List.of()));
    }
    return n;
  }

  /** The codes of channel, urgency, tier, disposal and status, each with its Chinese name. */
  private static Node extended(PublicCaseRecords.Case r) {
    return new Node()
        .put("channel", r.channel())
        .put("channel_name", label(r.channel(), s -> Channel.valueOf(s).label()))
        .put("urgency", r.urgency())
        .put("urgency_name", label(r.urgency(), s -> Urgency.valueOf(s).label()))
        .put("tier", r.tier())
        .put("tier_name", label(r.tier(), s -> Tier.valueOf(s).label()))
        .put("disposal", r.disposal())
        .put("disposal_name", label(r.disposal(), s -> Disposal.valueOf(s).label()))
        .put("status_name", label(r.status(), s -> CaseStatus.valueOf(s).label()));
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
    return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
