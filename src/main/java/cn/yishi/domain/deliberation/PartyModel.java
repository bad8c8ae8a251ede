package cn.yishi.domain.deliberation;

import java.util.List;
import java.util.Optional;

/**
 * Who deliberates as standing parties (协商主体), the "4" or "5" of 4+N / 5+N; the N (相关利益方) are added per session.
 * Seed 004 (宜昌): 村（社区）议事协商委员会 "协商主体一般为“4+N”，“4”指社区（村）“两委”成员、居（村）民代表、常住外来人口代表、
 * 社会组织代表"; 小区、村民小组 "协商主体城市一般为“5+N”，“5”指社区“两委”成员、小区党支部成员、业主委员会成员、物业服务企业和
 * 社会组织负责人……农村一般为“4+N”，“4”指村“两委”成员、村民小组（党小组）长、村民代表和社会组织负责人". Seed 000/001
 * (奉新、金溪): 五方议事 of the community committee, owners, property company, residents and co-building units.
 */
public enum PartyModel {
  FIVE_PARTIES("五方议事（奉新、金溪）", List.of(StandingParty.TWO_COMMITTEES, StandingParty.OWNERS_COMMITTEE,
      StandingParty.PROPERTY, StandingParty.RESIDENT_REPS, StandingParty.CO_BUILDING)),
  URBAN_5N("城市 5+N", List.of(StandingParty.TWO_COMMITTEES, StandingParty.PARTY_BRANCH, StandingParty.OWNERS_COMMITTEE,
      StandingParty.PROPERTY, StandingParty.SOCIAL_ORGS)),
  RURAL_4N("农村 4+N", List.of(StandingParty.TWO_COMMITTEES, StandingParty.GROUP_LEADERS, StandingParty.RESIDENT_REPS,
      StandingParty.SOCIAL_ORGS)),
  YICHANG_4N("宜昌村（社区）议事协商委员会 4+N", List.of(StandingParty.TWO_COMMITTEES, StandingParty.RESIDENT_REPS,
      StandingParty.MIGRANTS, StandingParty.SOCIAL_ORGS));

  private final String label;
  private final List<StandingParty> parties;

  PartyModel(String label, List<StandingParty> parties) {
    this.label = label;
    this.parties = parties;
  }

  public String label() {
    return label;
  }

  /** The model's standing parties, the default of a body that chooses it. */
  public List<StandingParty> parties() {
    return parties;
  }

  public static Optional<PartyModel> of(String code) {
    for (PartyModel m : values()) {
      if (m.name().equals(code)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
