package cn.yishi.domain.casefile;

final class Text {
  private Text() {}

  static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
