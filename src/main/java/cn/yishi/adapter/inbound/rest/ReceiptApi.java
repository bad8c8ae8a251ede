package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.CaseNotFound;
import cn.yishi.application.IntakeReceipts.Receipt;
import cn.yishi.application.IntakeReceipts;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Receipts (回执) for the staff who register cases through Tasklist's start form, read by the Tasklist plugin
 * with the webapp session: the case a process instance registered, one case by number, and the caller's own cases
 * (我登记的诉求), and the receipt as a page to print on A4. Only the case's registering user; anyone else gets 403,
 * a missing case 404.
 */
@RestController
@RequestMapping("/api/receipts")
class ReceiptApi {
  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

  private final IntakeReceipts receipts;
  private final Caller caller;
  private final ITemplateEngine templates;
  private final Clock clock;
  private final ErrorReplies replies;

  ReceiptApi(IntakeReceipts receipts, Caller caller, ITemplateEngine templates, Clock clock, ErrorReplies replies) {
    this.replies = replies;
    this.receipts = receipts;
    this.caller = caller;
    this.templates = templates;
    this.clock = clock;
  }

  /** The caller's cases, newest first. */
  @GetMapping
  List<Receipt> mine() {
    return receipts.registeredBy(caller.userId());
  }

  /**
   * The case registered by a process instance the caller started. 404 while there is none: an instance that is not
   * an intake, or whose registration was refused.
   */
  @GetMapping("/process-instance/{processInstanceId}")
  Receipt ofProcessInstance(@PathVariable String processInstanceId) {
    String user = caller.userId();
    if (processInstanceId.length() > 64) {
      throw new ApiErrors.Refused(HttpStatus.BAD_REQUEST, "processInstanceId", "invalid", "流程实例编号格式不正确");
    }
    return receipts.ofProcessInstance(user, processInstanceId).orElseThrow(() ->
        new ApiErrors.Refused(HttpStatus.NOT_FOUND, "processInstanceId", "not_found", "该流程没有登记诉求"));
  }

  @GetMapping("/{caseNo}")
  Receipt ofCase(@PathVariable String caseNo) {
    return receipts.ofCase(caller.userId(), caseNo);
  }

  /** The receipt as a page that prints on one A4 sheet; refusals as a Chinese page. */
  @GetMapping(value = "/{caseNo}/print", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> print(@PathVariable String caseNo) {
    String user = caller.userId();
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    try {
      Receipt receipt = receipts.ofCase(user, caseNo);
      ctx.setVariable("receipt", receipt);
      ctx.setVariable("registeredAt", receipt.registeredAt().atZoneSameInstant(clock.getZone()).format(DATE_TIME));
      ctx.setVariable("printedOn", ZonedDateTime.now(clock).format(DATE));
      return page(HttpStatus.OK, "staff/receipt", ctx);
    } catch (CaseNotFound e) {
      return message(HttpStatus.NOT_FOUND, "办件不存在：" + caseNo);
    } catch (IntakeReceipts.NotRegisteredByCaller e) {
      return message(HttpStatus.FORBIDDEN, e.getMessage());
    }
  }

  private ResponseEntity<byte[]> message(HttpStatus status, String text) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("title", "无法打印回执");
    ctx.setVariable("message", text);
    return page(status, "public/message", ctx);
  }

  private ResponseEntity<byte[]> page(HttpStatus status, String template, Context ctx) {
    return ResponseEntity.status(status).contentType(HTML)
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }

  @ExceptionHandler(IntakeReceipts.NotRegisteredByCaller.class)
  ResponseEntity<byte[]> refused(IntakeReceipts.NotRegisteredByCaller e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
  }
}
