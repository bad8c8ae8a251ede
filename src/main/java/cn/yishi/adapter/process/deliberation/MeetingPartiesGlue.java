package cn.yishi.adapter.process.deliberation;

import cn.yishi.application.deliberation.MeetingPreparation;
import java.util.List;
import org.springframework.stereotype.Component;

/** Read by deliberation.bpmn's pre-meeting task: the groups of the parties (五方/4+N) of a meeting. */
@Component("meetingParties")
public class MeetingPartiesGlue {
  private final MeetingPreparation deliberation;

  public MeetingPartiesGlue(MeetingPreparation deliberation) {
    this.deliberation = deliberation;
  }

  public List<String> of(Number meetingId) {
    return deliberation.parties(meetingId.longValue());
  }
}
