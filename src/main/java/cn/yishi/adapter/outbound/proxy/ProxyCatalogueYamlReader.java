package cn.yishi.adapter.outbound.proxy;

import cn.yishi.adapter.outbound.yaml.YamlFileException;
import cn.yishi.adapter.outbound.yaml.YamlNodeReader;
import cn.yishi.domain.proxy.ProxyCatalogue;
import cn.yishi.domain.proxy.ProxyServiceType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads proxy-services.yaml (代办事项目录): each service with code, name, office, timeLimitDays, documents and steps.
 * A missing or unknown field, a repeated code, a time limit outside 1–60 working days (as the catalogue in the application) or a service without
 * documents is refused with the file and line.
 */
public final class ProxyCatalogueYamlReader extends YamlNodeReader {
  private static final Set<String> TOP = Set.of("services");
  private static final Set<String> FIELDS = Set.of("code", "name", "office", "timeLimitDays", "documents", "steps");

  private ProxyCatalogueYamlReader(String file) {
    super(file);
  }

  public static ProxyCatalogue read(String file, InputStream in) {
    return new ProxyCatalogueYamlReader(file).parse(in);
  }

  private ProxyCatalogue parse(InputStream in) {
    Node root = compose(in);
    Map<String, Node> top = mapping(root, TOP);
    List<ProxyServiceType> services = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (Node n : sequence(required(top, "services", root))) {
      Map<String, Node> m = mapping(n, FIELDS);
      String code = text(m, "code", n);
      if (!code.matches("[a-z0-9-]{1,64}")) {
        throw error(m.get("code"), "编码 " + code + " 只能由小写字母、数字和连字符组成（不超过64个字符）");
      }
      if (!codes.add(code)) {
        throw error(m.get("code"), "代办事项编码 " + code + " 重复");
      }
      String days = text(m, "timeLimitDays", n);
      int limit;
      try {
        limit = Integer.parseInt(days);
      } catch (NumberFormatException e) {
        throw error(m.get("timeLimitDays"), "timeLimitDays 应为整数（工作日）：" + days);
      }
      if (limit < 1 || limit > cn.yishi.domain.proxy.ProxyServiceDraft.LIMIT_MAX) {
        throw error(m.get("timeLimitDays"), "timeLimitDays 应在1到60个工作日之间：" + limit);
      }
      List<String> documents = texts(m, "documents", n);
      List<String> steps = texts(m, "steps", n);
      services.add(new ProxyServiceType(code, text(m, "name", n), text(m, "office", n), limit, documents, steps));
    }
    if (services.isEmpty()) {
      throw error(root, "目录中没有任何代办事项");
    }
    return new ProxyCatalogue(services);
  }

  private List<String> texts(Map<String, Node> m, String key, Node owner) {
    List<String> values = new ArrayList<>();
    for (Node n : sequence(required(m, key, owner))) {
      String v = scalar(n).strip();
      if (v.isEmpty()) {
        throw error(n, key + " 中有空白项");
      }
      if (values.contains(v)) {
        throw error(n, key + " 中 " + v + " 重复");
      }
      values.add(v);
    }
    if (values.isEmpty()) {
      throw error(m.get(key), key + " 不能为空");
    }
    return values;
  }

  @Override
  protected RuntimeException problem(int line, String message) {
    return new ProxyCatalogueFileException(file, line, message);
  }

  /** A malformed proxy-service catalogue; start-up stops with this message. */
  public static final class ProxyCatalogueFileException extends YamlFileException {
    public ProxyCatalogueFileException(String file, int line, String message) {
      super("代办事项目录", file, line, message, "Correct the proxy-service catalogue (yishi.proxy.catalogue) and start again.");
    }
  }
}
