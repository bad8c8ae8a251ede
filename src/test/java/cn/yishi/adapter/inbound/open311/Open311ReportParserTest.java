package cn.yishi.adapter.inbound.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.application.Catalogue;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.NewCaseValidator;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The form of POST requests: a report of the key's channel, or every refusal named by its Open311 parameter. */
class Open311ReportParserTest {
  static final Catalogue CATALOGUE = new Catalogue(List.of(new Catalogue.Category("streetlight", "路灯损坏", "市政设施")));
  static final Directory DIRECTORY = new Directory("fx", "奉新县", List.of(new Directory.Street("fengchuan", "冯川镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fengchuan", List.of()),
          new Directory.Community("shengdian", "圣殿社区", "fengchuan", List.of())),
      List.of(), List.of());
  static final Open311Keys.Account ACCOUNT = new Open311Keys.Account("channel.12345", Channel.HOTLINE_12345);

  private final Open311ReportParser parser = new Open311ReportParser(CATALOGUE, DIRECTORY);

  private static Map<String, String> form() {
    Map<String, String> form = new HashMap<>();
    form.put("api_key", "ignored-here");
    form.put("service_code", "streetlight");
    form.put("jurisdiction_id", "hualin");
    form.put("description", " 楼下路灯坏了 ");
    form.put("attribute[compound]", "御苑小区");
    return form;
  }

  private Open311Parsed<NewCase> parse(Map<String, String> form) {
    return parser.parse(form::get, ACCOUNT);
  }

  @Test
  void aFullFormIsAReportOfTheKeysChannel() {
    Map<String, String> form = form();
    form.put("attribute[title]", "小区路灯不亮");
    form.put("attribute[households_affected]", " 12 ");
    form.put("attribute[external_id]", "A-1");
    form.put("lat", "28.7");
    form.put("long", "115.38");
    form.put("last_name", "欧阳");
    form.put("first_name", "明远");
    form.put("phone", "13912345678");
    form.put("email", "a@example.org");
    form.put("address_string", "御苑小区7栋");
    form.put("media_url", "https://example.org/a.jpg");

    NewCase report = parse(form).orThrow();
    assertThat(report.channel()).isEqualTo(Channel.HOTLINE_12345);
    assertThat(report.externalId()).isEqualTo("open311:channel.12345:A-1");
    assertThat(report.category()).isEqualTo("streetlight");
    assertThat(report.title()).isEqualTo("小区路灯不亮");
    assertThat(report.description()).isEqualTo("楼下路灯坏了");
    assertThat(report.community()).isEqualTo("hualin");
    assertThat(report.compound()).isEqualTo("御苑小区");
    assertThat(report.householdsAffected()).isEqualTo(12);
    assertThat(report.lat()).isEqualTo(28.7);
    assertThat(report.lon()).isEqualTo(115.38);
    assertThat(report.reporter().name()).isEqualTo("欧阳明远");
    assertThat(report.reporter().phone()).isEqualTo("13912345678");
    assertThat(report.reporter().email()).isEqualTo("a@example.org");
    assertThat(report.reporter().address()).isEqualTo("御苑小区7栋");
    assertThat(report.attachments()).containsExactly("https://example.org/a.jpg");
  }

  @Test
  void aMinimalFormTakesTheServiceNameAsTitleAndAttributeCommunityAsCommunity() {
    Map<String, String> form = form();
    form.remove("jurisdiction_id");
    form.put("attribute[community]", "shengdian");
    form.put("first_name", "明远");
    NewCase report = parse(form).orThrow();
    assertThat(report.title()).isEqualTo("路灯损坏");
    assertThat(report.community()).isEqualTo("shengdian");
    assertThat(report.reporter().name()).isEqualTo("明远");
    assertThat(report.externalId()).isNull();
    assertThat(report.attachments()).isEmpty();
    assertThat(report.lat()).isNull();

    form.put("jurisdiction_id", "shengdian");
    form.remove("first_name");
    form.put("last_name", "欧阳");
    assertThat(parse(form).orThrow().reporter().name()).isEqualTo("欧阳");
  }

  @Test
  void anUnknownServiceWithoutTitleKeepsItsCodeAsTitleForTheIntakeToRefuse() {
    Map<String, String> form = form();
    form.put("service_code", "unicorns");
    Open311Parsed<NewCase> parsed = parse(form);
    assertThat(parsed.isValid()).isTrue();
    assertThat(parsed.value().title()).isEqualTo("unicorns");
  }

  @Test
  void aJurisdictionThatDisagreesWithTheCommunityAttributeIsRefused() {
    Map<String, String> form = form();
    form.put("attribute[community]", "shengdian");
    assertThat(parse(form).errors()).containsExactly("jurisdiction_id：与 attribute[community] 不一致");
  }

  @Test
  void householdsThatAreNoIntegerAreRefused() {
    Map<String, String> form = form();
    form.put("attribute[households_affected]", "twelve");
    assertThat(parse(form).errors()).containsExactly("attribute[households_affected]：涉及户数应为整数");
  }

  @Test
  void coordinatesThatAreNoNumbersAreRefused() {
    Map<String, String> form = form();
    form.put("lat", "north");
    form.put("long", "east");
    assertThat(parse(form).errors()).containsExactly("lat：纬度应为数字", "long：经度应为数字");
  }

  @Test
  void anExternalIdTooLongWithItsNamespaceIsRefusedWithTheLengthLeftToTheClient() {
    String prefix = "open311:channel.12345:";
    int room = NewCaseValidator.EXTERNAL_ID_MAX - prefix.length();
    Map<String, String> form = form();
    form.put("attribute[external_id]", "x".repeat(room));
    assertThat(parse(form).orThrow().externalId()).hasSize(NewCaseValidator.EXTERNAL_ID_MAX);
    form.put("attribute[external_id]", "x".repeat(room + 1));
    assertThat(parse(form).errors()).containsExactly("attribute[external_id]：外部编号不能超过" + room + "个字符");
  }

  @Test
  void withAParseErrorTheIntakeValidationIsReportedTooNamedByParameter() {
    Map<String, String> form = form();
    form.put("lat", "north");
    form.put("service_code", "unicorns");
    form.put("jurisdiction_id", "atlantis");
    form.put("phone", "12");
    form.put("media_url", "ftp://example.org/x.jpg");
    form.remove("description");
    List<String> errors = parse(form).errors();
    assertThat(errors.get(0)).isEqualTo("lat：纬度应为数字");
    assertThat(errors).anyMatch(e -> e.startsWith("service_code：") && e.contains("unicorns"))
        .anyMatch(e -> e.startsWith("jurisdiction_id：") && e.contains("atlantis"))
        .anyMatch(e -> e.startsWith("description："))
        .anyMatch(e -> e.startsWith("phone："))
        .anyMatch(e -> e.startsWith("media_url："));
  }

  @Test
  void errorsBecomeA400InTheSpecificationFormat() {
    Map<String, String> form = form();
    form.put("lat", "north");
    assertThatThrownBy(() -> parse(form).orThrow()).isInstanceOfSatisfying(Open311Exception.class, e -> {
      assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(e.errors()).extracting(Open311Exception.Error::code).containsOnly(400);
    });
  }

  @Test
  void theIntakesFieldsAreNamedByTheirOpen311Parameters() {
    List<String> fields = List.of("category", "community", "title", "compound", "householdsAffected", "externalId",
        "reporter.name", "reporter.phone", "reporter.email", "location.address", "location.lat", "location.lon",
        "channel", "attachments[0]", "attachments", "description");
    ValidationException e = new ValidationException(fields.stream().map(f -> new FieldError(f, "invalid", "错")).toList());
    assertThat(Open311ReportParser.describe(e)).containsExactly("service_code：错", "jurisdiction_id：错",
        "attribute[title]：错", "attribute[compound]：错", "attribute[households_affected]：错", "attribute[external_id]：错",
        "first_name、last_name：错", "phone：错", "email：错", "address_string：错", "lat：错", "long：错", "api_key：错",
        "media_url：错", "media_url：错", "description：错");
  }
}
