package cn.yishi.platform.web;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a person reads when the webapps' engine API ({@code /camunda/api/engine}, which Tasklist, Cockpit and Admin
 * call) refuses a request. Tasklist shows the answer's {@code message} after its own Chinese heading (提交任务表单时出错,
 * 无法发起流程。, 认领任务时出错。), and the engine's REST layer writes English before our Chinese reason ("Cannot submit
 * task form 1f3c…: 输入有误：externalId: 请填写12345工单号"), or only English ("No matching process definition with id …").
 * So the message becomes:
 * <ol>
 *   <li>the Chinese reasons of our own refusal ({@link ValidationException} anywhere in the causes), without the
 *       field codes;</li>
 *   <li>else the innermost Chinese message among the causes;</li>
 *   <li>else a Chinese sentence for what the engine said, by the exception's type or its known English message;</li>
 *   <li>else a Chinese sentence for the status.</li>
 * </ol>
 * The status and the type stay Camunda's; {@code /engine-rest} keeps the engine's full message for its clients.
 */
final class WebappErrorMessages {
  private WebappErrorMessages() {}

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  /** English sentences ending in ": " before the first Chinese character: the REST layer's prefixes. */
  private static final Pattern REST_PREFIX = Pattern.compile("^(?:[A-Za-z][^:\\p{IsHan}]*: )+");
  /** A field's code before its Chinese reason, at the start or after a separator. */
  private static final Pattern FIELD_CODE = Pattern.compile("(^|；|：|; )[A-Za-z][A-Za-z0-9_.\\[\\]-]*: ");

  /** The engine's English messages a person meets in the webapps, by a part of their text (lower case). */
  private static final List<Known> KNOWN = List.of(
      new Known("no matching process definition", "找不到该流程，或您没有发起它的权限。"),
      new Known("no deployed process definition found", "找不到该流程，或您没有发起它的权限。"),
      new Known("cannot find process definition", "找不到该流程，或您没有发起它的权限。"),
      new Known("no matching definition", "找不到该流程，或您没有发起它的权限。"),
      new Known("is suspended", "该流程已暂停，暂时不能办理。"),
      new Known("already claimed", "该任务已被他人认领。"),
      new Known("cannot find task", "找不到该任务，它可能已被他人办理。"),
      new Known("task is null", "找不到该任务，它可能已被他人办理。"),
      new Known("no task found", "找不到该任务，它可能已被他人办理。"),
      new Known("does not have", "您没有执行此操作的权限。"),
      new Known("not authorized", "您没有执行此操作的权限。"),
      new Known("validation of required failed", "有必填项未填写。"),
      new Known("validation of minlength failed", "有内容太短。"),
      new Known("validation of maxlength failed", "有内容太长。"),
      new Known("validation of min failed", "有数值太小。"),
      new Known("validation of max failed", "有数值太大。"),
      new Known("validation of readonly failed", "只读内容不能修改。"),
      new Known("password does not match policy", "密码不符合密码规则。"),
      new Known("is not a valid resource identifier", "编号只能包含字母、数字和规定的符号。"),
      new Known("user already exists", "该用户已存在。"),
      new Known("group already exists", "该用户组已存在。"));

  private record Known(String part, String chinese) {}

  /** The Chinese message a person reads for the exception {@code e}, answered with {@code status}. */
  static String forPerson(Throwable e, int status) {
    ValidationException refusal = cause(e, ValidationException.class);
    if (refusal != null && !refusal.errors().isEmpty()) {
      Set<String> reasons = new LinkedHashSet<>();
      for (FieldError error : refusal.errors()) {
        reasons.add(error.message());
      }
      return String.join("；", reasons);
    }
    String chinese = null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && HAN.matcher(t.getMessage()).find()) {
        chinese = t.getMessage();
      }
    }
    if (chinese != null) {
      return withoutCodes(chinese);
    }
    if (cause(e, TaskAlreadyClaimedException.class) != null) {
      return "该任务已被他人认领。";
    }
    if (cause(e, OptimisticLockingException.class) != null) {
      return "该内容刚被他人改动，请刷新后重试。";
    }
    if (cause(e, AuthorizationException.class) != null) {
      return "您没有执行此操作的权限。";
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      for (Known known : KNOWN) {
        if (m.contains(known.part())) {
          return known.chinese();
        }
      }
    }
    if (cause(e, FormFieldValidationException.class) != null) {
      return "表单填写有误，请检查后重新提交。";
    }
    if (cause(e, NotFoundException.class) != null) {
      return "找不到所要的内容，它可能已被办理或删除。";
    }
    return byStatus(status);
  }

  /** A Chinese sentence for a status, when nothing more is known. */
  static String byStatus(int status) {
    return switch (status) {
      case 400 -> "提交的内容有误，未能保存。请检查后重试。";
      case 401 -> "登录已过期，请重新登录。";
      case 403 -> "您没有执行此操作的权限。";
      case 404 -> "找不到所要的内容，它可能已被办理或删除。";
      case 409 -> "该内容刚被他人改动，请刷新后重试。";
      case 413 -> "提交的内容过大。";
      case 415, 406 -> "请求的格式不受支持。";
      default -> status >= 500 ? "服务器出错，操作未能完成。请稍后重试。" : "操作未能完成，请刷新后重试。";
    };
  }

  /**
   * A Chinese message without the English the REST layer wrote before it ("Cannot submit task form …: ") and without
   * the field codes of a form refusal ("输入有误：externalId: 请填写…" reads "输入有误：请填写…").
   */
  static String withoutCodes(String message) {
    return FIELD_CODE.matcher(REST_PREFIX.matcher(message).replaceFirst("")).replaceAll("$1").trim();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
