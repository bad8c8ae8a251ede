package cn.yishi.adapter.outbound.mail;

import cn.yishi.adapter.outbound.yaml.YamlFileException;
import cn.yishi.adapter.outbound.yaml.YamlNodeReader;
import cn.yishi.application.MailTemplates.Kind;
import cn.yishi.application.MailTemplates;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads mail-templates.yaml: one entry per kind of mail with {@code subject} and {@code body}. A
 * missing kind, an unknown kind or field, or a placeholder the kind does not offer is refused with the
 * file and line.
 */
public final class MailTemplatesYamlReader extends YamlNodeReader {
  private static final Set<String> FIELDS = Set.of("subject", "body");

  private MailTemplatesYamlReader(String file) {
    super(file);
  }

  public static MailTemplates read(String file, InputStream in) {
    return new MailTemplatesYamlReader(file).parse(in);
  }

  private MailTemplates parse(InputStream in) {
    Node root = compose(in);
    Set<String> kinds = Arrays.stream(Kind.values()).map(Kind::key).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, Node> entries = mapping(root, kinds);
    Map<Kind, MailTemplates.Template> templates = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      Node n = entries.get(kind.key());
      if (n == null) {
        throw error(root, "缺少邮件模板 " + kind.key());
      }
      Map<String, Node> fields = mapping(n, FIELDS);
      String subject = text(fields, "subject", n);
      String body = text(fields, "body", n);
      check(kind, fields.get("subject"), subject);
      check(kind, fields.get("body"), body);
      templates.put(kind, new MailTemplates.Template(subject, body + "\n"));
    }
    return new MailTemplates(templates);
  }

  private void check(Kind kind, Node node, String text) {
    Matcher m = MailTemplates.PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!kind.placeholders().contains(m.group(1))) {
        throw error(node, "邮件模板 " + kind.key() + " 使用了未知的占位符 {" + m.group(1) + "}，可用："
            + kind.placeholders().stream().map(p -> "{" + p + "}").collect(Collectors.joining("、")));
      }
    }
  }

  @Override
  protected RuntimeException problem(int line, String message) {
    return new MailTemplatesFileException(file, line, message);
  }

  /** A malformed mail template file; start-up stops with this message. */
  public static final class MailTemplatesFileException extends YamlFileException {
    public MailTemplatesFileException(String file, int line, String message) {
      super("邮件模板文件", file, line, message,
        "Correct the mail template file (yishi.mail.templates) and start again.");
    }
  }
}
