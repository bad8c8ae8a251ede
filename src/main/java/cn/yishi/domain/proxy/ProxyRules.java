package cn.yishi.domain.proxy;

import cn.yishi.domain.casefile.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a proxy request needs before it is stored or moves on: plain rules, no storage. */
public final class ProxyRules {
  public static final int NAME_MAX = 64;
  public static final int TEXT_MAX = 2000;
  /** A rating of 3 (基本满意) or more closes the request; less sends it back for rework. */
  public static final int SATISFIED_FROM = 3;
  private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

  private ProxyRules() {}

  /** The errors of a new request: the service, the community (known elsewhere), the resident's name and phone. */
  public static List<FieldError> newRequest(ProxyServiceType service, String serviceCode, String name, String phone) {
    List<FieldError> errors = new ArrayList<>();
    if (service == null) {
      errors.add(blank(serviceCode)
          ? new FieldError("serviceCode", "required", "请选择代办事项")
          : new FieldError("serviceCode", "unknown", "代办事项目录中没有该事项，请从目录中选择"));
    }
    if (blank(name)) {
      errors.add(new FieldError("residentName", "required", "请填写群众姓名"));
    } else if (name.strip().length() > NAME_MAX) {
      errors.add(new FieldError("residentName", "too_long", "姓名不能超过" + NAME_MAX + "个字"));
    }
    if (blank(phone)) {
      errors.add(new FieldError("residentPhone", "required", "请填写联系电话"));
    } else if (!PHONE.matcher(phone.strip()).matches()) {
      errors.add(new FieldError("residentPhone", "invalid", "联系电话格式不正确（手机号11位，或带区号的固定电话）"));
    }
    return errors;
  }

  /** The service's documents not ticked in the check (材料核对): every one is required. */
  public static List<String> missingDocuments(ProxyServiceType service, List<String> ticked) {
    return service.documents().stream().filter(d -> !ticked.contains(d)).toList();
  }

  public static boolean satisfied(int rating) {
    return rating >= SATISFIED_FROM;
  }

  public static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
