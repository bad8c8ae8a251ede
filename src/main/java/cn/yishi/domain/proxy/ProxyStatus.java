package cn.yishi.domain.proxy;

/** Where a proxy request stands, as the resident's status page shows it. */
public enum ProxyStatus {
  REQUESTED("已受理，待核对材料"),
  IN_HAND("代办中"),
  CLOSED("已办结，待您评价"),
  REWORK("按您的意见整改中"),
  DONE("已完成"),
  UNRATED("已办结（未评价）");

  private final String label;

  ProxyStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
