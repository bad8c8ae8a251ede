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
    List<String> attachments) {

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
