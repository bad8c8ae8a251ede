package cn.yishi.domain.casefile;

import java.util.Arrays;
import java.util.List;

/**
 * Where a report came from (渠道). Staff transcribe reports of most channels in Tasklist's start form (a 12345 work
 * order with its number, for example); the QR page and the mini program submit their own reports, and 定期听 records
 * its issues in its reception task.
 */
public enum Channel {
  HOTLINE_12345("12345热线", true),
  ONSITE("现场反映", true),
  QR_CODE("扫码留言", false),
  MINI_PROGRAM("小程序", false),
  WECHAT_GROUP("微信群", true),
  SUGGESTION_BOX("意见箱", true),
  GRID_VISIT("网格员走访", true),
  DAILY_WORK("日常工作收集", true),
  PHOTO_REPORT("随手拍", true),
  OBSERVER("议事观察员", true),
  LISTENING_DAY("定期听", false);

  private final String label;
  private final boolean transcribedByStaff;

  Channel(String label, boolean transcribedByStaff) {
    this.label = label;
    this.transcribedByStaff = transcribedByStaff;
  }

  public String label() {
    return label;
  }

  /** Whether a staff member may record a report of this channel in the start form. */
  public boolean transcribedByStaff() {
    return transcribedByStaff;
  }

  /** The channels of the staff start form, in this order. */
  public static List<Channel> staffChannels() {
    return Arrays.stream(values()).filter(Channel::transcribedByStaff).toList();
  }

  /** A 12345 work order is recorded with its number (工单号), which keeps it from being registered twice. */
  public boolean needsWorkOrderNumber() {
    return this == HOTLINE_12345;
  }
}
