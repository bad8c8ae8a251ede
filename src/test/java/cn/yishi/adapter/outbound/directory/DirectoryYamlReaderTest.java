package cn.yishi.adapter.outbound.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yishi.domain.directory.Directory.Community;
import cn.yishi.domain.directory.Directory.StaffUser;
import cn.yishi.domain.directory.Directory.Unit;
import cn.yishi.domain.directory.Directory.UnitType;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DirectoryYamlReaderTest {
  private static final String FILE = "test-directory.yaml";

  private static Directory read(String yaml) {
    return DirectoryYamlReader.read(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static DirectoryException refused(String yaml) {
    DirectoryException e = catchThrowableOfType(DirectoryException.class, () -> read(yaml));
    assertThat(e).as("the directory should have been refused").isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).contains(FILE);
    return e;
  }

  /** The refusal names the file and the line both as data and in the message. */
  private static DirectoryException refusedAt(String yaml, int line) {
    DirectoryException e = refused(yaml);
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
    assertThat(e.getMessage()).contains("第" + line + "行");
    return e;
  }

  @Nested
  class ShippedDemoFile {
    private Directory load() throws IOException {
      try (InputStream in = DirectoryYamlReaderTest.class.getResourceAsStream("/directory/fengxin.yaml")) {
        assertThat(in).as("directory/fengxin.yaml on the classpath").isNotNull();
        return DirectoryYamlReader.read("fengxin.yaml", in);
      }
    }

    @Test
    void loadsCountyStreetAndCommunities() throws IOException {
      Directory d = load();

      assertThat(d.countyCode()).isEqualTo("fengxin");
      assertThat(d.countyName()).isEqualTo("奉新县");
      assertThat(d.streets()).extracting(Directory.Street::code).containsExactly("fengchuan");
      assertThat(d.communities())
          .extracting(Community::code)
          .containsExactly("hualin", "shengdian", "jiaoyuyuan", "tangpu");
      assertThat(d.communities()).allSatisfy(c -> {
        assertThat(c.street()).isEqualTo("fengchuan");
        assertThat(c.stations()).hasSize(2);
      });
      assertThat(d.community("hualin")).get().extracting(Community::name).isEqualTo("华林社区");
    }

    @Test
    void loadsDepartmentsAndOnePropertyUnitPerCommunity() throws IOException {
      Directory d = load();

      assertThat(d.units())
          .extracting(Unit::code)
          .containsExactlyInAnyOrder(
              "housing", "market-supervision", "water", "power", "gas", "urban-management",
              "civil-affairs", "justice", "property-hualin", "property-shengdian", "property-jiaoyuyuan");
      // the village 塘浦村 has no property company; it has 院坝 instead
      assertThat(d.unit("property-tangpu")).isEmpty();
      assertThat(d.community("tangpu")).get().satisfies(c -> assertThat(c.yuanba())
          .extracting(Directory.YuanbaSeed::name).containsExactly("水桶湾院坝", "老屋场院坝"));
      assertThat(d.community("tangpu").get().yuanba().get(0).officers())
          .containsEntry(cn.yishi.domain.microgrid.YuanbaRole.HEAD, "杨全国").hasSize(4);
      for (Community c : d.communities().stream().filter(c -> c.yuanba().isEmpty()).toList()) {
        assertThat(d.unit("property-" + c.code()))
            .get()
            .satisfies(u -> {
              assertThat(u.type()).isEqualTo(UnitType.PROPERTY);
              assertThat(u.community()).isEqualTo(c.code());
            });
      }
      assertThat(d.unit("housing")).get().satisfies(u -> {
        assertThat(u.type()).isEqualTo(UnitType.DEPARTMENT);
        assertThat(u.community()).isNull();
        assertThat(u.email()).isEqualTo("housing@fengxin.example");
      });
    }

    @Test
    void derivesGroupsIncludingDispatchCentre() throws IOException {
      Directory d = load();

      assertThat(GroupIds.DISPATCH_CENTRE).isEqualTo("dispatch-centre");
      assertThat(d.groups())
          .containsKeys(
              "dispatch-centre", "street-fengchuan",
              "hualin-grid", "hualin-community", "hualin-room", "hualin-hall",
              "station-hualin-yuyuan", "unit-housing", "unit-property-jiaoyuyuan");
    }

    @Test
    void loadsDemoUsersWhoseGroupsAllExist() throws IOException {
      Directory d = load();

      assertThat(d.users()).extracting(StaffUser::id).contains("dispatch", "grid.hualin", "unit.property-hualin");
      assertThat(d.users()).allSatisfy(u -> {
        assertThat(u.demo()).isTrue();
        assertThat(d.groups().keySet()).containsAll(u.groups());
      });
      StaffUser dispatch = d.users().stream().filter(u -> u.id().equals("dispatch")).findFirst().orElseThrow();
      assertThat(dispatch.groups()).containsExactly("dispatch-centre");
      assertThat(dispatch.firstName()).isEqualTo("调度员");
      assertThat(dispatch.lastName()).isEqualTo("周");
      assertThat(dispatch.email()).isEqualTo("dispatch@fengxin.example");
    }
  }

  @Nested
  class MinimalValidFile {
    @Test
    void readsOptionalFieldsAndAdminGroup() {
      Directory d = read("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          units:
            - code: co-builder
              name: 共建单位
              type: CO_BUILDING
          users:
            - id: admin.one
              firstName: 管理员
              groups: [camunda-admin, c1-grid]
            - id: plain
              firstName: 普通
              groups: []
              demo: false
          """);

      assertThat(d.streets()).isEmpty();
      assertThat(d.communities()).singleElement().satisfies(c -> {
        assertThat(c.street()).isNull();
        assertThat(c.stations()).isEmpty();
      });
      assertThat(d.units()).singleElement().satisfies(u -> {
        assertThat(u.type()).isEqualTo(UnitType.CO_BUILDING);
        assertThat(u.email()).isNull();
        assertThat(u.street()).isNull();
      });
      assertThat(d.unitsServing("c1")).as("a unit without community or street serves the whole county")
          .extracting(Directory.Unit::code).containsExactly("co-builder");
      assertThat(d.users()).hasSize(2);
      assertThat(d.users().get(0).groups()).containsExactly(GroupIds.ADMIN, "c1-grid");
      assertThat(d.users().get(0).lastName()).isNull();
      assertThat(d.users().get(0).demo()).isFalse();
      assertThat(d.users().get(1).demo()).isFalse();
    }
  }

  @Nested
  class Refusals {
    @Test
    void twoEntriesDerivingTheSameGroupAreRefused() {
      DirectoryException e = refused("""
          county:
            code: test
            name: 测试县
          communities:
            - code: unit
              name: 一社区
          units:
            - code: grid
              name: 网格单位
              type: DEPARTMENT
          """);
      assertThat(e.problem()).contains("unit-grid");
    }

    @Test
    void yamlSyntaxError() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: a: b
          communities:
            - code: c1
              name: 一社区
          """, 3);
      assertThat(e.problem()).contains("YAML");
    }

    @Test
    void unknownKey() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
              colour: red
          """, 7);
      assertThat(e.problem()).contains("colour");
    }

    @Test
    void unknownTopLevelKey() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          groups: []
          """, 7);
      assertThat(e.problem()).contains("groups");
    }

    @Test
    void missingRequiredFieldIsReportedAtTheOwningEntry() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          units:
            - code: housing
              type: DEPARTMENT
          """, 8);
      assertThat(e.problem()).contains("name");
    }

    @Test
    void missingCounty() {
      DirectoryException e = refusedAt("""
          communities:
            - code: c1
              name: 一社区
          """, 1);
      assertThat(e.problem()).contains("county");
    }

    @Test
    void missingUserGroups() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          users:
            - id: someone
              firstName: 某人
          """, 8);
      assertThat(e.problem()).contains("groups");
    }

    @Test
    void blankRequiredField() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: "  "
          """, 6);
      assertThat(e.problem()).contains("name");
    }

    @Test
    void noCommunities() {
      refusedAt("""
          county:
            code: test
            name: 测试县
          communities: []
          """, 4);
    }

    @Test
    void duplicateCodeAcrossCommunityAndUnit() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: hualin
              name: 华林社区
          units:
            - code: hualin
              name: 某单位
              type: DEPARTMENT
          """, 8);
      assertThat(e.problem()).contains("hualin").contains("第5行");
    }

    @Test
    void duplicateStationCode() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
              stations:
                - code: s1
                  name: 一站
                - code: s1
                  name: 二站
          """, 10);
      assertThat(e.problem()).contains("s1").contains("第8行");
    }

    @Test
    void communityReferencingUnknownStreet() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          streets:
            - code: fengchuan
              name: 冯川镇
          communities:
            - code: c1
              name: 一社区
              street: nowhere
          """, 10);
      assertThat(e.problem()).contains("c1").contains("nowhere");
    }

    @Test
    void unitReferencingUnknownCommunity() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          units:
            - code: property-c2
              name: 物业
              type: PROPERTY
              community: c2
          """, 11);
      assertThat(e.problem()).contains("property-c2").contains("c2");
    }

    @Test
    void unitReferencingUnknownStreet() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          units:
            - code: sanitation
              name: 环卫所
              type: CO_BUILDING
              street: s9
          """, 11);
      assertThat(e.problem()).contains("sanitation").contains("s9");
    }

    @Test
    void unitServingBothACommunityAndAStreetIsRefused() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          streets:
            - code: s1
              name: 一镇
          communities:
            - code: c1
              name: 一社区
              street: s1
          units:
            - code: sanitation
              name: 环卫所
              type: CO_BUILDING
              community: c1
              street: s1
          """, 16);
      assertThat(e.problem()).contains("sanitation").contains("community").contains("street");
    }

    @Test
    void unknownUnitType() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          units:
            - code: housing
              name: 县住建局
              type: department
          """, 10);
      assertThat(e.problem()).contains("department").contains("DEPARTMENT");
    }

    @Test
    void userReferencingUnknownGroupInFlowList() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          users:
            - id: someone
              firstName: 某人
              groups: [c1-grid, c2-grid]
          """, 10);
      assertThat(e.problem()).contains("someone").contains("c2-grid");
    }

    @Test
    void userReferencingUnknownGroupInBlockList() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          users:
            - id: someone
              firstName: 某人
              groups:
                - dispatch-centre
                - c1-grid
                - unit-housing
          """, 13);
      assertThat(e.problem()).contains("unit-housing");
    }

    @Test
    void duplicateUserId() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          users:
            - id: someone
              firstName: 某人
              groups: []
            - id: someone
              firstName: 另一人
              groups: []
          """, 11);
      assertThat(e.problem()).contains("someone").contains("第8行");
    }

    @Test
    void invalidCodeCharacters() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: Hua_Lin
              name: 华林社区
          """, 5);
      assertThat(e.problem()).contains("Hua_Lin");
    }

    @Test
    void codeWithTrailingHyphenIsRefused() {
      refusedAt("""
          county:
            code: test-
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          """, 2);
    }

    @Test
    void codeLongerThan48IsRefused() {
      String ok = "a".repeat(48);
      assertThat(read("""
          county:
            code: %s
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          """.formatted(ok)).countyCode()).isEqualTo(ok);

      refusedAt("""
          county:
            code: %s
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          """.formatted("a".repeat(49)), 2);
    }

    @Test
    void invalidUserId() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          users:
            - id: Some One
              firstName: 某人
              groups: []
          """, 8);
      assertThat(e.problem()).contains("Some One");
    }

    @Test
    void emptyFileConcernsTheWholeFile() {
      DirectoryException e = refused("");
      assertThat(e.line()).isZero();
      assertThat(e.getMessage()).doesNotContain("行");
    }

    @Test
    void commentOnlyFileCountsAsEmpty() {
      DirectoryException e = refused("""
          # nothing here yet
          """);
      assertThat(e.line()).isZero();
      assertThat(e.problem()).isEqualTo("文件为空");
    }

    @Test
    void badUnitEmail() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          units:
            - code: housing
              name: 县住建局
              type: DEPARTMENT
              email: housing-at-fengxin
          """, 11);
      assertThat(e.problem()).contains("housing-at-fengxin");
    }

    @Test
    void badUserEmail() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
          users:
            - id: someone
              firstName: 某人
              email: someone@localhost
              groups: []
          """, 10);
      assertThat(e.problem()).contains("someone@localhost");
    }

    @Test
    void listWhereASingleValueIsExpected() {
      refusedAt("""
          county:
            code: test
            name: [a, b]
          communities:
            - code: c1
              name: 一社区
          """, 3);
    }

    @Test
    void duplicateKeyInOneEntryIsRefused() {
      DirectoryException e = refusedAt("""
          county:
            code: test
            name: 测试县
          communities:
            - code: c1
              name: 一社区
              name: 二社区
          """, 7);
      assertThat(e.problem()).contains("name");
    }
  }

  /** A community's area: [latitude, longitude] corners; the 码上拍 of an observer finds its community by it. */
  @Nested
  class CommunityAreas {
    private static final String HEAD = """
        county:
          code: test
          name: 测试县
        communities:
          - code: c1
            name: 一社区
        """;

    @Test
    void theShippedFileOutlinesEveryCommunityAndAPositionFindsIt() throws IOException {
      Directory d;
      try (InputStream in = DirectoryYamlReaderTest.class.getResourceAsStream("/directory/fengxin.yaml")) {
        d = DirectoryYamlReader.read("fengxin.yaml", in);
      }
      assertThat(d.communities()).allSatisfy(c -> assertThat(c.area()).as(c.code()).isNotNull());
      assertThat(d.communityAt(28.695, 115.375)).get().extracting(Community::code).isEqualTo("hualin");
      assertThat(d.communityAt(28.695, 115.395)).get().extracting(Community::code).isEqualTo("shengdian");
      assertThat(d.communityAt(28.705, 115.39)).get().extracting(Community::code).isEqualTo("jiaoyuyuan");
      assertThat(d.communityAt(28.67, 115.35)).get().extracting(Community::code).isEqualTo("tangpu");
      assertThat(d.communityAt(39.9042, 116.4074)).isEmpty();
      // on the line between 华林 and 圣殿: the first in the file
      assertThat(d.communityAt(28.695, 115.385)).get().extracting(Community::code).isEqualTo("hualin");
    }

    @Test
    void readsAnArea() {
      Directory d = read(HEAD + "    area: [[1.0, 1.0], [1.0, 2.0], [2.0, 2.0]]\n");
      assertThat(d.community("c1").orElseThrow().area().corners()).hasSize(3);
      assertThat(read(HEAD).community("c1").orElseThrow().area()).isNull();
    }

    @Test
    void fewerThanThreeCorners() {
      assertThat(refusedAt(HEAD + "    area: [[1.0, 1.0], [1.0, 2.0]]\n", 7).problem()).contains("至少需要3个顶点");
    }

    @Test
    void aCornerThatIsNotAPair() {
      assertThat(refusedAt(HEAD + "    area: [[1.0, 1.0, 3.0], [1.0, 2.0], [2.0, 2.0]]\n", 7).problem()).contains("[纬度, 经度]");
    }

    @Test
    void aCornerThatIsNotANumber() {
      assertThat(refusedAt(HEAD + "    area: [[north, 1.0], [1.0, 2.0], [2.0, 2.0]]\n", 7).problem()).contains("经纬度应为数字");
    }

    @Test
    void aCornerOutOfRange() {
      assertThat(refusedAt(HEAD + "    area: [[91.0, 1.0], [1.0, 2.0], [2.0, 2.0]]\n", 7).problem()).contains("超出范围");
    }
  }
}
