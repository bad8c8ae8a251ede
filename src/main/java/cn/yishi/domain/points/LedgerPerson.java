package cn.yishi.domain.points;

/**
 * A resident on a community's points ledger. Name, household and compound are personal data, read by the community's
 * staff only; the public table shows the name only with {@code publishName} (the resident's consent), otherwise the
 * pseudonym.
 */
public record LedgerPerson(long id, String community, String name, String household, String compound,
    boolean publishName, String pseudonym, int balance) {

  /** The name on the public table (红色积分表). */
  public String publicName() {
    return publishName ? name : pseudonym;
  }
}
