package cn.yishi.adapter.process.deliberation;

import cn.yishi.application.DeliberationService;
import java.util.List;
import org.springframework.stereotype.Component;

/** Read by deliberation.bpmn's pre-meeting task: the groups of the parties (五方/4+N) of a meeting. */
@Component("meetingParties")
public class MeetingPartiesGlue {
  private final DeliberationService deliberation;

  public MeetingPartiesGlue(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  public List<String> of(Number meetingId) {
    return deliberation.parties(meetingId.longValue());
  }
}
