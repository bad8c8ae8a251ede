package cn.yishi.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Point in community: inside, outside, on an edge or a corner, a concave outline, and the first of overlapping areas. */
class CommunityAreaTest {
  static CommunityArea.Point p(double lat, double lng) {
    return new CommunityArea.Point(lat, lng);
  }

  /** An L: the square 0–2 × 0–2 without its upper right quarter. */
  static final CommunityArea L = new CommunityArea(List.of(p(0, 0), p(0, 2), p(1, 2), p(1, 1), p(2, 1), p(2, 0)));

  @Test
  void insideAndOutsideAConcaveOutline() {
    assertThat(L.contains(p(0.5, 0.5))).isTrue();
    assertThat(L.contains(p(0.5, 1.5))).isTrue();
    assertThat(L.contains(p(1.5, 0.5))).isTrue();
    assertThat(L.contains(p(1.5, 1.5))).as("the missing quarter").isFalse();
    assertThat(L.contains(p(-0.1, 0.5))).isFalse();
    assertThat(L.contains(p(0.5, 2.1))).isFalse();
    assertThat(L.contains(p(3, 3))).isFalse();
  }

  @Test
  void theBoundaryCountsAsInside() {
    assertThat(L.contains(p(0, 1))).as("an edge").isTrue();
    assertThat(L.contains(p(0, 0))).as("a corner").isTrue();
    assertThat(L.contains(p(1, 1))).as("the inner corner").isTrue();
    assertThat(L.contains(p(1.5, 1))).as("an inner edge").isTrue();
  }

  @Test
  void aPositionFindsTheFirstCommunityWhoseAreaHoldsIt() {
    CommunityArea west = new CommunityArea(List.of(p(0, 0), p(0, 1), p(1, 1), p(1, 0)));
    CommunityArea east = new CommunityArea(List.of(p(0, 1), p(0, 2), p(1, 2), p(1, 1)));
    Directory d = new Directory("t", "测试县", List.of(), List.of(
        new Directory.Community("west", "西社区", null, List.of(), List.of(), west),
        new Directory.Community("none", "无范围社区", null, List.of()),
        new Directory.Community("east", "东社区", null, List.of(), List.of(), east)), List.of(), List.of());
    assertThat(d.communityAt(0.5, 0.5)).get().extracting(Directory.Community::code).isEqualTo("west");
    assertThat(d.communityAt(0.5, 1.5)).get().extracting(Directory.Community::code).isEqualTo("east");
    assertThat(d.communityAt(0.5, 1.0)).as("the shared edge").get().extracting(Directory.Community::code).isEqualTo("west");
    assertThat(d.communityAt(5, 5)).isEmpty();
    assertThat(d.communityAt(Double.NaN, 0.5)).isEmpty();
    assertThat(d.communityAt(95, 0.5)).isEmpty();
  }

  @Test
  void anAreaNeedsThreeValidCorners() {
    assertThatThrownBy(() -> new CommunityArea(List.of(p(0, 0), p(1, 1)))).hasMessageContaining("至少需要3个顶点");
    assertThatThrownBy(() -> p(91, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p(0, 181)).isInstanceOf(IllegalArgumentException.class);
    assertThat(CommunityArea.Point.valid(Double.POSITIVE_INFINITY, 0)).isFalse();
  }
}
