package cn.yishi.domain.casefile;

/** Where a report came from (渠道). */
public enum Channel {
  HOTLINE_12345("12345热线"),
  ONSITE("现场反映"),
  QR_CODE("扫码留言"),
  MINI_PROGRAM("小程序"),
  WECHAT_GROUP("微信群"),
  SUGGESTION_BOX("意见箱"),
  GRID_VISIT("网格员走访"),
  DAILY_WORK("日常工作收集"),
  PHOTO_REPORT("随手拍"),
  OBSERVER("议事观察员"),
  LISTENING_DAY("定期听");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
