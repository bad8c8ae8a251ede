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
    Double lon) {

  /** A report without coordinates. */
  public NewCase(Channel channel, String externalId, String category, String title, String description,
      String community, String compound, Integer householdsAffected, Reporter reporter, List<String> attachments) {
    this(channel, externalId, category, title, description, community, compound, householdsAffected, reporter,
        attachments, null, null);
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
    reporter = reporter == null ? Reporter.ANONYMOUS : reporter;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
