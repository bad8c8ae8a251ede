package cn.yishi.application.convention;

import cn.yishi.application.port.ConventionStore;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.convention.AdoptionMode;
import cn.yishi.domain.convention.ConventionRules;
import cn.yishi.domain.convention.ConventionStatus;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community conventions (公约, 青羊 院落文明公约) from draft to register: "公约草案后续将在小区内公示并征求更广泛居民意见，
 * 经修改完善后正式公布实施". Community staff start a draft (or an amendment of a convention in force); it is put to
 * publicity for comments on a public page for a window of working days; the staff revise it and record how each comment
 * was handled; the party organisation reviews it (党组织审核); the residents adopt it (residents' (representatives')
 * meeting, or one household one vote in a compound); it is published with the date it takes effect, and the version
 * it amends is superseded.
 *
 * <p>This service runs the steps and holds the transactions; what residents read (a draft's page, the register) is
 * {@link ConventionViews}, where a convention applies and how it is named {@link ConventionScopes}.
 */
@Service
public class Conventions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ConventionStore store;
  private final Meetings meetings;
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final ConventionScopes scopes;
  private final ConventionViews views;

  public Conventions(ConventionStore store, Meetings meetings, Directory directory, WorkingDayCalendar calendar, Clock clock) {
    this.store = store;
    this.meetings = meetings;
    this.calendar = calendar;
    this.clock = clock;
    this.scopes = new ConventionScopes(directory);
    this.views = new ConventionViews(store, scopes, clock);
  }

  /** Where a convention applies: a community, or one of its compounds (the 会客站 code of the household register). */
  public record Scope(String community, String compound, String name) {}

  public record Started(long conventionId, long versionId, int versionNo, String title, Scope scope, String token,
      OffsetDateTime commentsCloseAt) {}

  /** A comment the revision must answer: its number on the draft, the text and the signature the resident chose. */
  public record OpenComment(long id, int no, String content, String signature) {}

  /** The adoption the residents' vote runs: the meeting record, the vote type, compound and question. */
  public record Adoption(long meetingId, AdoptionMode mode, String voteType, String compound, String question) {}

  /**
   * Starts a draft: a new convention of the scope, or ({@code amends} given) a new version of the convention in force
   * with that number. Only the staff of the scope's community (社区两委) start one. Nothing is stored on a refusal.
   */
  @Transactional
  public Started start(String actor, Collection<String> groups, String scopeCode, Long amends, String title, String text,
      Integer commentDays) {
    ConventionRules.Draft draft = ConventionRules.draft(title, text, commentDays);
    long conventionId;
    int versionNo;
    Scope scope;
    if (amends != null) {
      List<ConventionStore.Version> versions = store.versions(amends);
      ConventionStore.Version inForce = versions.stream()
          .filter(v -> ConventionStatus.IN_FORCE.name().equals(v.status())).findFirst()
          .orElseThrow(() -> refused("amendsConvention", "unknown", "公约编号 " + amends + " 不存在或没有施行中的版本"));
      if (versions.stream().anyMatch(v -> ConventionStatus.valueOf(v.status()).inProgress())) {
        throw refused("amendsConvention", "in_progress", "该公约已有一份修订草案正在办理，请先办结");
      }
      scope = scopes.scope(inForce.compound() == null ? inForce.community() : inForce.compound())
          .orElseThrow(() -> refused("amendsConvention", "unknown", "公约所属社区已不在组织目录中"));
      if (scopeCode != null && !scopeCode.isBlank() && !scopeCode.strip().equals(ConventionScopes.code(scope))) {
        throw refused("conventionScope", "mismatch", "修订公约时适用范围沿用原公约（" + scope.name() + "），请不要另选");
      }
      conventionId = amends;
      versionNo = versions.get(versions.size() - 1).versionNo() + 1;
    } else {
      scope = scopes.scope(scopeCode == null ? "" : scopeCode.strip())
          .orElseThrow(() -> refused("conventionScope", "required", "请选择公约适用的社区或小区"));
      conventionId = -1;
      versionNo = 1;
    }
    if (!groups.contains(GroupIds.community(scope.community())) && !groups.contains(GroupIds.ADMIN)) {
      throw refused("conventionScope", "forbidden", "只有" + scopes.communityName(scope.community()) + "两委可以起草该社区的公约");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (conventionId < 0) {
      conventionId = store.insertConvention(scope.community(), scope.compound(), now);
    }
    OffsetDateTime closes = calendar.deadline(now, draft.commentDays());
    String token = token();
    long versionId = store.insertVersion(conventionId, versionNo, draft.title(), draft.text(),
        ConventionStatus.PUBLICITY.name(), token, closes, actor, now);
    store.insertStep(versionId, "DRAFT", amends == null ? "起草" : "起草修订（第" + versionNo + "版）", actor, now);
    return new Started(conventionId, versionId, versionNo, draft.title(), scope, token, closes);
  }

  /** A resident's comment on a draft under publicity. Unknown token, closed window, bad text: refused, nothing stored. */
  @Transactional
  public void comment(String token, String content, String signature) {
    ConventionStore.Version v = views.byToken(token);
    ConventionRules.Comment c = ConventionRules.comment(ConventionStatus.valueOf(v.status()), v.commentsCloseAt(),
        OffsetDateTime.now(clock), content, signature);
    store.insertComment(v.id(), c.content(), c.signature(), OffsetDateTime.now(clock));
  }

  /** The window has closed: the draft goes to revision with the comments to answer. */
  @Transactional
  public List<OpenComment> closeComments(long versionId) {
    ConventionStore.Version v = version(versionId);
    if (ConventionStatus.PUBLICITY.name().equals(v.status())) {
      store.moveStatus(versionId, v.status(), ConventionStatus.REVISION.name());
    }
    return openComments(versionId);
  }

  /** The comments of a version with their numbers. */
  @Transactional(readOnly = true)
  public List<OpenComment> openComments(long versionId) {
    List<OpenComment> out = new ArrayList<>();
    int n = 1;
    for (ConventionStore.Comment c : store.comments(versionId)) {
      out.add(new OpenComment(c.id(), n++, c.content(), c.signature()));
    }
    return out;
  }

  /** The revised text and how each comment was handled; the draft goes to the party organisation's review. */
  @Transactional
  public void revise(long versionId, String text, Map<Long, String> handling, String note, String actor) {
    ConventionStore.Version v = version(versionId);
    requireStatus(v, ConventionStatus.REVISION);
    List<Long> ids = store.comments(versionId).stream().map(ConventionStore.Comment::id).toList();
    String body = ConventionRules.revision(text, ids, handling);
    if (note != null && note.strip().length() > ConventionRules.MAX_REASON) {
      throw refused("revisionNote", "too_long", "修订说明不超过" + ConventionRules.MAX_REASON + "字");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.saveBody(versionId, body);
    for (Long id : ids) {
      store.saveHandling(id, handling.get(id).strip(), actor, now);
    }
    store.moveStatus(versionId, v.status(), ConventionStatus.REVIEW.name());
    store.insertStep(versionId, "REVISION", note == null || note.isBlank() ? "修订完成，意见 " + ids.size() + " 条已逐条处理"
        : note.strip(), actor, now);
  }

  /**
   * 党组织审核: approved, the adoption starts (a meeting record for the residents' vote); returned, the draft goes
   * back to revision with the reason. Empty when returned.
   */
  @Transactional
  public Optional<Adoption> review(long versionId, String decision, String reason, String adoption, String actor) {
    ConventionStore.Version v = version(versionId);
    requireStatus(v, ConventionStatus.REVIEW);
    ConventionRules.Review r = ConventionRules.review(decision, reason, adoption, v.compound() != null);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!r.approved()) {
      store.moveStatus(versionId, v.status(), ConventionStatus.REVISION.name());
      store.insertStep(versionId, "RETURNED", r.reason(), actor, now);
      return Optional.empty();
    }
    store.insertStep(versionId, "APPROVED", r.reason() == null ? "审核通过，" + r.adoption().label()
        : r.reason() + "（" + r.adoption().label() + "）", actor, now);
    store.moveStatus(versionId, v.status(), ConventionStatus.ADOPTION.name());
    String title = "公约表决：" + v.title();
    long meetingId = meetings.insertMeeting(null, v.community(), null, title.length() > 200 ? title.substring(0, 200) : title,
        now.atZoneSameInstant(calendar.zone()).toLocalDate(), null, now);
    store.saveMeeting(versionId, meetingId);
    String question = "是否通过《" + v.title() + "》" + (v.versionNo() > 1 ? "（第" + v.versionNo() + "版修订）" : "");
    return Optional.of(new Adoption(meetingId, r.adoption(), r.adoption().voteType(), v.compound(), question));
  }

  /** The residents did not adopt it: back to revision, with the outcome as the reason. */
  @Transactional
  public String adoptionFailed(long versionId, String outcome) {
    ConventionStore.Version v = version(versionId);
    requireStatus(v, ConventionStatus.ADOPTION);
    String reason = "居民表决未通过（" + outcomeLabel(outcome) + "），请修订后重新报审";
    store.moveStatus(versionId, v.status(), ConventionStatus.REVISION.name());
    store.insertStep(versionId, "REJECTED", reason, "system", OffsetDateTime.now(clock));
    return reason;
  }

  /** Adopted: in force from today (公布之日起施行); the version in force before it is superseded. */
  @Transactional
  public LocalDate publish(long versionId) {
    ConventionStore.Version v = version(versionId);
    requireStatus(v, ConventionStatus.ADOPTION);
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(calendar.zone()).toLocalDate();
    for (ConventionStore.Version other : store.versions(v.conventionId())) {
      if (other.id() != versionId && ConventionStatus.IN_FORCE.name().equals(other.status())) {
        store.supersede(other.id(), today);
      }
    }
    store.publish(versionId, today);
    store.insertStep(versionId, "PUBLISHED", "经居民表决通过，自 " + today + " 起施行", "system", now);
    return today;
  }

  // what residents see

  public record PublicComment(int no, String content, String signature, String handling) {}

  /** A draft as its public page shows it: the text, the window, and once revised how the comments were handled. */
  public record PublicDraft(String token, long conventionId, int versionNo, String title, String scope, String body,
      String status, String statusLabel, OffsetDateTime commentsCloseAt, boolean open, int commentCount,
      List<PublicComment> handled) {}

  @Transactional(readOnly = true)
  public PublicDraft draft(String token) {
    return views.draft(token);
  }

  public record RegisterVersion(int versionNo, String title, String status, String statusLabel, LocalDate effectiveDate,
      LocalDate supersededDate, String token) {}

  /** A convention of the register: its number, scope, current text, and every adopted version. */
  public record RegisterEntry(long conventionId, String scope, String compound, String title, String body,
      LocalDate effectiveDate, int versionNo, List<RegisterVersion> versions) {}

  /** A draft in progress (under publicity or in its later steps), linked to its public page. */
  public record DraftEntry(long conventionId, String scope, String title, int versionNo, String status, String statusLabel,
      OffsetDateTime commentsCloseAt, String token) {}

  public record Register(String community, String communityName, List<RegisterEntry> inForce, List<DraftEntry> drafts) {}

  /** The public register of a community: conventions in force (community first, then per compound), and drafts. */
  @Transactional(readOnly = true)
  public Register register(String community) {
    return views.register(community);
  }

  // scope and helpers

  /** The scope of a code: a community's code, or the code of one of its compounds (会客站). */
  public Optional<Scope> scope(String code) {
    return scopes.scope(code);
  }

  /** The compound's name from its 会客站's name (御苑小区党群会客站 → 御苑小区). */
  public static String compoundName(String stationName) {
    return stationName.replaceFirst("党群会客站$", "");
  }

  private static String outcomeLabel(String outcome) {
    for (cn.yishi.domain.deliberation.VoteRule.Outcome o : cn.yishi.domain.deliberation.VoteRule.Outcome.values()) {
      if (o.name().equals(outcome)) {
        return o.label();
      }
    }
    return "未通过";
  }

  private ConventionStore.Version version(long versionId) {
    return store.findVersion(versionId).orElseThrow(() -> refused("conventionVersionId", "unknown", "公约版本不存在"));
  }

  private static void requireStatus(ConventionStore.Version v, ConventionStatus expected) {
    if (!expected.name().equals(v.status())) {
      throw refused("conventionVersionId", "status", "公约当前状态为“" + ConventionStatus.valueOf(v.status()).label()
          + "”，不能进行此步骤");
    }
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
