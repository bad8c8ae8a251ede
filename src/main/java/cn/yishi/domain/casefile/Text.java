package cn.yishi.domain.casefile;

/** Text as people type it: trimmed, and only with characters a database can store. */
public final class Text {
  /** The code of a field refused for a character that cannot be stored. */
  public static final String UNSTORABLE = "invalid_character";

  private Text() {}

  static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * Whether the text can be stored as it is: it holds no NUL character (PostgreSQL refuses it in any text) and no
   * lone surrogate (half of a character, which would be stored as {@code ?}). {@code null} is storable.
   */
  public static boolean storable(CharSequence s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0 || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** The refusal of a field whose text is not {@link #storable}. */
  public static FieldError unstorable(String field) {
    return new FieldError(field, UNSTORABLE, "含有无法保存的字符（如空字符），请删除后重新填写");
  }

  /** Refuses a text that is not {@link #storable} as {@code field}. */
  public static void requireStorable(String field, String value) {
    if (!storable(value)) {
      throw new ValidationException(java.util.List.of(unstorable(field)));
    }
  }
}
