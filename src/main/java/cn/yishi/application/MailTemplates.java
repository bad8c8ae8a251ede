package cn.yishi.application;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese mail templates (mail-templates.yaml, {@code yishi.mail.templates}): a subject and a body
 * per kind of mail, with {@code {name}} placeholders. Each kind allows a fixed set of placeholders; the
 * file is checked at start-up, so a template never renders a placeholder it cannot fill.
 */
public final class MailTemplates {
  /** The kinds of mail and the placeholders each may use. */
  public enum Kind {
    CASE_ACCEPTED("case-accepted", "caseNo", "title", "disposal", "tier", "deadline", "publicUrl"),
    CASE_DECLINED("case-declined", "caseNo", "title", "reason", "referral", "publicUrl"),
    CASE_REFERRED("case-referred", "unitName", "caseNo", "title", "description", "community", "reason", "publicUrl"),
    CASE_ESCALATED("case-escalated", "caseNo", "title", "tier", "deadline", "publicUrl"),
    EVALUATION_LINK("evaluation-link", "caseNo", "title", "result", "link", "publicUrl"),
    SUPERVISION("supervision", "unitName", "caseNo", "title", "item", "deadline", "reason", "due"),
    SUPERVISION_LISTED("supervision-listed", "unitName", "caseNo", "title", "item", "deadline", "reason", "due"),
    REMINDER("reminder", "unitName", "caseNo", "title", "item", "since", "deadline", "period"),
    MONTHLY_REPORT("monthly-report", "unitName", "month", "report", "publicUrl", "county"),
    SESSION_INVITATION("session-invitation", "caseNo", "title", "body", "date", "place", "meetingsUrl");

    private final String key;
    private final List<String> placeholders;

    Kind(String key, String... placeholders) {
      this.key = key;
      this.placeholders = List.of(placeholders);
    }

    /** Its name in the file. */
    public String key() {
      return key;
    }

    public List<String> placeholders() {
      return placeholders;
    }
  }

  public record Template(String subject, String body) {}

  public record Mail(String subject, String body) {}

  public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private final Map<Kind, Template> templates;

  public MailTemplates(Map<Kind, Template> templates) {
    for (Kind k : Kind.values()) {
      if (!templates.containsKey(k)) {
        throw new IllegalArgumentException("missing mail template " + k.key());
      }
    }
    this.templates = new EnumMap<>(templates);
  }

  /** Fills the template; a value may be null (it renders empty). */
  public Mail render(Kind kind, Map<String, String> values) {
    Template t = templates.get(kind);
    return new Mail(fill(t.subject(), values).strip(), fill(t.body(), values));
  }

  private static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
    }
    m.appendTail(out);
    return out.toString();
  }
}
