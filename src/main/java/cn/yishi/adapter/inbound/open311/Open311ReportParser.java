package cn.yishi.adapter.inbound.open311;

import static cn.yishi.adapter.inbound.open311.Open311Parameters.number;

import cn.yishi.application.Catalogue;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.NewCaseValidator;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The form of {@code POST requests} as a report ({@link NewCase}) of the key's channel. The numbers
 * and the external id are checked here; when one of them is refused, the report is also run through
 * the intake's validation, so that the client hears of every problem at once. Each error names the
 * Open311 parameter the client sent.
 */
@Component
class Open311ReportParser {
  static final String EXTERNAL_ID_PREFIX = "open311:";

  private final Catalogue catalogue;
  private final NewCaseValidator validator;

  Open311ReportParser(Catalogue catalogue, Directory directory) {
    this.catalogue = catalogue;
    this.validator = new NewCaseValidator(catalogue::contains, code -> directory.community(code).isPresent());
  }

  /** The report, or the errors; {@code parameters} gives a parameter's (first) value or null. */
  Open311Parsed<NewCase> parse(Function<String, String> parameters, Open311Keys.Account account) {
    Function<String, String> p = parameters.andThen(Open311Parameters::blank);
    List<String> errors = new ArrayList<>();
    String community = community(p.apply("jurisdiction_id"), p.apply("attribute[community]"), errors);
    String serviceCode = p.apply("service_code");
    String title = title(p.apply("attribute[title]"), serviceCode);
    Integer households = number("attribute[households_affected]", p.apply("attribute[households_affected]"),
        Integer::valueOf, "涉及户数应为整数", errors);
    Double lat = number("lat", p.apply("lat"), Double::valueOf, "纬度应为数字", errors);
    Double lon = number("long", p.apply("long"), Double::valueOf, "经度应为数字", errors);
    String externalId = externalId(p.apply("attribute[external_id]"), account, errors);
    String mediaUrl = p.apply("media_url");
    NewCase report = new NewCase(account.channel(), externalId, serviceCode, title, p.apply("description"),
        community, p.apply("attribute[compound]"), households, reporter(p),
        mediaUrl == null ? List.of() : List.of(mediaUrl), lat, lon);
    if (!errors.isEmpty()) {
      errors.addAll(validate(report));
    }
    return Open311Parsed.of(report, errors);
  }

  /** The intake's field errors, named by the Open311 parameter the client sent. */
  static List<String> describe(ValidationException e) {
    return e.errors().stream().map(err -> parameter(err) + "：" + err.message()).toList();
  }

  /** {@code jurisdiction_id}, or {@code attribute[community]}; both must agree. */
  private static String community(String jurisdiction, String attribute, List<String> errors) {
    if (jurisdiction != null && attribute != null && !jurisdiction.equals(attribute)) {
      errors.add("jurisdiction_id：与 attribute[community] 不一致");
    }
    return jurisdiction != null ? jurisdiction : attribute;
  }

  /** The given title; without one, the service's name. */
  private String title(String title, String serviceCode) {
    if (title != null || serviceCode == null) {
      return title;
    }
    return catalogue.find(serviceCode).map(Catalogue.Category::name).orElse(serviceCode);
  }

  /** {@code open311:<account>:<id>}, so that two keys never collide; too long adds an error. */
  private static String externalId(String externalId, Open311Keys.Account account, List<String> errors) {
    if (externalId == null) {
      return null;
    }
    String namespaced = EXTERNAL_ID_PREFIX + account.account() + ":" + externalId;
    if (namespaced.length() <= NewCaseValidator.EXTERNAL_ID_MAX) {
      return namespaced;
    }
    int max = NewCaseValidator.EXTERNAL_ID_MAX - (namespaced.length() - externalId.length());
    errors.add("attribute[external_id]：外部编号不能超过" + Math.max(max, 0) + "个字符");
    return null;
  }

  private static Reporter reporter(Function<String, String> p) {
    return new Reporter(name(p.apply("last_name"), p.apply("first_name")), p.apply("phone"), p.apply("email"),
        p.apply("address_string"));
  }

  /** 姓 + 名, as Chinese names are written. */
  private static String name(String last, String first) {
    if (last == null) {
      return first;
    }
    return first == null ? last : last + first;
  }

  private List<String> validate(NewCase report) {
    try {
      validator.validate(report);
      return List.of();
    } catch (ValidationException e) {
      return describe(e);
    }
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
}
