package cn.yishi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.MicroGridAccounts;
import cn.yishi.application.port.MicroGridStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.microgrid.ChangeReason;
import cn.yishi.domain.microgrid.RoleHolder;
import cn.yishi.domain.microgrid.Yuanba;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MicroGridsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
  static final Yuanba SHUITONGWAN = new Yuanba("tangpu-stw", "tangpu", "水桶湾院坝", "上屋组");

  final MicroGridStore store = mock(MicroGridStore.class);
  final MicroGridAccounts accounts = mock(MicroGridAccounts.class);
  final Directory directory = new Directory("fx", "奉新县",
      List.of(new Directory.Street("fengchuan", "冯川镇"), new Directory.Street("ganfang", "甘坊镇")),
      List.of(new Directory.Community("tangpu", "塘浦村", "fengchuan", List.of(), List.of(
              new Directory.YuanbaSeed("tangpu-stw", "水桶湾院坝", "上屋组", Map.of(YuanbaRole.HEAD, "杨全国")))),
          new Directory.Community("xishan", "西山村", "ganfang", List.of())),
      List.of(), List.of());
  final MicroGrids grids = new MicroGrids(store, accounts, directory, ApplicationFixtures.CLOCK);

  static MicroGrids.Maintainer user(String... groups) {
    return new MicroGrids.Maintainer("someone", List.of(groups), false);
  }

  static RoleHolder head(long id, String name, LocalDate from) {
    return new RoleHolder(id, "tangpu-stw", YuanbaRole.HEAD, name, null, "yang.qg", from, null, ChangeReason.DIRECTORY, null, null);
  }

  @Test
  void theTownshipAndTheCommunityMaintainTheirOwnVillagesOnly() {
    assertThat(grids.communities(user("street-fengchuan"))).extracting(MicroGrids.CommunityView::code).containsExactly("tangpu");
    assertThat(grids.communities(user("xishan-community"))).extracting(MicroGrids.CommunityView::code).containsExactly("xishan");
    assertThat(grids.communities(new MicroGrids.Maintainer("admin", List.of(), true))).hasSize(2);
    assertThat(grids.communities(user("tangpu-grid"))).isEmpty();
    assertThatThrownBy(() -> grids.list("tangpu", user("street-ganfang")))
        .isInstanceOfSatisfying(MicroGrids.Refused.class, e -> assertThat(e.reason()).isEqualTo(MicroGrids.Refused.Reason.FORBIDDEN));
    assertThatThrownBy(() -> grids.list("nowhere", user("street-ganfang")))
        .isInstanceOfSatisfying(MicroGrids.Refused.class, e -> assertThat(e.reason()).isEqualTo(MicroGrids.Refused.Reason.NOT_FOUND));
  }

  @Test
  void aReplacementEndsTheCurrentTermTheDayTheNewOneStartsAndMovesTheLogins() {
    when(store.lock("tangpu-stw")).thenReturn(Optional.of(SHUITONGWAN));
    RoleHolder old = head(7, "杨全国", TODAY.minusYears(2));
    when(store.holders("tangpu-stw")).thenReturn(List.of(old));

    grids.assign("tangpu-stw", "HEAD", " 雷雷洋 ", "13800000000", "lei.ly", TODAY, "FAILED_EVALUATION", "半年测评不及格",
        user("street-fengchuan"));

    verify(store).endHolder(7, TODAY, ChangeReason.FAILED_EVALUATION);
    ArgumentCaptor<RoleHolder> added = ArgumentCaptor.forClass(RoleHolder.class);
    verify(store).insertHolder(added.capture(), any(), eq("someone"));
    assertThat(added.getValue()).extracting(RoleHolder::role, RoleHolder::name, RoleHolder::userId, RoleHolder::from,
        RoleHolder::startReason).containsExactly(YuanbaRole.HEAD, "雷雷洋", "lei.ly", TODAY, ChangeReason.FAILED_EVALUATION);
    verify(accounts).synchronise(eq(SHUITONGWAN), eq("塘浦村"), anyList());
  }

  @Test
  void aVacantRoleIsAssignedWithoutEndingAnything() {
    when(store.lock("tangpu-stw")).thenReturn(Optional.of(SHUITONGWAN));
    when(store.holders("tangpu-stw")).thenReturn(List.of(head(7, "杨全国", TODAY)));
    grids.assign("tangpu-stw", "AGENT", "刘芳", null, null, TODAY, "OTHER", null, user("tangpu-community"));
    verify(store, never()).endHolder(org.mockito.ArgumentMatchers.anyLong(), any(), any());
    verify(store).insertHolder(any(), any(), anyString());
  }

  @Test
  void badInputAndOutsidersStoreNothing() {
    when(store.lock("tangpu-stw")).thenReturn(Optional.of(SHUITONGWAN));
    when(store.holders("tangpu-stw")).thenReturn(List.of(head(7, "杨全国", TODAY)));
    assertThatThrownBy(() -> grids.assign("tangpu-stw", "HEAD", "", null, null, TODAY.minusDays(1), null, null, user("street-fengchuan")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
            .containsExactly("name", "from", "reason"));
    assertThatThrownBy(() -> grids.assign("tangpu-stw", "CHIEF", "雷雷洋", null, null, TODAY, "ELECTION", null, user("street-fengchuan")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> grids.assign("tangpu-stw", "HEAD", "雷雷洋", null, null, TODAY, "ELECTION", null, user("hualin-community")))
        .isInstanceOf(MicroGrids.Refused.class);
    assertThatThrownBy(() -> grids.assign("missing", "HEAD", "雷雷洋", null, null, TODAY, "ELECTION", null, user("street-fengchuan")))
        .isInstanceOf(MicroGrids.Refused.class);
    verify(store, never()).insertHolder(any(), any(), any());
    verify(store, never()).endHolder(org.mockito.ArgumentMatchers.anyLong(), any(), any());
    verify(accounts, never()).synchronise(any(), any(), any());
  }

  @Test
  void aNewYuanbaGetsAFreshCodeAndItsGroups() {
    when(store.inCommunity("tangpu")).thenReturn(List.of(SHUITONGWAN));
    when(store.nextNumber()).thenReturn(3L);
    MicroGrids.GridView v = grids.add("tangpu", " 老屋场院坝 ", "下屋组", user("street-fengchuan"));
    assertThat(v.code()).isEqualTo("tangpu-yb3");
    assertThat(v.name()).isEqualTo("老屋场院坝");
    verify(store).insertIfAbsent(eq(new Yuanba("tangpu-yb3", "tangpu", "老屋场院坝", "下屋组")), any(), eq("someone"));
    verify(accounts).synchronise(any(), eq("塘浦村"), eq(List.of()));

    assertThatThrownBy(() -> grids.add("tangpu", "水桶湾院坝", null, user("street-fengchuan")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::code).containsExactly("duplicate"));
  }

  @Test
  void theDirectorySeedsOnlyWhatIsNotStoredYet() {
    List<RoleHolder> inserted = new ArrayList<>();
    when(store.insertIfAbsent(any(), any(), any())).thenReturn(true).thenReturn(false);
    when(store.insertHolder(any(), any(), any())).thenAnswer(a -> {
      inserted.add(a.getArgument(0));
      return 1L;
    });
    when(store.all()).thenReturn(List.of(SHUITONGWAN));
    assertThat(grids.seedFromDirectory()).isEqualTo(1);
    assertThat(inserted).singleElement().extracting(RoleHolder::name, RoleHolder::startReason, RoleHolder::from)
        .containsExactly("杨全国", ChangeReason.DIRECTORY, TODAY);
    verify(accounts).synchronise(eq(SHUITONGWAN), eq("塘浦村"), any());

    assertThat(grids.seedFromDirectory()).as("the second start changes nothing").isZero();
  }
}
