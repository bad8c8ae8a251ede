package cn.yishi.adapter.inbound.web;

import cn.yishi.application.proxy.ProxyRequests;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 代办 on the phone (no login): the catalogue with each service's documents, procedure and time limit, the request form
 * (honeypot, the report throttle, consent for the name and phone), and the request's own page behind its token: the
 * progress, and the rating once the 代办员 has closed it.
 */
@Controller
class ProxyPages {
  /** The 1–5 rating as the page offers it. */
  public record Rating(int value, String label) {}

  private static final List<Rating> RATINGS = List.of(new Rating(5, "非常满意"), new Rating(4, "满意"),
      new Rating(3, "基本满意"), new Rating(2, "不满意"), new Rating(1, "非常不满意"));

  private final ProxyRequests requests;
  private final Directory directory;
  private final ReportThrottle throttle;
  private final String publicBaseUrl;

  ProxyPages(ProxyRequests requests, Directory directory, ReportThrottle throttle,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.requests = requests;
    this.directory = directory;
    this.throttle = throttle;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** What the request form sends back, re-shown after a refusal. */
  public record ProxyForm(String serviceCode, String community, String compound, String residentName,
      String residentPhone, Boolean consent) {}

  @GetMapping(value = "/public/proxy", produces = MediaType.TEXT_HTML_VALUE)
  String requestPage(@RequestParam(required = false) String community, @RequestParam(required = false) String service,
      Model model) {
    return form(model, new ProxyForm(service, community, null, null, null, Boolean.FALSE), List.of());
  }

  @PostMapping(value = "/public/proxy", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
  String request(ProxyForm form, @RequestParam(required = false) String website, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    if (website != null && !website.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return MessageView.of(model, "提交未成功", "请刷新页面后重新填写。");
    }
    String ip = request.getRemoteAddr();
    if (!throttle.tryAcquire(ip)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return MessageView.of(model, "提交过于频繁", "您提交得太频繁了，请稍后再试，或直接联系社区代办员。");
    }
    List<FieldError> errors = new ArrayList<>();
    if (!Boolean.TRUE.equals(form.consent())) {
      errors.add(new FieldError("consent", "required", "请勾选同意社区代办员使用您的姓名和电话办理本事项"));
    }
    if (errors.isEmpty()) {
      try {
        ProxyRequests.Registered r = requests.submitFromPhone(new ProxyRequests.NewProxyRequest(form.serviceCode(),
            form.community(), form.compound(), form.residentName(), form.residentPhone()));
        model.addAttribute("requestNo", r.requestNo());
        model.addAttribute("statusUrl", publicBaseUrl + ProxyRequests.statusPath(r.token()));
        model.addAttribute("statusPath", ProxyRequests.statusPath(r.token()));
        return "public/proxy-done";
      } catch (ValidationException e) {
        errors.addAll(e.errors());
      }
    }
    throttle.release(ip);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return form(model, form, errors);
  }

  private String form(Model model, ProxyForm form, List<FieldError> errors) {
    model.addAttribute("services", requests.services());
    model.addAttribute("communities", directory.communities());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "public/proxy";
  }

  @GetMapping(value = "/public/proxy/{token}", produces = MediaType.TEXT_HTML_VALUE)
  String statusPage(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      return status(model, token, requests.view(token), null);
    } catch (ProxyRequests.UnknownRequest e) {
      return unknown(model, response);
    }
  }

  @PostMapping(value = "/public/proxy/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  String rate(@PathVariable String token, @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
    try {
      boolean satisfied = requests.rate(token, parseRating(rating), comment);
      return MessageView.of(model, "感谢您的评价", satisfied
          ? "您的评价已记录，本次代办完成。感谢您对社区工作的支持！"
          : "您的意见已记录，代办员将按您的意见整改，整改后会再次请您评价。");
    } catch (ProxyRequests.UnknownRequest e) {
      return unknown(model, response);
    } catch (ValidationException e) {
      try {
        ProxyRequests.View view = requests.view(token);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return status(model, token, view, e.errors().get(0).message());
      } catch (ProxyRequests.UnknownRequest unknown) {
        // a malformed rating on an unknown link: the link is what is wrong
        return unknown(model, response);
      }
    }
  }

  private static Integer parseRating(String rating) {
    try {
      return rating == null || rating.isBlank() ? null : Integer.valueOf(rating.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(List.of(new FieldError("rating", "invalid", "请选择满意度（1到5分）")));
    }
  }

  private String status(Model model, String token, ProxyRequests.View view, String error) {
    model.addAttribute("token", token);
    model.addAttribute("view", view);
    model.addAttribute("ratings", RATINGS);
    model.addAttribute("error", error);
    return "public/proxy-status";
  }

  private static String unknown(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return MessageView.of(model, "找不到该代办事项", "链接无效，请核对代办员发给您的链接。");
  }
}
