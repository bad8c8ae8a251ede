package cn.yishi.domain.resource;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An entry as staff type it (new or edited), checked field by field: a refusal names every wrong field with a Chinese
 * message and nothing is stored.
 */
public record ResourceDraft(String kind, String name, String expertise, List<String> keywords, String contact,
    String community, String street) {
  public static final int NAME_MAX = 100;
  public static final int EXPERTISE_MAX = 200;
  public static final int CONTACT_MAX = 200;
  public static final int KEYWORDS_MAX = 30;
  public static final int KEYWORD_MAX = 20;
  private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");

  public ResourceDraft {
    kind = trim(kind);
    name = trim(name);
    expertise = trim(expertise);
    contact = trim(contact);
    community = trim(community);
    street = trim(street);
    LinkedHashSet<String> words = new LinkedHashSet<>();
    if (keywords != null) {
      for (String k : keywords) {
        if (k != null) {
          for (String w : SEPARATORS.split(k.strip())) {
            if (!w.isEmpty()) {
              words.add(w);
            }
          }
        }
      }
    }
    keywords = List.copyOf(words);
  }

  /** The checked kind; throws with every field error. */
  public ResourceKind validate() {
    List<FieldError> errors = new ArrayList<>();
    ResourceKind k = null;
    if (kind == null) {
      errors.add(new FieldError("kind", "required", "请选择资源类别（部门、人才、社会资源或场地）"));
    } else {
      k = ResourceKind.parse(kind).orElse(null);
      if (k == null) {
        errors.add(new FieldError("kind", "invalid", "资源类别应为部门、人才、社会资源或场地"));
      }
    }
    if (name == null) {
      errors.add(new FieldError("name", "required", "请填写资源名称"));
    } else if (name.length() > NAME_MAX) {
      errors.add(new FieldError("name", "too_long", "资源名称不能超过" + NAME_MAX + "个字"));
    }
    if (expertise != null && expertise.length() > EXPERTISE_MAX) {
      errors.add(new FieldError("expertise", "too_long", "专长说明不能超过" + EXPERTISE_MAX + "个字"));
    }
    if (contact != null && contact.length() > CONTACT_MAX) {
      errors.add(new FieldError("contact", "too_long", "联系方式不能超过" + CONTACT_MAX + "个字"));
    }
    if (keywords.isEmpty()) {
      errors.add(new FieldError("keywords", "required", "请至少填写一个匹配关键词（如：电梯、纠纷），问题清单按关键词匹配资源"));
    } else if (keywords.size() > KEYWORDS_MAX) {
      errors.add(new FieldError("keywords", "too_many", "关键词不能超过" + KEYWORDS_MAX + "个"));
    } else if (keywords.stream().anyMatch(w -> w.length() > KEYWORD_MAX)) {
      errors.add(new FieldError("keywords", "too_long", "每个关键词不能超过" + KEYWORD_MAX + "个字"));
    }
    if (community != null && street != null) {
      errors.add(new FieldError("street", "both", "服务范围只能选一个社区或一个街道（都不选为全县）"));
    }
    for (String[] f : new String[][] {{"name", name}, {"expertise", expertise}, {"contact", contact},
        {"keywords", String.join("", keywords)}}) {
      if (!Text.storable(f[1])) {
        errors.add(new FieldError(f[0], Text.UNSTORABLE, "含有无法保存的字符"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return k;
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
