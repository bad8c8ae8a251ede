package cn.yishi.application.deliberation;

import cn.yishi.application.Cases;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.resource.ResourceEntry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before the meeting: the parties (五方/4+N, plus the case's department) record their positions (会前沟通),
 * and the problem list is matched against the resource list (梁山's 三单).
 */
@Service
public class MeetingPreparation {
  private final Cases cases;
  private final Meetings meetings;
  private final Deliberations deliberations;
  private final Directory directory;
  private final ResourceCatalogue resources;

  public MeetingPreparation(Cases cases, Meetings meetings, Deliberations deliberations, Directory directory,
      ResourceCatalogue resources) {
    this.cases = cases;
    this.meetings = meetings;
    this.deliberations = deliberations;
    this.directory = directory;
    this.resources = resources;
  }

  /** The parties asked for their positions before the meeting (五方/4+N), plus the case's department. */
  @Transactional(readOnly = true)
  public List<String> parties(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    List<String> groups = new ArrayList<>(directory.deliberationParties(m.community()));
    if (m.caseId() != null) {
      String unit = cases.loadById(m.caseId()).responsibleUnit();
      directory.unit(unit == null ? "" : unit)
          .filter(u -> u.type() == Directory.UnitType.DEPARTMENT)
          .ifPresent(u -> groups.add(GroupIds.unit(u.code())));
    }
    return groups;
  }

  /** The department responsible for the topic's case, as a party of its session, if a department handles it. */
  @Transactional(readOnly = true)
  public java.util.Optional<String> department(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    if (m.caseId() == null) {
      return java.util.Optional.empty();
    }
    String unit = cases.loadById(m.caseId()).responsibleUnit();
    return directory.unit(unit == null ? "" : unit).filter(u -> u.type() == Directory.UnitType.DEPARTMENT)
        .map(u -> GroupIds.unit(u.code()));
  }

  /** 会前沟通: one party's position. */
  @Transactional
  public void recordOpinion(long meetingId, String party, String position, String actor) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    String p = deliberations.rules().position(position, party, party == null ? List.of() : parties(meetingId));
    meetings.saveOpinion(m.id(), party, p, actor, deliberations.now());
  }

  /** 问题清单 matched against the 资源清单; returns the matches as text for the meeting. */
  @Transactional
  public String draftProblemList(long meetingId, String problemList) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    String p = deliberations.rules().problemList(problemList);
    List<String> lines = new ArrayList<>();
    // the current list (资源清单, maintained while running): the active entries serving the meeting's community
    for (ResourceEntry r : resources.serving(m.community())) {
      List<String> hits = r.hits(p);
      if (!hits.isEmpty()) {
        lines.add(r.kind().label() + "：" + r.name() + (r.expertise() == null ? "" : "（" + r.expertise() + "）")
            + "（匹配：" + String.join("、", hits) + "）");
      }
    }
    String matches = lines.isEmpty() ? "资源清单中没有匹配的资源，请在议事会上商定。" : "可调用资源：\n" + String.join("\n", lines);
    meetings.saveProblemList(meetingId, p, matches);
    return matches;
  }
}
