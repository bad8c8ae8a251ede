package cn.yishi.domain.proxy;

/** How the 代办员 handles a request (开州“院坝汇”：现场代办、全程代办、协助代办). */
public enum ProxyMode {
  /** 现场代办: done on the spot. */
  ON_SITE("现场代办"),
  /** 全程代办: the 代办员 runs the whole procedure for the resident. */
  FULL("全程代办"),
  /** 协助代办: the resident goes, the 代办员 prepares and accompanies. */
  ASSISTED("协助代办");

  private final String label;

  ProxyMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
