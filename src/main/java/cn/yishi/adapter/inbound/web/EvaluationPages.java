package cn.yishi.adapter.inbound.web;

import cn.yishi.application.EvaluationService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evaluation page of an e-mailed link (no login): the resident rates the handling of a case from 1 to
 * 5; an unknown link is 404, a used or expired one 410.
 */
@Controller
class EvaluationPages {
  /** The 1–5 rating as the page offers it. */
  public record Rating(int value, String label) {}

  private static final List<Rating> RATINGS = List.of(new Rating(5, "非常满意"), new Rating(4, "满意"),
      new Rating(3, "基本满意"), new Rating(2, "不满意"), new Rating(1, "非常不满意"));

  private final EvaluationService evaluations;

  EvaluationPages(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @GetMapping(value = "/public/evaluations/{token}", produces = MediaType.TEXT_HTML_VALUE)
  String evaluationPage(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      return evaluationForm(model, token, evaluations.view(token), null);
    } catch (EvaluationService.LinkRefused e) {
      return refused(e, model, response);
    }
  }

  @PostMapping(value = "/public/evaluations/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  String evaluate(@PathVariable String token, @RequestParam(required = false) String satisfaction,
      @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
    try {
      Integer rating = parseRating(satisfaction);
      evaluations.submit(token, rating, comment);
      return MessageView.of(model, "感谢您的评价", rating >= 3
          ? "您的评价已记录，该事项将销号。感谢您对社区工作的支持！"
          : "您的意见已记录，该事项已退回整改，整改后将再次请您评价。");
    } catch (EvaluationService.LinkRefused e) {
      return refused(e, model, response);
    } catch (ValidationException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return evaluationForm(model, token, evaluations.view(token), e.errors().get(0).message());
    }
  }

  private static Integer parseRating(String satisfaction) {
    try {
      return satisfaction == null ? null : Integer.valueOf(satisfaction.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(List.of(new FieldError("satisfaction", "invalid", "请选择满意度（1到5分）")));
    }
  }

  private String evaluationForm(Model model, String token, EvaluationService.LinkView view, String error) {
    model.addAttribute("token", token);
    model.addAttribute("view", view);
    model.addAttribute("ratings", RATINGS);
    model.addAttribute("error", error);
    return "public/evaluation";
  }

  private String refused(EvaluationService.LinkRefused e, Model model, HttpServletResponse response) {
    response.setStatus(e.reason() == EvaluationService.LinkRefused.Reason.UNKNOWN ? 404 : 410);
    return MessageView.of(model, "评价链接不可用", e.getMessage());
  }
}
