package cn.yishi.application;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deliberation settings (application.yaml, yishi.deliberation).
 *
 * @param fixedDay the day of the month of the fixed deliberation day (固定议事日), for communities not listed; like
 *     {@code fixedDays} and {@code bodies} it only seeds the bodies' settings (议事机构, V23) at the first start
 * @param fixedDays per community code
 * @param publicityDays the feedback window of the publicity (张榜公示), in working days
 * @param voteDays how long a resident vote (一户一票) stays open, in working days
 * @param resources the resource list (资源清单): departments, talent pool, social resources, venues
 * @param bodies per body (group id): its fixed day and place
 * @param registerFiles household registers (住户名册) that seed the compounds without one at start-up: CSV resource
 *     locations ({@code compound,building,unit,household,area}); afterwards the staff maintain them while running
 */
@ConfigurationProperties("yishi.deliberation")
public record DeliberationProperties(int fixedDay, Map<String, Integer> fixedDays, int publicityDays, int voteDays,
    List<Resource> resources, List<String> registerFiles, Map<String, BodySettings> bodies) {

  /**
   * A body's own settings (keyed by its group id: station-hualin-yuyuan, hualin-room, hall-fengchuan,
   * county-coordination).
   *
   * @param fixedDay its fixed deliberation day of the month (else the community's, else {@code fixedDay})
   * @param place where its sessions are held (else the body's name)
   */
  public record BodySettings(Integer fixedDay, String place) {}

  public DeliberationProperties(int fixedDay, Map<String, Integer> fixedDays, int publicityDays, int voteDays,
      List<Resource> resources, List<String> registerFiles) {
    this(fixedDay, fixedDays, publicityDays, voteDays, resources, registerFiles, Map.of());
  }

  /**
   * One entry of the resource list.
   *
   * @param name what is shown (e.g. 县司法局法律顾问)
   * @param kind 部门, 人才, 社会资源 or 场地
   * @param keywords words of a problem that this resource can help with
   */
  public record Resource(String name, String kind, List<String> keywords) {
    public Resource {
      keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
  }

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public DeliberationProperties {
    bodies = bodies == null ? Map.of() : Map.copyOf(bodies);
    fixedDay = fixedDay < 1 || fixedDay > 31 ? 15 : fixedDay;
    fixedDays = fixedDays == null ? Map.of() : Map.copyOf(fixedDays);
    publicityDays = publicityDays < 1 ? 5 : publicityDays;
    voteDays = voteDays < 1 ? 7 : voteDays;
    resources = resources == null ? List.of() : List.copyOf(resources);
    registerFiles = registerFiles == null ? List.of() : List.copyOf(registerFiles);
  }
}
