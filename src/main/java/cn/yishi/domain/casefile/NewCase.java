package cn.yishi.domain.casefile;

import java.util.List;

/** A report as it arrives from a channel, before it is validated and registered. */
public record NewCase(
    Channel channel,
    String externalId,
    String category,
    String title,
    String description,
    String community,
    String compound,
    Integer householdsAffected,
    Reporter reporter,
    List<String> attachments,
    Double lat,
    Double lon,
    String yuanba) {

  /** A report without a 院坝 (micro-grid). */
  public NewCase(Channel channel, String externalId, String category, String title, String description,
      String community, String compound, Integer householdsAffected, Reporter reporter, List<String> attachments,
      Double lat, Double lon) {
    this(channel, externalId, category, title, description, community, compound, householdsAffected, reporter,
        attachments, lat, lon, null);
  }

  /** The same report with the compound (a code of the directory) and the 院坝 given. */
  public NewCase withPlace(String compoundCode, String yuanbaCode) {
    return new NewCase(channel, externalId, category, title, description, community, compoundCode, householdsAffected,
        reporter, attachments, lat, lon, yuanbaCode);
  }

  /** A report without coordinates. */
  public NewCase(Channel channel, String externalId, String category, String title, String description,
      String community, String compound, Integer householdsAffected, Reporter reporter, List<String> attachments) {
    this(channel, externalId, category, title, description, community, compound, householdsAffected, reporter,
        attachments, null, null, null);
  }

  /** Whether anything private (contact details, exact address or position) came with the report. */
  public boolean hasPrivateData() {
    return !reporter.isAnonymous() || lat != null || lon != null;
  }

  public NewCase {
    externalId = Text.trimToNull(externalId);
    category = Text.trimToNull(category);
    title = Text.trimToNull(title);
    description = Text.trimToNull(description);
    community = Text.trimToNull(community);
    compound = Text.trimToNull(compound);
    yuanba = Text.trimToNull(yuanba);
    reporter = reporter == null ? Reporter.ANONYMOUS : reporter;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
