package cn.yishi.adapter.process.deliberation;

import cn.yishi.application.deliberation.ResolutionImplementation;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.directory.GroupIds;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read by deliberation.bpmn's multi-instance implementation task: which items to implement, and
 * each item's unit group and deadline. Keeps the item list out of process variables.
 */
@Component("resolutionItems")
public class ResolutionItemsGlue {
  private final ResolutionImplementation deliberation;

  public ResolutionItemsGlue(ResolutionImplementation deliberation) {
    this.deliberation = deliberation;
  }

  public List<Long> openItemIds(Number meetingId) {
    return deliberation.openItemIds(meetingId.longValue());
  }

  public String unitGroupOf(Number itemId) {
    return GroupIds.unit(item(itemId).unit());
  }

  public Date deadlineOf(Number itemId) {
    return Date.from(item(itemId).deadline().toInstant());
  }

  private Meetings.Item item(Number itemId) {
    return deliberation.item(itemId.longValue());
  }
}
