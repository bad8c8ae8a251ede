package cn.yishi.adapter.process.scheduledlistening;

import cn.yishi.application.ListeningService;
import org.springframework.stereotype.Component;

/**
 * Read by scheduledListening.bpmn's reception sub-process, once per community: the name its task
 * shows and the group that receives (the community's 社区两委).
 */
@Component("listeningReceptions")
public class ListeningReceptionsGlue {
  private final ListeningService listening;

  public ListeningReceptionsGlue(ListeningService listening) {
    this.listening = listening;
  }

  public String communityName(String community) {
    return listening.communityName(community);
  }

  public String receptionGroup(String community) {
    return listening.receptionGroup(community);
  }
}
