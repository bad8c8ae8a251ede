package cn.yishi.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewCaseValidatorTest {
  private static final Set<String> CATEGORIES = Set.of("environment", "property");
  private static final Set<String> COMMUNITIES = Set.of("hualin", "shengdian");

  private final NewCaseValidator validator = new NewCaseValidator(CATEGORIES::contains, COMMUNITIES::contains);

  /** A valid report; each test changes one thing through the builder. */
  private static final class Draft {
    Channel channel = Channel.HOTLINE_12345;
    String externalId = "12345-20260101-0001";
    String category = "environment";
    String title = "楼道堆放杂物";
    String description = "三栋二单元楼道长期堆放杂物，存在消防隐患。";
    String community = "hualin";
    String compound = "御苑小区";
    Integer households = 24;
    Reporter reporter = new Reporter("王先生", "13812345678", "wang@example.com", "御苑小区3栋");

    NewCase build() {
      return new NewCase(channel, externalId, category, title, description, community, compound, households,
          reporter, List.of("https://img.example.org/photo-1.jpg"));
    }
  }

  private List<FieldError> errors(Draft d) {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> validator.validate(d.build()));
    assertThat(e).as("the report should have been refused").isNotNull();
    return e.errors();
  }

  private void assertSingleError(Draft d, String field, String code) {
    assertThat(errors(d)).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
  }

  private void assertValid(Draft d) {
    assertThatCode(() -> validator.validate(d.build())).doesNotThrowAnyException();
  }

  @Test
  void acceptsACompleteReport() {
    assertValid(new Draft());
  }

  @Test
  void acceptsAnAnonymousReportWithoutOptionalFields() {
    Draft d = new Draft();
    d.reporter = null;
    d.externalId = null;
    d.compound = null;
    d.households = null;

    NewCase c = d.build();
    assertThat(c.reporter()).isSameAs(Reporter.ANONYMOUS);
    assertThat(c.reporter().isAnonymous()).isTrue();
    assertThatCode(() -> validator.validate(c)).doesNotThrowAnyException();
  }

  @Test
  void blankReporterFieldsCountAsAnonymous() {
    Draft d = new Draft();
    d.reporter = new Reporter(" ", "", "\t", null);

    assertThat(d.build().reporter().isAnonymous()).isTrue();
    assertValid(d);
  }

  @Nested
  class Required {
    @Test
    void channel() {
      Draft d = new Draft();
      d.channel = null;
      assertSingleError(d, "channel", "required");
    }

    @Test
    void category() {
      Draft d = new Draft();
      d.category = null;
      assertSingleError(d, "category", "required");
    }

    @Test
    void title() {
      Draft d = new Draft();
      d.title = null;
      assertSingleError(d, "title", "required");
    }

    @Test
    void blankTitleIsTreatedAsMissing() {
      Draft d = new Draft();
      d.title = "   \t ";
      assertSingleError(d, "title", "required");
    }

    @Test
    void description() {
      Draft d = new Draft();
      d.description = "";
      assertSingleError(d, "description", "required");
    }

    @Test
    void community() {
      Draft d = new Draft();
      d.community = null;
      assertSingleError(d, "community", "required");
    }
  }

  @Nested
  class Unknown {
    @Test
    void category() {
      Draft d = new Draft();
      d.category = "weather";
      List<FieldError> errors = errors(d);
      assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(tuple("category", "unknown"));
      assertThat(errors.get(0).message()).contains("weather");
    }

    @Test
    void community() {
      Draft d = new Draft();
      d.community = "atlantis";
      List<FieldError> errors = errors(d);
      assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(tuple("community", "unknown"));
      assertThat(errors.get(0).message()).contains("atlantis");
    }

    @Test
    void categoryAndCommunityAreLookedUpTrimmed() {
      Draft d = new Draft();
      d.category = "  property ";
      d.community = " shengdian\n";
      assertValid(d);
    }
  }

  @Nested
  class Lengths {
    @Test
    void titleOf100IsAcceptedAnd101Refused() {
      Draft d = new Draft();
      d.title = "题".repeat(NewCaseValidator.TITLE_MAX);
      assertValid(d);

      d.title = "题".repeat(NewCaseValidator.TITLE_MAX + 1);
      assertSingleError(d, "title", "too_long");
    }

    @Test
    void titleIsMeasuredAfterTrimming() {
      Draft d = new Draft();
      d.title = "  " + "t".repeat(100) + "  ";
      assertValid(d);
    }

    @Test
    void descriptionOf4000IsAcceptedAnd4001Refused() {
      Draft d = new Draft();
      d.description = "述".repeat(NewCaseValidator.DESCRIPTION_MAX);
      assertValid(d);

      d.description = "述".repeat(NewCaseValidator.DESCRIPTION_MAX + 1);
      assertSingleError(d, "description", "too_long");
    }

    @Test
    void externalId() {
      Draft d = new Draft();
      d.externalId = "x".repeat(128);
      assertValid(d);

      d.externalId = "x".repeat(129);
      assertSingleError(d, "externalId", "too_long");
    }

    @Test
    void compound() {
      Draft d = new Draft();
      d.compound = "区".repeat(128);
      assertValid(d);

      d.compound = "区".repeat(129);
      assertSingleError(d, "compound", "too_long");
    }

    @Test
    void reporterName() {
      Draft d = new Draft();
      d.reporter = new Reporter("名".repeat(64), null, null, null);
      assertValid(d);

      d.reporter = new Reporter("名".repeat(65), null, null, null);
      assertSingleError(d, "reporter.name", "too_long");
    }

    @Test
    void reporterAddressIsReportedAsLocationAddress() {
      Draft d = new Draft();
      d.reporter = new Reporter(null, null, null, "址".repeat(300));
      assertValid(d);

      d.reporter = new Reporter(null, null, null, "址".repeat(301));
      assertSingleError(d, "location.address", "too_long");
    }
  }

  @Nested
  class HouseholdsAffected {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100_000})
    void inRange(int households) {
      Draft d = new Draft();
      d.households = households;
      assertValid(d);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 100_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void outOfRange(int households) {
      Draft d = new Draft();
      d.households = households;
      assertSingleError(d, "householdsAffected", "out_of_range");
    }
  }

  @Nested
  class Phone {
    @ParameterizedTest
    @ValueSource(strings = {
        "13812345678", "19912345678", "+8613812345678", "+86 13812345678", "86-13812345678",
        "0795-4561234", "07954561234", "010-12345678", "0795-4561234-123", "4561234", "12345678", "12345",
        " 13812345678 "})
    void accepted(String phone) {
      Draft d = new Draft();
      d.reporter = new Reporter(null, phone, null, null);
      assertValid(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1381234567", "138123456789", "12812345678", "138-1234-5678", "phone", "123456", "0795-123",
        "+1 2025550123", "13812345678x"})
    void refused(String phone) {
      Draft d = new Draft();
      d.reporter = new Reporter(null, phone, null, null);
      assertSingleError(d, "reporter.phone", "invalid");
    }
  }

  @Nested
  class Email {
    @ParameterizedTest
    @ValueSource(strings = {"wang@example.com", "li.ming+case@mail.fengxin.gov.cn", "a_b-c%d@x-y.org", "A@B.CN"})
    void accepted(String email) {
      Draft d = new Draft();
      d.reporter = new Reporter(null, null, email, null);
      assertValid(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "wang", "wang@", "@example.com", "wang@example", "wang@example.c", "wang@@example.com",
        "wang li@example.com", "wang@exa_mple.com", "王@example.com"})
    void refused(String email) {
      Draft d = new Draft();
      d.reporter = new Reporter(null, null, email, null);
      assertSingleError(d, "reporter.email", "invalid");
    }

    @Test
    void localPartOfMoreThan64IsRefused() {
      Draft d = new Draft();
      d.reporter = new Reporter(null, null, "a".repeat(64) + "@example.com", null);
      assertValid(d);

      d.reporter = new Reporter(null, null, "a".repeat(65) + "@example.com", null);
      assertSingleError(d, "reporter.email", "invalid");
    }

    @Test
    void addressOfMoreThan254IsRefused() {
      String label = "d".repeat(60);
      String domain = label + "." + label + "." + label + "." + label + ".com";
      Draft d = new Draft();
      d.reporter = new Reporter(null, null, "a".repeat(254 - domain.length() - 1) + "@" + domain, null);
      assertThat(d.reporter.email()).hasSize(254);
      assertValid(d);

      d.reporter = new Reporter(null, null, "a".repeat(255 - domain.length() - 1) + "@" + domain, null);
      assertThat(d.reporter.email()).hasSize(255);
      assertSingleError(d, "reporter.email", "invalid");
    }
  }

  @Test
  void reportsEveryErrorTogetherInFieldOrder() {
    NewCase c = new NewCase(
        null,
        "x".repeat(129),
        "weather",
        "t".repeat(101),
        null,
        "atlantis",
        "c".repeat(129),
        -5,
        new Reporter("n".repeat(65), "not-a-phone", "not-an-email", "a".repeat(301)),
        null);

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> validator.validate(c));

    assertThat(e.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            tuple("channel", "required"),
            tuple("externalId", "too_long"),
            tuple("category", "unknown"),
            tuple("title", "too_long"),
            tuple("description", "required"),
            tuple("community", "unknown"),
            tuple("compound", "too_long"),
            tuple("householdsAffected", "out_of_range"),
            tuple("reporter.name", "too_long"),
            tuple("reporter.phone", "invalid"),
            tuple("reporter.email", "invalid"),
            tuple("location.address", "too_long"));
    assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).isNotBlank());
    assertThat(e.getMessage()).contains("channel: ").contains("location.address: ");
  }

  @Test
  void errorsListIsImmutable() {
    Draft d = new Draft();
    d.title = null;
    List<FieldError> errors = errors(d);
    assertThat(errors).isUnmodifiable();
  }

  @Test
  void newCaseNormalisesInput() {
    NewCase c = new NewCase(Channel.ONSITE, "  ", " environment ", " 标题 ", " 内容 ", " hualin ", "", null, null, null);

    assertThat(c.externalId()).isNull();
    assertThat(c.category()).isEqualTo("environment");
    assertThat(c.title()).isEqualTo("标题");
    assertThat(c.description()).isEqualTo("内容");
    assertThat(c.community()).isEqualTo("hualin");
    assertThat(c.compound()).isNull();
    assertThat(c.attachments()).isEmpty();
  }

  @Nested
  class CharactersTheDatabaseCannotStore {
    @Test
    void aNulCharacterIsRefusedInTheFieldThatHasIt() {
      Draft d = new Draft();
      d.description = "楼道\u0000堆物";
      assertSingleError(d, "description", Text.UNSTORABLE);
    }

    @Test
    void aLoneSurrogateIsRefusedButAWholeCharacterOutsideTheBasicPlaneIsNot() {
      Draft d = new Draft();
      d.title = "楼道\uD83D";
      assertSingleError(d, "title", Text.UNSTORABLE);
      d.title = "楼道\uD83D\uDE00";
      assertValid(d);
    }

    @Test
    void eachFieldIsNamedOnceAndNotAlsoAsUnknownOrInvalid() {
      Draft d = new Draft();
      d.community = "hua\u0000lin";
      d.category = "\uDC00";
      d.reporter = new Reporter("王\u0000", "138\u00001234", "wang\u0000@example.com", "3栋\u0000");
      assertThat(errors(d)).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
          tuple("community", Text.UNSTORABLE), tuple("category", Text.UNSTORABLE), tuple("reporter.name", Text.UNSTORABLE),
          tuple("reporter.phone", Text.UNSTORABLE), tuple("reporter.email", Text.UNSTORABLE),
          tuple("location.address", Text.UNSTORABLE));
    }

    @Test
    void storableText() {
      assertThat(Text.storable(null)).isTrue();
      assertThat(Text.storable("议事 😀 abc")).isTrue();
      assertThat(Text.storable("a\u0000")).isFalse();
      assertThat(Text.storable("\uDE00a")).isFalse();
      assertThat(Text.storable("a\uD83D")).isFalse();
    }
  }
}
