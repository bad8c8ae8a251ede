package cn.yishi.application.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.ConventionStore;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.convention.AdoptionMode;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The convention use cases on an in-memory store: the path from draft to register, and every refusal. */
class ConventionsTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Monday 2 March 2026, 09:00 in Beijing. */
  private static final Instant MONDAY = Instant.parse("2026-03-02T01:00:00Z");
  private static final List<String> HUALIN_STAFF = List.of("hualin-community");
  private static final Directory DIRECTORY = new Directory("fx", "奉新县", List.of(new Directory.Street("fengchuan", "冯川镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fengchuan",
              List.of(new Directory.Station("hualin-yuyuan", "御苑小区党群会客站"))),
          new Directory.Community("shengdian", "圣殿社区", "fengchuan", List.of())),
      List.of(), List.of());

  private final MemoryStore store = new MemoryStore();
  private final Meetings meetings = mock(Meetings.class);
  private final MovableClock clock = new MovableClock(MONDAY);
  private final Conventions conventions = new Conventions(store, meetings, DIRECTORY,
      new WorkingDayCalendar(Set.of(), Set.of(), Set.of(), LocalTime.of(18, 0), ZONE), clock);

  private static List<FieldError> refusal(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("not refused");
  }

  private Conventions.Started draft(String scope) {
    return conventions.start("community.hualin", HUALIN_STAFF, scope, null, "御苑小区院落文明公约", "第一条 爱护公共设施。", 5);
  }

  /** Comments, revision, approval for the assembly, and publication. */
  private void adopt(Conventions.Started s) {
    clock.set(s.commentsCloseAt().toInstant());
    List<Conventions.OpenComment> open = conventions.closeComments(s.versionId());
    Map<Long, String> handling = new java.util.HashMap<>();
    open.forEach(c -> handling.put(c.id(), "采纳"));
    conventions.revise(s.versionId(), "第一条 爱护公共设施。\n第二条 文明养犬。", handling, null, "community.hualin");
    when(meetings.insertMeeting(isNull(), eq("hualin"), isNull(), any(), any(), isNull(), any())).thenReturn(41L);
    conventions.review(s.versionId(), "APPROVE", null, "ASSEMBLY", "community.hualin");
    conventions.publish(s.versionId());
  }

  @Test
  void aDraftIsStoredUnderPublicityWithAnUnguessableTokenAndAWindowOfWorkingDays() {
    Conventions.Started s = draft("hualin-yuyuan");

    assertThat(s.versionNo()).isEqualTo(1);
    assertThat(s.scope()).isEqualTo(new Conventions.Scope("hualin", "hualin-yuyuan", "华林社区 御苑小区"));
    assertThat(s.token()).matches("[A-Za-z0-9_-]{43}");
    // five working days from Monday 2 March: Monday 9 March, at the end of the working day
    assertThat(s.commentsCloseAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T18:00:00+08:00"));
    ConventionStore.Version v = store.findVersion(s.versionId()).orElseThrow();
    assertThat(v.status()).isEqualTo("PUBLICITY");
    assertThat(v.compound()).isEqualTo("hualin-yuyuan");
    assertThat(conventions.draft(s.token()).open()).isTrue();
  }

  @Test
  void onlyTheStaffOfTheScopesCommunityStartADraftAndNothingIsStoredOnARefusal() {
    assertThat(refusal(() -> conventions.start("community.shengdian", List.of("shengdian-community"), "hualin", null, "公约",
        "正文", 5))).containsExactly(new FieldError("conventionScope", "forbidden", "只有华林社区两委可以起草该社区的公约"));
    assertThat(refusal(() -> conventions.start("community.hualin", HUALIN_STAFF, "atlantis", null, "公约", "正文", 5)))
        .extracting(FieldError::code).containsExactly("required");
    assertThat(refusal(() -> conventions.start("community.hualin", HUALIN_STAFF, "hualin", null, " ", "正文", 40)))
        .extracting(FieldError::field).containsExactly("title", "commentDays");
    assertThat(refusal(() -> conventions.start("community.hualin", HUALIN_STAFF, null, 99L, "公约", "正文", 5)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("amendsConvention", "unknown"));
    assertThat(store.versions).isEmpty();
    assertThat(store.conventions).isZero();
  }

  @Test
  void aCommentIsStoredWhileTheWindowIsOpenAndRefusedAfterwardsOrWhenTooLong() {
    Conventions.Started s = draft("hualin");
    conventions.comment(s.token(), "建议增加电动车充电条款", "3栋老李");

    assertThat(refusal(() -> conventions.comment(s.token(), "长".repeat(501), null))).extracting(FieldError::code)
        .containsExactly("too_long");
    assertThat(refusal(() -> conventions.comment("no-such-token", "好", null)))
        .containsExactly(new FieldError("token", "unknown", "公约草案不存在"));
    clock.set(s.commentsCloseAt().toInstant());
    assertThat(refusal(() -> conventions.comment(s.token(), "晚了", null))).extracting(FieldError::code).containsExactly("expired");
    assertThat(store.comments(s.versionId())).extracting(ConventionStore.Comment::content, ConventionStore.Comment::signature)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("建议增加电动车充电条款", "3栋老李"));
  }

  @Test
  void theRevisionAnswersEveryCommentAndThePublicPageShowsTheHandling() {
    Conventions.Started s = draft("hualin");
    conventions.comment(s.token(), "建议增加电动车充电条款", null);
    conventions.comment(s.token(), "养犬条款太严", "老王");
    clock.set(s.commentsCloseAt().toInstant());
    List<Conventions.OpenComment> open = conventions.closeComments(s.versionId());
    assertThat(open).extracting(Conventions.OpenComment::no, Conventions.OpenComment::content)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "建议增加电动车充电条款"), org.assertj.core.groups.Tuple.tuple(2, "养犬条款太严"));

    assertThat(refusal(() -> conventions.revise(s.versionId(), "新正文", Map.of(open.get(0).id(), "采纳"), null, "staff")))
        .extracting(FieldError::field).containsExactly("conventionComments[1].handling");
    assertThat(store.findVersion(s.versionId()).orElseThrow().status()).isEqualTo("REVISION");

    conventions.revise(s.versionId(), "新正文", Map.of(open.get(0).id(), "采纳，增加第三条", open.get(1).id(), "不采纳：依据县规定"),
        "按意见修订", "staff");
    assertThat(store.findVersion(s.versionId()).orElseThrow().status()).isEqualTo("REVIEW");
    Conventions.PublicDraft page = conventions.draft(s.token());
    assertThat(page.body()).isEqualTo("新正文");
    assertThat(page.open()).isFalse();
    assertThat(page.handled()).extracting(Conventions.PublicComment::content, Conventions.PublicComment::signature,
        Conventions.PublicComment::handling).containsExactly(
        org.assertj.core.groups.Tuple.tuple("建议增加电动车充电条款", null, "采纳，增加第三条"),
        org.assertj.core.groups.Tuple.tuple("养犬条款太严", "老王", "不采纳：依据县规定"));
    assertThat(store.steps).contains("REVISION:按意见修订");
  }

  @Test
  void theReviewReturnsWithAReasonOrOpensTheAdoptionWithAMeetingRecord() {
    Conventions.Started s = draft("hualin-yuyuan");
    clock.set(s.commentsCloseAt().toInstant());
    conventions.closeComments(s.versionId());
    conventions.revise(s.versionId(), "正文", Map.of(), null, "staff");

    assertThat(conventions.review(s.versionId(), "RETURN", "第二条不合法", null, "party")).isEmpty();
    assertThat(store.findVersion(s.versionId()).orElseThrow().status()).isEqualTo("REVISION");
    assertThat(store.steps).contains("RETURNED:第二条不合法");
    assertThatThrownBy(() -> conventions.review(s.versionId(), "APPROVE", null, "ASSEMBLY", "party"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("修订中");

    conventions.revise(s.versionId(), "正文（修改）", Map.of(), null, "staff");
    when(meetings.insertMeeting(isNull(), eq("hualin"), isNull(), eq("公约表决：御苑小区院落文明公约"), eq(LocalDate.of(2026, 3, 9)),
        isNull(), any())).thenReturn(41L);
    Optional<Conventions.Adoption> a = conventions.review(s.versionId(), "APPROVE", null, "BALLOT", "party");
    assertThat(a).contains(new Conventions.Adoption(41L, AdoptionMode.BALLOT, "GENERAL", "hualin-yuyuan",
        "是否通过《御苑小区院落文明公约》"));
    assertThat(store.findVersion(s.versionId()).orElseThrow().meetingId()).isEqualTo(41L);
    assertThat(store.findVersion(s.versionId()).orElseThrow().status()).isEqualTo("ADOPTION");
  }

  @Test
  void aCommunityConventionCannotGoToAHouseholdVote() {
    Conventions.Started s = draft("hualin");
    clock.set(s.commentsCloseAt().toInstant());
    conventions.closeComments(s.versionId());
    conventions.revise(s.versionId(), "正文", Map.of(), null, "staff");
    assertThat(refusal(() -> conventions.review(s.versionId(), "APPROVE", null, "BALLOT", "party")))
        .extracting(FieldError::code).containsExactly("community_scope");
    verify(meetings, never()).insertMeeting(any(), any(), any(), any(), any(), any(), any());
  }

  @Test
  void aFailedAdoptionGoesBackToRevision() {
    Conventions.Started s = draft("hualin");
    clock.set(s.commentsCloseAt().toInstant());
    conventions.closeComments(s.versionId());
    conventions.revise(s.versionId(), "正文", Map.of(), null, "staff");
    when(meetings.insertMeeting(any(), any(), any(), any(), any(), any(), any())).thenReturn(41L);
    conventions.review(s.versionId(), "APPROVE", null, "ASSEMBLY", "party");

    assertThat(conventions.adoptionFailed(s.versionId(), "NO_QUORUM")).isEqualTo("居民表决未通过（参与表决的户数或面积不足，表决无效），请修订后重新报审");
    assertThat(store.findVersion(s.versionId()).orElseThrow().status()).isEqualTo("REVISION");
  }

  @Test
  void anAdoptedAmendmentSupersedesTheVersionInForceAndTheRegisterListsBoth() {
    Conventions.Started first = draft("hualin-yuyuan");
    adopt(first);
    assertThat(store.findVersion(first.versionId()).orElseThrow().effectiveDate()).isEqualTo(LocalDate.of(2026, 3, 9));

    clock.set(Instant.parse("2026-04-01T02:00:00Z"));
    assertThat(refusal(() -> conventions.start("community.hualin", HUALIN_STAFF, "hualin", first.conventionId(), "修订",
        "正文", 5))).extracting(FieldError::code).containsExactly("mismatch");
    Conventions.Started amendment = conventions.start("community.hualin", HUALIN_STAFF, null, first.conventionId(),
        "御苑小区院落文明公约", "第一条 爱护公共设施。\n第二条 文明养犬。\n第三条 电动车不进楼道。", 3);
    assertThat(amendment.versionNo()).isEqualTo(2);
    assertThat(amendment.conventionId()).isEqualTo(first.conventionId());
    assertThat(refusal(() -> conventions.start("community.hualin", HUALIN_STAFF, null, first.conventionId(), "再修订", "正文", 5)))
        .extracting(FieldError::code).containsExactly("in_progress");

    Conventions.Register during = conventions.register("hualin");
    assertThat(during.inForce()).extracting(Conventions.RegisterEntry::versionNo).containsExactly(1);
    assertThat(during.drafts()).extracting(Conventions.DraftEntry::versionNo, Conventions.DraftEntry::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "PUBLICITY"));

    adopt(amendment);
    Conventions.Register register = conventions.register("hualin");
    assertThat(register.drafts()).isEmpty();
    assertThat(register.inForce()).singleElement().satisfies(e -> {
      assertThat(e.scope()).isEqualTo("华林社区 御苑小区");
      assertThat(e.versionNo()).isEqualTo(2);
      assertThat(e.effectiveDate()).isEqualTo(LocalDate.of(2026, 4, 6));
      assertThat(e.versions()).extracting(Conventions.RegisterVersion::versionNo, Conventions.RegisterVersion::status,
          Conventions.RegisterVersion::effectiveDate, Conventions.RegisterVersion::supersededDate).containsExactly(
          org.assertj.core.groups.Tuple.tuple(1, "SUPERSEDED", LocalDate.of(2026, 3, 9), LocalDate.of(2026, 4, 6)),
          org.assertj.core.groups.Tuple.tuple(2, "IN_FORCE", LocalDate.of(2026, 4, 6), null));
    });
    assertThat(refusal(() -> conventions.register("atlantis"))).extracting(FieldError::code).containsExactly("unknown");
  }

  /** A clock a test moves. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The store in memory. */
  static final class MemoryStore implements ConventionStore {
    int conventions;
    final Map<Long, String[]> scopes = new java.util.HashMap<>();
    final List<Version> versions = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<String> steps = new ArrayList<>();

    @Override
    public long insertConvention(String community, String compound, OffsetDateTime now) {
      conventions++;
      scopes.put((long) conventions, new String[] {community, compound});
      return conventions;
    }

    @Override
    public long insertVersion(long conventionId, int versionNo, String title, String body, String status, String token,
        OffsetDateTime closes, String actor, OffsetDateTime now) {
      long id = versions.size() + 1;
      String[] s = scopes.get(conventionId);
      versions.add(new Version(id, conventionId, s[0], s[1], versionNo, title, body, status, token, closes, null, null, null));
      return id;
    }

    @Override
    public Optional<Version> findVersion(long versionId) {
      return versions.stream().filter(v -> v.id() == versionId).findFirst();
    }

    @Override
    public Optional<Version> findByToken(String token) {
      return versions.stream().filter(v -> v.token().equals(token)).findFirst();
    }

    @Override
    public List<Version> versions(long conventionId) {
      return versions.stream().filter(v -> v.conventionId() == conventionId).toList();
    }

    @Override
    public List<Version> versionsOfCommunity(String community) {
      return versions.stream().filter(v -> v.community().equals(community)).toList();
    }

    private void replace(long id, java.util.function.UnaryOperator<Version> change) {
      for (int i = 0; i < versions.size(); i++) {
        if (versions.get(i).id() == id) {
          versions.set(i, change.apply(versions.get(i)));
        }
      }
    }

    @Override
    public boolean moveStatus(long versionId, String from, String to) {
      if (!findVersion(versionId).orElseThrow().status().equals(from)) {
        return false;
      }
      replace(versionId, v -> new Version(v.id(), v.conventionId(), v.community(), v.compound(), v.versionNo(), v.title(),
          v.body(), to, v.token(), v.commentsCloseAt(), v.meetingId(), v.effectiveDate(), v.supersededDate()));
      return true;
    }

    @Override
    public void saveBody(long versionId, String body) {
      replace(versionId, v -> new Version(v.id(), v.conventionId(), v.community(), v.compound(), v.versionNo(), v.title(),
          body, v.status(), v.token(), v.commentsCloseAt(), v.meetingId(), v.effectiveDate(), v.supersededDate()));
    }

    @Override
    public void saveMeeting(long versionId, long meetingId) {
      replace(versionId, v -> new Version(v.id(), v.conventionId(), v.community(), v.compound(), v.versionNo(), v.title(),
          v.body(), v.status(), v.token(), v.commentsCloseAt(), meetingId, v.effectiveDate(), v.supersededDate()));
    }

    @Override
    public void publish(long versionId, LocalDate effectiveDate) {
      replace(versionId, v -> new Version(v.id(), v.conventionId(), v.community(), v.compound(), v.versionNo(), v.title(),
          v.body(), "IN_FORCE", v.token(), v.commentsCloseAt(), v.meetingId(), effectiveDate, null));
    }

    @Override
    public void supersede(long versionId, LocalDate date) {
      replace(versionId, v -> new Version(v.id(), v.conventionId(), v.community(), v.compound(), v.versionNo(), v.title(),
          v.body(), "SUPERSEDED", v.token(), v.commentsCloseAt(), v.meetingId(), v.effectiveDate(), date));
    }

    @Override
    public void insertComment(long versionId, String content, String signature, OffsetDateTime now) {
      comments.add(new Comment(comments.size() + 100, versionId, content, signature, now, null));
    }

    @Override
    public List<Comment> comments(long versionId) {
      return comments.stream().filter(c -> c.versionId() == versionId).toList();
    }

    @Override
    public void saveHandling(long commentId, String handling, String actor, OffsetDateTime now) {
      for (int i = 0; i < comments.size(); i++) {
        Comment c = comments.get(i);
        if (c.id() == commentId) {
          comments.set(i, new Comment(c.id(), c.versionId(), c.content(), c.signature(), c.receivedAt(), handling));
        }
      }
    }

    @Override
    public void insertStep(long versionId, String step, String note, String actor, OffsetDateTime now) {
      steps.add(step + ":" + note);
    }
  }
}
