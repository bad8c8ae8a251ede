package cn.yishi.domain.proxy;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service of the 代办事项清单 as staff type it (new or edited), checked field by field: a refusal names every wrong
 * field in Chinese and nothing is stored. Documents and steps come as lists or as one text with a line per entry.
 */
public record ProxyServiceDraft(String code, String name, String office, Integer timeLimitDays, List<String> documents,
    List<String> steps) {
  public static final int CODE_MAX = 64;
  public static final int NAME_MAX = 100;
  public static final int LIMIT_MIN = 1;
  public static final int LIMIT_MAX = 60;
  public static final int ENTRIES_MAX = 20;
  public static final int ENTRY_MAX = 100;
  private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern LINES = Pattern.compile("[\\r\\n]+");

  public ProxyServiceDraft {
    code = trim(code);
    name = trim(name);
    office = trim(office);
    documents = lines(documents);
    steps = lines(steps);
  }

  /** The checked service, with the code it is stored under; throws with every field error. */
  public ProxyServiceType validate(Set<String> knownOffices) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null) {
      errors.add(new FieldError("code", "required", "请填写事项编码（小写字母、数字和连字符，如 elderly-allowance）"));
    } else if (!CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "invalid", "事项编码只能由小写字母、数字和连字符组成，不超过" + CODE_MAX + "个字符"));
    }
    if (name == null) {
      errors.add(new FieldError("name", "required", "请填写事项名称"));
    } else if (name.length() > NAME_MAX) {
      errors.add(new FieldError("name", "too_long", "事项名称不能超过" + NAME_MAX + "个字"));
    }
    if (office == null) {
      errors.add(new FieldError("office", "required", "请选择办理部门"));
    } else if (!knownOffices.contains(office)) {
      errors.add(new FieldError("office", "unknown", "办理部门“" + office + "”不在部门名单中，请从名单中选择"));
    }
    if (timeLimitDays == null) {
      errors.add(new FieldError("timeLimitDays", "required", "请填写办理时限（工作日）"));
    } else if (timeLimitDays < LIMIT_MIN || timeLimitDays > LIMIT_MAX) {
      errors.add(new FieldError("timeLimitDays", "out_of_range", "办理时限应在" + LIMIT_MIN + "到" + LIMIT_MAX + "个工作日之间"));
    }
    entries(errors, "documents", documents, "请至少填写一项办理要件（每行一项）", "办理要件");
    entries(errors, "steps", steps, "请至少填写一个办理步骤（每行一步）", "办理流程");
    for (String[] f : new String[][] {{"code", code}, {"name", name}, {"office", office},
        {"documents", String.join("", documents)}, {"steps", String.join("", steps)}}) {
      if (!Text.storable(f[1])) {
        errors.add(new FieldError(f[0], Text.UNSTORABLE, "含有无法保存的字符"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ProxyServiceType(code, name, office, timeLimitDays, documents, steps);
  }

  private static void entries(List<FieldError> errors, String field, List<String> values, String required, String what) {
    if (values.isEmpty()) {
      errors.add(new FieldError(field, "required", required));
    } else if (values.size() > ENTRIES_MAX) {
      errors.add(new FieldError(field, "too_many", what + "不能超过" + ENTRIES_MAX + "项"));
    } else if (values.stream().anyMatch(v -> v.length() > ENTRY_MAX)) {
      errors.add(new FieldError(field, "too_long", what + "每项不能超过" + ENTRY_MAX + "个字"));
    }
  }

  /** Each non-blank line of each value, stripped, once. */
  private static List<String> lines(List<String> values) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    if (values != null) {
      for (String v : values) {
        if (v != null) {
          for (String line : LINES.split(v)) {
            if (!line.isBlank()) {
              out.add(line.strip());
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
