package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.HouseholdRegisters;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.deliberation.RegisterImport;
import cn.yishi.domain.directory.Directory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 住户名册: uploads by the community's staff (all or nothing), the start-up seed, and the electorates of a community. */
class HouseholdRegisterServiceTest {
  private static final String HEADER = "compound,building,unit,household,area\n";
  private final HouseholdRegisters registers = mock(HouseholdRegisters.class);
  private final Directory directory = new Directory("fx", "奉新县", List.of(new Directory.Street("fengchuan", "冯川镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fengchuan", List.of(
              new Directory.Station("hualin-yuyuan", "御苑小区党群会客站"), new Directory.Station("hualin-binjiang", "滨江花园党群会客站"))),
          new Directory.Community("xishan", "西山社区", "fengchuan", List.of(new Directory.Station("xishan-a", "西山小区")))),
      List.of(), List.of());
  private final HouseholdRegisterService service = new HouseholdRegisterService(registers, directory, CLOCK);

  private static Household h(String compound, String building, String unit, String household, String area) {
    return new Household(compound, building, unit, household, new BigDecimal(area));
  }

  @Test
  void anUploadByTheCommunitysStaffReplacesTheCompoundsItNames() {
    HouseholdRegisterService.Imported imported = service.upload(HEADER + "hualin-yuyuan,1,1,1-1-101,89.5\n"
        + "hualin-yuyuan,1,2,1-2-101,100\nhualin-binjiang,A,1,A-101,76.20\n", List.of("hualin-room"), "room.hualin");

    verify(registers).replace(Set.of("hualin-yuyuan", "hualin-binjiang"), List.of(h("hualin-yuyuan", "1", "1", "1-1-101", "89.50"),
        h("hualin-yuyuan", "1", "2", "1-2-101", "100.00"), h("hualin-binjiang", "A", "1", "A-101", "76.20")), "room.hualin", NOW);
    assertThat(imported.lines()).allMatch(RegisterImport.Line::accepted).hasSize(4);
    assertThat(imported.compounds()).containsExactly(
        new HouseholdRegisterService.Option("hualin-yuyuan", "御苑小区", 2, new BigDecimal("189.50")),
        new HouseholdRegisterService.Option("hualin-binjiang", "滨江花园", 1, new BigDecimal("76.20")));
  }

  @Test
  void anUploadWithABadLineOrAnotherCommunitysCompoundStoresNothing() {
    assertThatThrownBy(() -> service.upload(HEADER + "hualin-yuyuan,1,1,1-1-101,89.5\nxishan-a,1,1,101,80\nnowhere,1,1,1,80\n"
        + "hualin-yuyuan,1,1,1-1-101,\n", List.of("hualin-community"), "community.hualin"))
        .isInstanceOfSatisfying(HouseholdRegisterService.RegisterRefused.class, e -> {
          assertThat(e.lines()).filteredOn(l -> !l.accepted()).extracting(RegisterImport.Line::number).containsExactly(3, 4, 5);
          assertThat(e.lines().get(2).message()).isEqualTo("您不是西山小区所在社区的工作人员，不能修改其住户名册");
          assertThat(e.lines().get(3).message()).contains("nowhere", "不存在");
          assertThat(e.getMessage()).contains("3行有问题");
        });
    assertThatThrownBy(() -> service.upload(HEADER, List.of("hualin-room"), "room.hualin"))
        .isInstanceOf(HouseholdRegisterService.RegisterRefused.class);
    assertThatThrownBy(() -> service.upload(HEADER + "hualin-yuyuan,1,1,1-1-101,89.5\n", List.of("hualin-grid"), "grid.hualin"))
        .isInstanceOf(HouseholdRegisterService.RegisterRefused.class);
    verify(registers, never()).replace(anyCollection(), anyList(), anyString(), any());
  }

  @Test
  void theSeedFillsOnlyCompoundsWithoutARegisterAndRefusesABadFileNamingTheLine() {
    when(registers.compounds()).thenReturn(List.of("hualin-yuyuan"));
    assertThat(service.seed("demo.csv", HEADER + "hualin-yuyuan,1,1,1-1-101,89.5\nhualin-binjiang,A,1,A-101,76.20\n"))
        .containsExactly("hualin-binjiang");
    verify(registers).replace(List.of("hualin-binjiang"), List.of(h("hualin-binjiang", "A", "1", "A-101", "76.20")), "system", NOW);

    assertThatThrownBy(() -> service.seed("demo.csv", HEADER + "hualin-yuyuan,1,1,1-1-101,89.5\nhualin-yuyuan,1,1,1-1-101,1\n"))
        .hasMessage("住户名册 demo.csv 第3行：户号 1-1-101 与第2行重复");
    assertThatThrownBy(() -> service.seed("demo.csv", HEADER + "nowhere,1,1,1,80\n"))
        .hasMessageContaining("住户名册 demo.csv 第2行：小区编码 nowhere 不存在");
  }

  @Test
  void theElectoratesOfACommunityAreItsCompoundsBuildingsAndUnits() {
    when(registers.ofCompounds(List.of("hualin-yuyuan", "hualin-binjiang"))).thenReturn(List.of(
        h("hualin-yuyuan", "1", "1", "1-1-101", "80"), h("hualin-yuyuan", "1", "2", "1-2-101", "100"),
        h("hualin-yuyuan", "2", "1", "2-1-101", "90.5")));

    assertThat(service.electorates("hualin")).extracting(o -> o.code() + "=" + o.label() + "/" + o.households() + "/" + o.area())
        .containsExactly("hualin-yuyuan=御苑小区全体住户/3/270.5", "hualin-yuyuan/1=御苑小区 1栋/2/180",
            "hualin-yuyuan/1/1=御苑小区 1栋 1单元/1/80", "hualin-yuyuan/1/2=御苑小区 1栋 2单元/1/100",
            "hualin-yuyuan/2=御苑小区 2栋/1/90.5", "hualin-yuyuan/2/1=御苑小区 2栋 1单元/1/90.5");
    assertThat(service.electorates("nowhere")).isEmpty();
    assertThat(service.communityOf("hualin-binjiang")).contains("hualin");
    assertThat(service.compoundName("xishan-a")).isEqualTo("西山小区");
    assertThat(service.compoundName("unknown")).isEqualTo("unknown");
  }

  @Test
  void onlyTheCommunitysStaffReadItsRegister() {
    when(registers.ofCompounds(List.of("hualin-yuyuan"))).thenReturn(List.of(h("hualin-yuyuan", "1", "1", "1-1-101", "80")));
    assertThat(service.register("hualin-yuyuan", List.of("hualin-community"))).hasSize(1);
    assertThat(service.register("hualin-yuyuan", List.of("camunda-admin"))).hasSize(1);
    assertThatThrownBy(() -> service.register("hualin-yuyuan", List.of("xishan-community")))
        .isInstanceOf(HouseholdRegisterService.RegisterForbidden.class);
    assertThatThrownBy(() -> service.register("nowhere", List.of("camunda-admin")))
        .isInstanceOf(HouseholdRegisterService.RegisterForbidden.class);
    assertThat(service.communitiesOf(List.of("hualin-room"))).extracting(Directory.Community::code).containsExactly("hualin");
    assertThat(service.communitiesOf(List.of("hualin-grid"))).isEmpty();
  }
}
