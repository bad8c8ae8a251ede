package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.SessionLookup.DAY;

import cn.yishi.application.MailTemplates;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.Sessions;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The N of a session who are persons, not groups: experts of the talent pool (人才库, the active TALENT entries of the
 * resource list serving the body's communities) and the reporters of its topics (邀请反映人列席). An expert is recorded
 * by the entry and expertise; a reporter by the topic only, and invited by mail (date, place, the public notice of
 * sessions) when the case has an e-mail address, through the outbox. No personal data of a reporter is stored with
 * the session or handed to the engine.
 */
@Service
public class SessionInvitations {
  private final Sessions sessions;
  private final ResourceCatalogue resources;
  private final Directory directory;
  private final CaseRepository cases;
  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final String publicBaseUrl;

  public SessionInvitations(Sessions sessions, ResourceCatalogue resources, Directory directory, CaseRepository cases,
      MailOutbox outbox, MailTemplates templates, @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.sessions = sessions;
    this.resources = resources;
    this.directory = directory;
    this.cases = cases;
    this.outbox = outbox;
    this.templates = templates;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** The experts a convener may invite: the active TALENT entries serving the communities the body serves. */
  public List<ResourceEntry> experts(Body body) {
    Map<Long, ResourceEntry> out = new LinkedHashMap<>();
    for (Directory.Community c : directory.communitiesServedBy(body)) {
      resources.serving(c.code()).stream().filter(e -> e.kind() == ResourceKind.TALENT).forEach(e -> out.putIfAbsent(e.id(), e));
    }
    return List.copyOf(out.values());
  }

  /** The experts chosen, each one of {@link #experts}; refused (nothing stored) otherwise. */
  List<ResourceEntry> checkExperts(Body body, List<Long> chosen) {
    List<ResourceEntry> available = experts(body);
    List<ResourceEntry> out = new ArrayList<>();
    for (Long id : chosen == null ? List.<Long>of() : chosen) {
      ResourceEntry e = available.stream().filter(x -> id != null && x.id() == id).findFirst()
          .orElseThrow(() -> new ValidationException(List.of(new FieldError("invitedExperts", "unknown",
              "邀请的专家须从人才库（资源清单中在用的人才）中选择"))));
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Records the experts and invites the reporters of {@code reporterTopics} (topics of a case; a community matter has
   * no reporter). Returns how many reporters were invited by mail.
   */
  int invite(Sessions.Session s, Body body, List<ResourceEntry> experts, List<Sessions.Topic> reporterTopics, String actor,
      OffsetDateTime now) {
    for (ResourceEntry e : experts) {
      sessions.addInvitee(s.id(), new Sessions.Invitee(Sessions.TALENT, e.id(), null, expertise(e), false), actor, now);
    }
    int mailed = 0;
    for (Sessions.Topic t : reporterTopics) {
      if (t.caseId() == null) {
        continue;
      }
      Optional<CaseFile> c = cases.findById(t.caseId());
      Optional<String> email = cases.findReporter(t.caseId()).map(Reporter::email).filter(m -> !m.isBlank());
      boolean sent = c.isPresent() && email.isPresent() && mail(s, body, c.get(), email.get());
      sessions.addInvitee(s.id(), new Sessions.Invitee(Sessions.REPORTER, null, t.meetingId(), null, sent), actor, now);
      mailed += sent ? 1 : 0;
    }
    return mailed;
  }

  private boolean mail(Sessions.Session s, Body body, CaseFile c, String email) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("caseNo", c.caseNo());
    v.put("title", c.title());
    v.put("body", body.name());
    v.put("date", DAY.format(s.date()));
    v.put("place", s.place() == null ? body.name() : s.place());
    v.put("meetingsUrl", publicBaseUrl + "/public/meetings?community="
        + URLEncoder.encode(c.community(), StandardCharsets.UTF_8));
    MailTemplates.Mail m = templates.render(MailTemplates.Kind.SESSION_INVITATION, v);
    return outbox.enqueue("session-invitation:" + s.id() + ":" + c.caseNo(), email, m.subject(), m.body(), c.id());
  }

  /** What the public and the record show of the invitees: experts by expertise (no names), reporters counted. */
  public record Summary(List<String> expertise, int reporters, int reportersMailed) {
    public String text() {
      if (expertise.isEmpty() && reporters == 0) {
        return "";
      }
      return "邀请列席：" + (expertise.isEmpty() ? "" : "人才库专家（" + String.join("、", expertise) + "）")
          + (expertise.isEmpty() || reporters == 0 ? "" : "；")
          + (reporters == 0 ? "" : "反映人 " + reporters + " 位（已邮件邀请 " + reportersMailed + " 位）");
    }
  }

  public Summary summary(long sessionId) {
    List<Sessions.Invitee> all = sessions.invitees(sessionId);
    return new Summary(all.stream().filter(i -> Sessions.TALENT.equals(i.kind())).map(Sessions.Invitee::expertise).toList(),
        (int) all.stream().filter(i -> Sessions.REPORTER.equals(i.kind())).count(),
        (int) all.stream().filter(i -> Sessions.REPORTER.equals(i.kind()) && i.mailed()).count());
  }

  /** An expert as the public may see them: by expertise (专长), else by kind; never the name. */
  static String expertise(ResourceEntry e) {
    String x = e.expertise() == null || e.expertise().isBlank() ? "专业人才" : e.expertise().strip();
    return x.length() > 200 ? x.substring(0, 200) : x;
  }
}
