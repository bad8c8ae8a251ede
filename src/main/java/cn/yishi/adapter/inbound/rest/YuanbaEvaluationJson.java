package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.microgrid.EvaluationSheets;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 双向评价 for JSON clients, at the addresses of the phone pages ({@code YuanbaEvaluationPages}): a household's token
 * (the persons to rate), its submission ({@code {"answers": {"1": "SATISFIED", …}}}, by the position on the sheet), and
 * the public results of a community. Unknown token 404, used 409, expired 410, other input 400.
 */
@RestController
class YuanbaEvaluationJson {
  private final EvaluationSheets sheets;
  private final ErrorReplies replies;

  YuanbaEvaluationJson(EvaluationSheets sheets, ErrorReplies replies) {
    this.sheets = sheets;
    this.replies = replies;
  }

  record Submission(Map<String, String> answers) {}

  @GetMapping(value = "/public/yuanba-evaluations/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  EvaluationSheets.SheetView sheet(@PathVariable String token) {
    return sheets.view(token);
  }

  @PostMapping(value = "/public/yuanba-evaluations/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> submit(@PathVariable String token, @RequestBody(required = false) Submission body) {
    EvaluationSheets.Receipt r = sheets.submitOnline(token, positions(body == null ? null : body.answers()));
    return Map.of("message", "评价已提交，感谢您的参与！每户只能评价一次。", "answers", r.answers(), "at", r.at().toString(),
        "receiptNo", r.receiptNo());
  }

  @GetMapping(value = {"/public/yuanba-evaluations", "/public/yuanba-evaluations.json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  EvaluationSheets.CommunityResults results(@RequestParam(required = false) String community) {
    return sheets.results(community);
  }

  /** The answers by position: "1".."8"; any other key is refused. */
  static Map<Integer, String> positions(Map<String, String> answers) {
    Map<Integer, String> m = new HashMap<>();
    if (answers == null) {
      return m;
    }
    for (Map.Entry<String, String> e : answers.entrySet()) {
      try {
        int p = Integer.parseInt(e.getKey().strip());
        m.put(p, e.getValue() == null ? "" : e.getValue());
      } catch (NumberFormatException x) {
        throw new ValidationException(List.of(new FieldError("answers", "unknown_subject",
            "评价对象“" + e.getKey() + "”不在本次评价的名单中（请按序号 1、2、3… 填写）")));
      }
    }
    return m;
  }

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<byte[]> refused(ValidationException e, HttpServletRequest request) {
    return replies.reply(request, status(e), e.errors());
  }

  static HttpStatus status(ValidationException e) {
    return e.errors().stream().filter(f -> f.field().equals("token") || f.field().equals("community")).findFirst()
        .map(f -> switch (f.code()) {
          case "unknown" -> HttpStatus.NOT_FOUND;
          case "used" -> HttpStatus.CONFLICT;
          case "expired" -> HttpStatus.GONE;
          default -> HttpStatus.BAD_REQUEST;
        }).orElse(HttpStatus.BAD_REQUEST);
  }
}
