package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.port.ResourceList;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.resource.ResourceDraft;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 资源清单 maintained while running: who may add, edit and retire what; refusals field by field with nothing stored; the
 * YAML list copied once; the current list is what serves a community.
 */
class ResourceCatalogueTest {
  private static final ResourceCatalogue.Staff HUALIN = new ResourceCatalogue.Staff("community.hualin", List.of("hualin-community"));
  private static final ResourceCatalogue.Staff SHENGDIAN = new ResourceCatalogue.Staff("community.shengdian", List.of("shengdian-community"));
  private static final ResourceCatalogue.Staff STREET = new ResourceCatalogue.Staff("street.fc", List.of("street-fc"));
  private static final ResourceCatalogue.Staff DISPATCH = new ResourceCatalogue.Staff("dispatch", List.of("dispatch-centre"));
  private static final ResourceCatalogue.Staff GRID = new ResourceCatalogue.Staff("grid.hualin", List.of("hualin-grid"));

  private final DeliberationFixture f = new DeliberationFixture();
  private final InMemoryResourceList list = new InMemoryResourceList();
  private final ResourceCatalogue catalogue = new ResourceCatalogue(list, f.directory,
      Clock.fixed(NOW.toInstant(), DeliberationFixture.SHANGHAI));

  private static ResourceDraft lawyer(String community) {
    return new ResourceDraft("TALENT", "社区律师志愿者", "合同、物业纠纷", List.of("法律、合同，纠纷"), "13800000000", community, null);
  }

  private static List<String> refusal(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.errors().stream().map(x -> x.field() + "/" + x.code()).toList();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aCommunitySecretaryAddsEditsAndRetiresAnEntryOfTheCommunityWithAnAudit() {
    ResourceEntry added = catalogue.add(HUALIN, lawyer("hualin"));
    assertThat(added.kind()).isEqualTo(ResourceKind.TALENT);
    assertThat(added.keywords()).as("split at 、 and ，").containsExactly("法律", "合同", "纠纷");

    ResourceEntry edited = catalogue.edit(HUALIN, added.id(), 0, new ResourceDraft("人才", "社区律师志愿者王律师", "合同",
        List.of("合同"), null, "hualin", null));
    assertThat(edited.name()).isEqualTo("社区律师志愿者王律师");
    assertThat(edited.version()).isEqualTo(1);

    ResourceEntry retired = catalogue.retire(HUALIN, added.id());
    assertThat(retired.active()).isFalse();
    assertThat(catalogue.serving("hualin")).as("a retired entry is matched no more").isEmpty();
    assertThat(catalogue.changes(HUALIN, added.id())).extracting(ResourceList.Change::action, ResourceList.Change::changedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ADDED", "community.hualin"),
            org.assertj.core.groups.Tuple.tuple("EDITED", "community.hualin"),
            org.assertj.core.groups.Tuple.tuple("RETIRED", "community.hualin"));
  }

  @Test
  void anEntryWithoutNameOrKindIsRefusedFieldByFieldAndNothingChanges() {
    ResourceList port = mock(ResourceList.class);
    ResourceCatalogue c = new ResourceCatalogue(port, f.directory, Clock.fixed(NOW.toInstant(), DeliberationFixture.SHANGHAI));

    assertThat(refusal(() -> c.add(HUALIN, new ResourceDraft(" ", "  ", null, List.of(), null, "hualin", null))))
        .containsExactly("kind/required", "name/required", "keywords/required");
    assertThat(refusal(() -> c.add(HUALIN, new ResourceDraft("ROBOT", "x".repeat(101), "y".repeat(201), List.of("电梯"),
        "z".repeat(201), "hualin", "fc")))).containsExactly("kind/invalid", "name/too_long", "expertise/too_long",
        "contact/too_long", "street/both");
    assertThat(refusal(() -> c.add(HUALIN, new ResourceDraft("VENUE", "礼堂", null, List.of("会议"), null, "nowhere", null))))
        .containsExactly("community/unknown");
    verify(port, never()).add(any(), any(), anyString(), any());
  }

  @Test
  void eachMaintainsOnlyTheirScope() {
    assertThat(refusal(() -> catalogue.add(HUALIN, lawyer("shengdian")))).containsExactly("community/forbidden");
    assertThat(refusal(() -> catalogue.add(HUALIN, lawyer(null)))).as("county-wide: the dispatch centre's").containsExactly("street/forbidden");
    long other = catalogue.add(SHENGDIAN, lawyer("shengdian")).id();
    assertThatThrownBy(() -> catalogue.retire(HUALIN, other)).isInstanceOf(ResourceCatalogue.Refused.class);
    assertThatThrownBy(() -> catalogue.edit(HUALIN, other, 0, lawyer("shengdian"))).isInstanceOf(ResourceCatalogue.Refused.class);

    assertThat(catalogue.retire(STREET, other).active()).as("the street maintains its communities' entries").isFalse();
    long county = catalogue.add(DISPATCH, lawyer(null)).id();
    assertThatThrownBy(() -> catalogue.retire(STREET, county)).isInstanceOf(ResourceCatalogue.Refused.class);
    assertThat(catalogue.visible(HUALIN)).as("the county-wide entry is visible to a community")
        .extracting(ResourceEntry::id).contains(county).doesNotContain(other);
  }

  @Test
  void othersAreRefused() {
    assertThatThrownBy(() -> catalogue.visible(GRID)).isInstanceOf(ResourceCatalogue.Refused.class)
        .hasMessageContaining("只有社区两委、街道工作人员和调度中心");
    assertThatThrownBy(() -> catalogue.add(GRID, lawyer("hualin"))).isInstanceOf(ResourceCatalogue.Refused.class);
  }

  @Test
  void aStaleEditOrASecondRetireIsAConflictAndAnUnknownIdNotFound() {
    long id = catalogue.add(HUALIN, lawyer("hualin")).id();
    catalogue.edit(HUALIN, id, 0, lawyer("hualin"));

    assertThatThrownBy(() -> catalogue.edit(HUALIN, id, 0, lawyer("hualin"))).isInstanceOf(ResourceCatalogue.Stale.class);
    assertThat(refusal(() -> catalogue.edit(HUALIN, id, null, lawyer("hualin")))).containsExactly("version/required");
    catalogue.retire(HUALIN, id);
    assertThatThrownBy(() -> catalogue.retire(HUALIN, id)).isInstanceOf(ResourceCatalogue.Stale.class);
    assertThatThrownBy(() -> catalogue.edit(HUALIN, id, 2, lawyer("hualin"))).isInstanceOf(ResourceCatalogue.Stale.class);
    assertThatThrownBy(() -> catalogue.retire(HUALIN, 999)).isInstanceOf(ResourceCatalogue.NotFound.class);
  }

  @Test
  void theConfiguredListIsCopiedOnce() {
    List<DeliberationProperties.Resource> yaml = DeliberationFixture.properties().resources();

    assertThat(catalogue.seed(yaml)).isEqualTo(2);
    assertThat(catalogue.seed(yaml)).isZero();
    assertThat(list.all()).extracting(ResourceEntry::kind, ResourceEntry::name).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(ResourceKind.DEPARTMENT, "县司法局法律顾问"),
        org.assertj.core.groups.Tuple.tuple(ResourceKind.TALENT, "退休电梯工程师"));
  }

  @Test
  void aCommunityIsServedByItsOwnItsStreetsAndTheCountysActiveEntries() {
    catalogue.add(HUALIN, lawyer("hualin"));
    catalogue.add(SHENGDIAN, lawyer("shengdian"));
    catalogue.add(STREET, new ResourceDraft("SOCIAL", "冯川镇商户联盟", null, List.of("资金"), null, null, "fc"));
    catalogue.add(DISPATCH, new ResourceDraft("DEPARTMENT", "县住建局", null, List.of("电梯"), null, null, null));

    assertThat(catalogue.serving("hualin")).extracting(ResourceEntry::name)
        .containsExactlyInAnyOrder("社区律师志愿者", "冯川镇商户联盟", "县住建局");
  }

  @Test
  void aRefusedPortAnswerStoresNothing() {
    ResourceList port = mock(ResourceList.class);
    when(port.find(anyLong())).thenReturn(Optional.of(new ResourceEntry(5, ResourceKind.VENUE, "礼堂", null, List.of("会议"),
        null, "hualin", null, true, 3)));
    when(port.update(anyLong(), anyInt(), any(), any(), anyString(), any())).thenReturn(false);
    ResourceCatalogue c = new ResourceCatalogue(port, f.directory, Clock.fixed(NOW.toInstant(), DeliberationFixture.SHANGHAI));

    assertThatThrownBy(() -> c.edit(HUALIN, 5, 2, new ResourceDraft("VENUE", "礼堂", null, List.of("会议"), null, "hualin", null)))
        .isInstanceOf(ResourceCatalogue.Stale.class);
  }
}
