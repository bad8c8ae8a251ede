package cn.yishi.domain.directory;

import java.util.List;

/**
 * Where a community lies on the map: a polygon of WGS-84 points (latitude, longitude in degrees, as a phone's browser
 * reports its position), given in the directory file. A point on the boundary counts as inside. The demo county's
 * polygons are rough outlines, not surveyed boundaries.
 */
public record CommunityArea(List<Point> corners) {
  /** At least a triangle. */
  public static final int MIN_CORNERS = 3;

  /** A position: latitude −90…90, longitude −180…180. */
  public record Point(double lat, double lng) {
    public Point {
      if (!valid(lat, lng)) {
        throw new IllegalArgumentException("纬度应在-90到90之间，经度应在-180到180之间");
      }
    }

    public static boolean valid(double lat, double lng) {
      return Double.isFinite(lat) && Double.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
    }
  }

  public CommunityArea {
    if (corners == null || corners.size() < MIN_CORNERS) {
      throw new IllegalArgumentException("社区范围至少需要" + MIN_CORNERS + "个顶点");
    }
    corners = List.copyOf(corners);
  }

  /** Whether {@code p} lies inside the polygon or on its boundary (even-odd rule, ray cast along the latitude). */
  public boolean contains(Point p) {
    boolean inside = false;
    int n = corners.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      Point a = corners.get(i);
      Point b = corners.get(j);
      if (onSegment(p, a, b)) {
        return true;
      }
      if ((a.lat() > p.lat()) != (b.lat() > p.lat())) {
        double lngAtLat = a.lng() + (p.lat() - a.lat()) * (b.lng() - a.lng()) / (b.lat() - a.lat());
        if (p.lng() < lngAtLat) {
          inside = !inside;
        }
      }
    }
    return inside;
  }

  private static boolean onSegment(Point p, Point a, Point b) {
    double cross = (b.lng() - a.lng()) * (p.lat() - a.lat()) - (b.lat() - a.lat()) * (p.lng() - a.lng());
    if (Math.abs(cross) > 1e-12) {
      return false;
    }
    return p.lat() >= Math.min(a.lat(), b.lat()) && p.lat() <= Math.max(a.lat(), b.lat())
        && p.lng() >= Math.min(a.lng(), b.lng()) && p.lng() <= Math.max(a.lng(), b.lng());
  }
}
