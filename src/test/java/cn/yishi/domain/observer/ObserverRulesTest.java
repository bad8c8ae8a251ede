package cn.yishi.domain.observer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.directory.CommunityArea;
import cn.yishi.domain.directory.Directory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration of an observer, and where a 码上拍 report is: by position, by the chosen community, or refused. */
class ObserverRulesTest {
  static final Directory DIRECTORY = new Directory("t", "测试县", List.of(), List.of(
      new Directory.Community("hualin", "华林社区", null, List.of(), List.of(), new CommunityArea(List.of(
          new CommunityArea.Point(0, 0), new CommunityArea.Point(0, 1), new CommunityArea.Point(1, 1),
          new CommunityArea.Point(1, 0)))),
      new Directory.Community("xishan", "西山社区", null, List.of())), List.of(), List.of());

  static List<String> codes(List<FieldError> errors) {
    return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
  }

  @Test
  void aRegistrationNeedsNameMobileAndKind() {
    assertThat(ObserverRules.checkRegistration("张三", "13800138000", "COURIER", "顺丰速运")).isEmpty();
    assertThat(ObserverRules.checkRegistration(" 张三 ", " 13800138000 ", " RIDER ", null)).isEmpty();
    assertThat(codes(ObserverRules.checkRegistration(null, null, null, null)))
        .containsExactly("name:required", "phone:required", "kind:required");
    assertThat(codes(ObserverRules.checkRegistration("名".repeat(21), "0791-1234567", "PILOT", "企".repeat(61))))
        .containsExactly("name:too_long", "phone:invalid", "kind:unknown", "company:too_long");
    assertThat(codes(ObserverRules.checkRegistration("a\u0000b", "12800138000", "DRIVER", null)))
        .containsExactly("name:invalid_character", "phone:invalid");
  }

  @Test
  void aPositionInsideACommunityFindsIt() {
    ObserverRules.Location at = ObserverRules.locate("0.5", "0.5", "xishan", DIRECTORY);
    assertThat(at.ok()).isTrue();
    assertThat(at.community()).as("the position wins over the choice").isEqualTo("hualin");
    assertThat(at.lat()).isEqualTo(0.5);
  }

  @Test
  void aPositionOutsideEveryCommunityIsRefused() {
    ObserverRules.Location at = ObserverRules.locate("5", "5", "hualin", DIRECTORY);
    assertThat(codes(at.errors())).containsExactly("location:outside");
    assertThat(at.errors().get(0).message()).isEqualTo("位置不在本县任何社区内");
  }

  @Test
  void withoutAPositionTheChosenCommunity() {
    ObserverRules.Location at = ObserverRules.locate("", " ", "xishan", DIRECTORY);
    assertThat(at.community()).isEqualTo("xishan");
    assertThat(at.lat()).isNull();
    assertThat(codes(ObserverRules.locate(null, null, null, DIRECTORY).errors())).containsExactly("location:required");
    assertThat(codes(ObserverRules.locate(null, null, "nowhere", DIRECTORY).errors())).containsExactly("community:unknown");
  }

  @Test
  void aBrokenPositionIsRefused() {
    for (String[] bad : new String[][] {{"abc", "1"}, {"0.5", null}, {"91", "0"}, {"NaN", "0.5"}, {"0.5", "1".repeat(40)}}) {
      assertThat(codes(ObserverRules.locate(bad[0], bad[1], "hualin", DIRECTORY).errors())).as(String.join(",", bad[0], String.valueOf(bad[1])))
          .containsExactly("location:invalid");
    }
  }

  @Test
  void theDescriptionIsShortAndGivesTheTitle() {
    assertThat(ObserverRules.checkDescription("路灯不亮")).isEmpty();
    assertThat(ObserverRules.checkDescription("问".repeat(200))).isEmpty();
    assertThat(codes(ObserverRules.checkDescription("问".repeat(201)))).containsExactly("description:too_long");
    assertThat(codes(ObserverRules.checkDescription("  "))).containsExactly("description:required");
    assertThat(ObserverRules.title("北门路灯不亮\n晚上很黑")).isEqualTo("北门路灯不亮");
    assertThat(ObserverRules.title("长".repeat(40))).isEqualTo("长".repeat(30) + "…");
  }
}
