package cn.yishi.domain.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Urgency, tier and disposal of an accepted case (分级分类), with the responsible unit if known. */
public record Classification(Urgency urgency, Tier tier, Disposal disposal, String responsibleUnit) {

  public Classification {
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(disposal, "disposal");
    responsibleUnit = Text.trimToNull(responsibleUnit);
  }

  /**
   * Reads the values a review form submits. An omitted value keeps the suggestion; an unknown one
   * is refused with a field error.
   */
  public static Classification parse(String urgency, String tier, String disposal, String unit, Classification suggestion) {
    List<FieldError> errors = new ArrayList<>();
    Urgency u = parse(Urgency.class, "urgency", urgency, suggestion.urgency(), "紧急程度应为 RED、YELLOW 或 GREEN", errors);
    Tier t = parse(Tier.class, "tier", tier, suggestion.tier(), "层级应为 STATION、ROOM、HALL 或 COUNTY", errors);
    Disposal d = parse(Disposal.class, "disposal", disposal, suggestion.disposal(), "办理方式应为 IMMEDIATE、COMMITTED 或 DELIBERATED", errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Classification(u, t, d, unit);
  }

  /** Whether urgency, tier or disposal differ from another classification (an override). */
  public boolean differsFrom(Classification other) {
    return urgency != other.urgency || tier != other.tier || disposal != other.disposal;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, E fallback, String message, List<FieldError> errors) {
    String v = Text.trimToNull(value);
    if (v == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "invalid", message));
      return fallback;
    }
  }
}
