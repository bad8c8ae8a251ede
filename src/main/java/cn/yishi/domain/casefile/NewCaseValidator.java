package cn.yishi.domain.casefile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The rules a report must satisfy before anything is stored. Knows nothing of the engine or of
 * HTTP; the category catalogue and the community directory are passed in as predicates.
 */
public final class NewCaseValidator {
  public static final int TITLE_MAX = 100;
  public static final int DESCRIPTION_MAX = 4000;
  public static final int COMPOUND_MAX = 128;
  public static final int EXTERNAL_ID_MAX = 128;
  public static final int NAME_MAX = 64;
  public static final int ADDRESS_MAX = 300;
  public static final int HOUSEHOLDS_MAX = 100_000;
  public static final int ATTACHMENTS_MAX = 10;
  private static final Pattern URL = Pattern.compile("^https?://[^\\s<>\"]+$");

  /** Mainland mobile numbers, or landlines with an optional area code and extension. */
  private static final Pattern PHONE =
      Pattern.compile("^(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\d{7,8}|12345)$");
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  /** A compound or 院坝 of the directory: the community it belongs to and its Chinese name. */
  public record Place(String community, String communityName, String name) {}

  /**
   * Where the compounds (小区, by the code of their station) and the 院坝 (micro-grids) are: the place of a code,
   * empty when the directory has none.
   */
  public interface Places {
    Optional<Place> compound(String code);

    Optional<Place> yuanba(String code);

    /** Free text, as before the compounds were in the directory (tests of other rules). */
    Places UNCHECKED = new Places() {
      @Override
      public Optional<Place> compound(String code) {
        return Optional.of(new Place(null, null, code));
      }

      @Override
      public Optional<Place> yuanba(String code) {
        return Optional.of(new Place(null, null, code));
      }
    };
  }

  private final Predicate<String> knownCategory;
  private final Predicate<String> knownCommunity;
  private final Places places;

  public NewCaseValidator(Predicate<String> knownCategory, Predicate<String> knownCommunity) {
    this(knownCategory, knownCommunity, Places.UNCHECKED);
  }

  public NewCaseValidator(Predicate<String> knownCategory, Predicate<String> knownCommunity, Places places) {
    this.knownCategory = knownCategory;
    this.knownCommunity = knownCommunity;
    this.places = places;
  }

  public void validate(NewCase c) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> unstorable = unstorable(c, errors);
    if (c.channel() == null) {
      errors.add(new FieldError("channel", "required", "请选择诉求来源渠道"));
    }
    if (c.externalId() != null && !unstorable.contains("externalId") && c.externalId().length() > EXTERNAL_ID_MAX) {
      errors.add(new FieldError("externalId", "too_long", "外部编号不能超过" + EXTERNAL_ID_MAX + "个字符"));
    }
    if (c.category() == null) {
      errors.add(new FieldError("category", "required", "请选择诉求类别"));
    } else if (!unstorable.contains("category") && !knownCategory.test(c.category())) {
      errors.add(new FieldError("category", "unknown", "未知的诉求类别：" + c.category()));
    }
    if (c.title() == null) {
      errors.add(new FieldError("title", "required", "请填写诉求标题"));
    } else if (c.title().length() > TITLE_MAX) {
      errors.add(new FieldError("title", "too_long", "标题不能超过" + TITLE_MAX + "个字"));
    }
    if (c.description() == null) {
      errors.add(new FieldError("description", "required", "请填写诉求内容"));
    } else if (c.description().length() > DESCRIPTION_MAX) {
      errors.add(new FieldError("description", "too_long", "诉求内容不能超过" + DESCRIPTION_MAX + "个字"));
    }
    if (c.community() == null) {
      errors.add(new FieldError("community", "required", "请选择所在社区"));
    } else if (!unstorable.contains("community") && !knownCommunity.test(c.community())) {
      errors.add(new FieldError("community", "unknown", "未知的社区：" + c.community()));
    }
    if (c.compound() != null && c.compound().length() > COMPOUND_MAX) {
      errors.add(new FieldError("compound", "too_long", "小区名称不能超过" + COMPOUND_MAX + "个字"));
    } else if (c.compound() != null && !unstorable.contains("compound")) {
      place("compound", "小区", places.compound(c.compound()), c, errors);
    }
    if (c.yuanba() != null && !unstorable.contains("yuanba")) {
      place("yuanba", "院坝", places.yuanba(c.yuanba()), c, errors);
    }
    if (c.householdsAffected() != null
        && (c.householdsAffected() < 0 || c.householdsAffected() > HOUSEHOLDS_MAX)) {
      errors.add(new FieldError("householdsAffected", "out_of_range", "涉及户数应在0到" + HOUSEHOLDS_MAX + "之间"));
    }
    Reporter r = c.reporter();
    if (r.name() != null && r.name().length() > NAME_MAX) {
      errors.add(new FieldError("reporter.name", "too_long", "姓名不能超过" + NAME_MAX + "个字"));
    }
    if (r.phone() != null && !unstorable.contains("reporter.phone") && !PHONE.matcher(r.phone()).matches()) {
      errors.add(new FieldError("reporter.phone", "invalid", "联系电话格式不正确"));
    }
    if (r.email() != null && !unstorable.contains("reporter.email") && (r.email().length() > 254 || !EMAIL.matcher(r.email()).matches())) {
      errors.add(new FieldError("reporter.email", "invalid", "电子邮箱格式不正确"));
    }
    if (r.address() != null && r.address().length() > ADDRESS_MAX) {
      errors.add(new FieldError("location.address", "too_long", "地址不能超过" + ADDRESS_MAX + "个字"));
    }
    if ((c.lat() == null) != (c.lon() == null)) {
      errors.add(new FieldError(c.lat() == null ? "location.lat" : "location.lon", "required", "经纬度须同时填写"));
    }
    if (c.lat() != null && (c.lat().isNaN() || c.lat() < -90 || c.lat() > 90)) {
      errors.add(new FieldError("location.lat", "out_of_range", "纬度应在-90到90之间"));
    }
    if (c.lon() != null && (c.lon().isNaN() || c.lon() < -180 || c.lon() > 180)) {
      errors.add(new FieldError("location.lon", "out_of_range", "经度应在-180到180之间"));
    }
    if (c.attachments().size() > ATTACHMENTS_MAX) {
      errors.add(new FieldError("attachments", "too_many", "附件不能超过" + ATTACHMENTS_MAX + "个"));
    }
    for (int i = 0; i < c.attachments().size(); i++) {
      String url = c.attachments().get(i);
      if (unstorable.contains("attachments[" + i + "]")) {
        continue;
      }
      if (url == null || url.length() > 500 || !URL.matcher(url).matches()) {
        errors.add(new FieldError("attachments[" + i + "]", "invalid", "附件地址应为 http 或 https 链接，不超过500个字符"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** A compound or 院坝 must be one of the directory's, and of the report's community. */
  private static void place(String field, String kind, Optional<Place> place, NewCase c, List<FieldError> errors) {
    if (place.isEmpty()) {
      errors.add(new FieldError(field, "unknown", "未知的" + kind + "，请从所在社区的" + kind + "中选择"));
    } else if (place.get().community() != null && c.community() != null
        && !place.get().community().equals(c.community())) {
      errors.add(new FieldError(field, "other_community", kind + "“" + place.get().name() + "”属于"
          + place.get().communityName() + "，不属于所选社区"));
    }
  }

  /** Refuses every text field with a character that cannot be stored; answers their names. */
  private static Set<String> unstorable(NewCase c, List<FieldError> errors) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("externalId", c.externalId());
    texts.put("category", c.category());
    texts.put("title", c.title());
    texts.put("description", c.description());
    texts.put("community", c.community());
    texts.put("compound", c.compound());
    texts.put("yuanba", c.yuanba());
    texts.put("reporter.name", c.reporter().name());
    texts.put("reporter.phone", c.reporter().phone());
    texts.put("reporter.email", c.reporter().email());
    texts.put("location.address", c.reporter().address());
    for (int i = 0; i < c.attachments().size(); i++) {
      texts.put("attachments[" + i + "]", c.attachments().get(i));
    }
    Set<String> bad = new HashSet<>();
    texts.forEach((field, value) -> {
      if (!Text.storable(value)) {
        bad.add(field);
        errors.add(Text.unstorable(field));
      }
    });
    return bad;
  }
}
