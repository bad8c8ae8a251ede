package cn.yishi.domain.deliberation;

import java.util.List;

/**
 * What the meeting task submits (六步): attendance, ground rules, topic, discussion, the resolution list
 * (决议清单) and the responsibilities; or the pause of the meeting with its reason.
 */
public record MeetingMinutes(boolean paused, String pauseReason, Boolean onSite, String attendees, Integer participants,
    String groundRules, String topic, String summary, List<Item> items, String responsibilities) {

  /** One entry of the resolution list as submitted: the unit's code, the measure, the deadline (yyyy-MM-dd). */
  public record Item(String unit, String measure, String deadline) {}
}
