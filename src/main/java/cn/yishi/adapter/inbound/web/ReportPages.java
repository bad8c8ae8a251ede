package cn.yishi.adapter.inbound.web;

import cn.yishi.application.CasePhotoService;
import cn.yishi.application.Catalogue;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.IntakeService;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.photo.PhotoRules;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The QR-code report page (扫码留言) of a community (no login): the form, with a honeypot field and a
 * throttle per address; contact data only with consent, and never shown back after registration. Photos (随手拍)
 * come with the form as multipart ({@code photos}); they are stored with the case in the same transaction, and a
 * refused photo refuses the report, showing the form again with what the resident typed.
 */
@Controller
class ReportPages {
  static final String ACTOR = "public-report";

  private final IntakeService intake;
  private final CasePhotoService photos;
  private final Catalogue catalogue;
  private final Directory directory;
  private final ReportThrottle throttle;
  private final cn.yishi.application.port.MicroGridStore microGrids;
  private final String publicBaseUrl;

  ReportPages(IntakeService intake, CasePhotoService photos, Catalogue catalogue, Directory directory,
      ReportThrottle throttle, cn.yishi.application.port.MicroGridStore microGrids,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.microGrids = microGrids;
    this.intake = intake;
    this.photos = photos;
    this.catalogue = catalogue;
    this.directory = directory;
    this.throttle = throttle;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** What the report form sends back, re-shown after a refusal. */
  public record ReportForm(String community, String category, String title, String description, String compound,
      String name, String phone, String email, Boolean consent, String yuanba) {}

  @GetMapping(value = "/public/report", produces = MediaType.TEXT_HTML_VALUE)
  String reportPage(@RequestParam(required = false) String community, Model model, HttpServletResponse response) {
    Directory.Community c = directory.community(community == null ? "" : community).orElse(null);
    if (c == null) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return MessageView.of(model, "找不到该社区", "请扫描社区张贴的二维码进入留言页面。");
    }
    return reportForm(model, c, new ReportForm(c.code(), null, null, null, null, null, null, null, Boolean.FALSE, null), List.of());
  }

  @PostMapping(value = "/public/report", produces = MediaType.TEXT_HTML_VALUE)
  String report(ReportForm form, @RequestParam(required = false) String website, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    // the photos first: an upload the container cut off (over spring.servlet.multipart's limit, sent without a length)
    // left the form's fields unread, and is refused as too large (413), not as a form without a community
    List<FieldError> errors = new ArrayList<>();
    List<PhotoRules.Upload> uploads = PhotoUploads.of(request, errors);
    Directory.Community c = directory.community(form.community() == null ? "" : form.community()).orElse(null);
    if (c == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return MessageView.of(model, "找不到该社区", "请扫描社区张贴的二维码进入留言页面。");
    }
    if (website != null && !website.isEmpty()) {
      // the honeypot: a person never sees this field; answer like a refusal, store nothing
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return MessageView.of(model, "提交未成功", "请刷新页面后重新填写。");
    }
    String ip = request.getRemoteAddr();
    if (!throttle.tryAcquire(ip)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return MessageView.of(model, "提交过于频繁", "您提交得太频繁了，请稍后再试。如有紧急情况，请拨打12345热线。");
    }
    boolean contact = notBlank(form.name()) || notBlank(form.phone()) || notBlank(form.email());
    if (contact && !Boolean.TRUE.equals(form.consent())) {
      errors.add(new FieldError("consent", "required", "留下联系方式时，请勾选同意使用个人信息的说明"));
    }
    NewCase report = new NewCase(Channel.QR_CODE, null, form.category(), form.title(), form.description(), c.code(),
        form.compound(), null, new Reporter(form.name(), form.phone(), form.email(), null), List.of(), null, null,
        form.yuanba());
    if (!errors.isEmpty()) {
      errors.addAll(photos.rules().check(uploads, 0).errors());
    } else {
      try {
        IntakeResult result = uploads.isEmpty() ? intake.submit(report, ACTOR) : photos.report(report, ACTOR, uploads);
        model.addAttribute("caseNo", result.caseNo());
        model.addAttribute("merged", result.kind() == IntakeResult.Kind.MERGED);
        model.addAttribute("publicUrl", publicBaseUrl + "/public/cases/" + result.caseNo());
        model.addAttribute("casePath", "/public/cases/" + result.caseNo());
        model.addAttribute("community", c.code());
        model.addAttribute("photoCount", uploads.size());
        return "public/report-done";
      } catch (ValidationException e) {
        errors.addAll(e.errors());
      }
    }
    throttle.release(ip);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("photosDropped", !uploads.isEmpty());
    return reportForm(model, c, form, errors);
  }

  private String reportForm(Model model, Directory.Community c, ReportForm form, List<FieldError> errors) {
    model.addAttribute("community", c.code());
    model.addAttribute("communityName", c.name());
    model.addAttribute("categories", catalogue.categories());
    model.addAttribute("compounds", c.stations());
    model.addAttribute("yuanbas", microGrids.inCommunity(c.code()));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("maxPhotos", photos.rules().maxPerCase());
    model.addAttribute("maxPhotoBytes", photos.rules().maxBytes());
    model.addAttribute("maxPhotoMegabytes", photos.rules().maxBytes() / (1024 * 1024));
    return "public/report";
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
