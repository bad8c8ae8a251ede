package cn.yishi.adapter.inbound.web;

import cn.yishi.application.CaseQueries;
import cn.yishi.application.CaseTracking;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The page of one case for residents (no login, no personal data), at the address the report's confirmation, the
 * receipt and the board give: its status in words, category, compound, public timeline, result, satisfaction and
 * where its evaluation stands; a case awaiting review only as {@value CaseTracking#PENDING_NAME}. And the list of
 * public cases as a page. Their JSON twins are in {@code PublicApi}; {@code PublicNegotiation} chooses.
 */
@Controller
class CasePages {
  private final CaseTracking tracking;
  private final CaseQueries queries;
  private final ITemplateEngine templates;

  CasePages(CaseTracking tracking, CaseQueries queries, ITemplateEngine templates) {
    this.tracking = tracking;
    this.queries = queries;
    this.templates = templates;
  }

  @GetMapping(value = "/public/cases/{caseNo}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> casePage(@PathVariable String caseNo) {
    CaseTracking.Tracked t = tracking.track(caseNo).orElse(null);
    if (t == null) {
      return HtmlPages.message(templates, HttpStatus.NOT_FOUND, "办件不存在", "没有找到编号为 " + caseNo
          + " 的办件，请核对编号。刚提交的留言也可以查到，显示为“" + CaseTracking.PENDING_NAME + "”。");
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("caseNo", t.caseNo());
    ctx.setVariable("pending", t.pending());
    ctx.setVariable("pendingName", CaseTracking.PENDING_NAME);
    ctx.setVariable("c", t.record());
    ctx.setVariable("declined", !t.pending() && CaseStatus.DECLINED.name().equals(t.record().status()));
    ctx.setVariable("evaluation", t.evaluation());
    return page("public/case", ctx);
  }

  @GetMapping(value = "/public/cases", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> casesPage(@RequestParam(required = false) String community,
      @RequestParam(required = false) String status, @RequestParam(required = false) String month) {
    List<CaseQueries.PublicCase> cases;
    try {
      cases = queries.publicCases(blank(community), blank(status), blank(month));
    } catch (ValidationException e) {
      return HtmlPages.message(templates, HttpStatus.BAD_REQUEST, "查询条件有误",
          String.join("；", e.errors().stream().map(FieldError::message).toList()));
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("cases", cases);
    ctx.setVariable("community", blank(community));
    ctx.setVariable("limit", CaseQueries.PUBLIC_PAGE_MAX);
    return page("public/cases", ctx);
  }

  private ResponseEntity<byte[]> page(String template, Context ctx) {
    return ResponseEntity.ok().contentType(HtmlPages.HTML)
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
