package cn.yishi.adapter.outbound.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading an operator's YAML file on SnakeYAML's node tree, so that every problem (syntax, an
 * unknown or repeated key, a missing field, a wrong shape) is reported with its 1-based line. A
 * subclass names its file and the exception it throws.
 */
public abstract class YamlNodeReader {
  protected final String file;

  protected YamlNodeReader(String file) {
    this.file = file;
  }

  /** The exception for a problem at a 1-based line (0: the whole file). */
  protected abstract RuntimeException problem(int line, String message);

  /** The root node; syntax errors, unreadable and empty files are reported. */
  protected Node compose(InputStream in) {
    Node root;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (MarkedYAMLException e) {
      throw problem(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "YAML 语法错误：" + e.getProblem());
    } catch (YAMLException e) {
      throw problem(0, "YAML 语法错误：" + e.getMessage());
    } catch (IOException e) {
      throw problem(0, "无法读取：" + e.getMessage());
    }
    if (root == null) {
      throw problem(0, "文件为空");
    }
    return root;
  }

  protected String text(Map<String, Node> m, String key, Node owner) {
    String value = scalar(required(m, key, owner));
    if (value.isBlank()) {
      throw error(m.get(key), "字段 " + key + " 不能为空");
    }
    return value.strip();
  }

  protected String optionalText(Map<String, Node> m, String key) {
    Node n = m.get(key);
    if (n == null) {
      return null;
    }
    String value = scalar(n).strip();
    return value.isEmpty() ? null : value;
  }

  protected Node required(Map<String, Node> m, String key, Node owner) {
    Node n = m.get(key);
    if (n == null) {
      throw error(owner, "缺少必填字段 " + key);
    }
    return n;
  }

  protected String scalar(Node n) {
    if (n instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(n, "此处应为单个值");
  }

  protected List<Node> sequence(Node n) {
    if (n == null) {
      return List.of();
    }
    if (n instanceof SequenceNode s) {
      return s.getValue();
    }
    throw error(n, "此处应为列表");
  }

  /** A mapping whose keys must be among {@code allowed}, each at most once. */
  protected Map<String, Node> mapping(Node n, Set<String> allowed) {
    if (!(n instanceof MappingNode mn)) {
      throw error(n, "此处应为键值映射");
    }
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple t : mn.getValue()) {
      String key = scalar(t.getKeyNode());
      if (result.containsKey(key)) {
        throw error(t.getKeyNode(), "字段 " + key + " 重复");
      }
      if (!allowed.contains(key)) {
        throw error(t.getKeyNode(), "未知字段 " + key + "，允许的字段：" + String.join("、", allowed.stream().sorted().toList()));
      }
      result.put(key, t.getValueNode());
    }
    return result;
  }

  protected RuntimeException error(Node n, String message) {
    return problem(n == null ? 0 : line(n), message);
  }

  protected static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }
}
