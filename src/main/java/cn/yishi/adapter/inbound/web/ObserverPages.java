package cn.yishi.adapter.inbound.web;

import cn.yishi.application.CasePhotoService;
import cn.yishi.application.Catalogue;
import cn.yishi.application.observer.ObserverReports;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.observer.ObserverRules;
import cn.yishi.domain.photo.PhotoRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 码上拍 on an observer's phone (议事观察员, no login: the link's 256-bit token): the form (a photo, the position from the
 * phone or the community chosen by hand, category, a short description) and the list of what the observer reported
 * with each case's public state. A refusal shows the form again with what was typed (the photo must be chosen again);
 * the throttle counts per observer. Its JSON twin is {@code ObserverApi}.
 */
@Controller
class ObserverPages {
  private final ObserverReports reports;
  private final CasePhotoService photos;
  private final Catalogue catalogue;
  private final Directory directory;
  private final ReportThrottle throttle;

  ObserverPages(ObserverReports reports, CasePhotoService photos, Catalogue catalogue, Directory directory,
      ReportThrottle throttle) {
    this.reports = reports;
    this.photos = photos;
    this.catalogue = catalogue;
    this.directory = directory;
    this.throttle = throttle;
  }

  /** What the form sends back, re-shown after a refusal. */
  public record ObserverForm(String category, String description, String compound, String lat, String lng,
      String community) {}

  @GetMapping(value = "/public/observer/{token}", produces = MediaType.TEXT_HTML_VALUE)
  String page(@PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    try {
      return page(model, token, reports.page(token), new ObserverForm(null, null, null, null, null, null), List.of(), null);
    } catch (ObserverReports.LinkRefused e) {
      return refused(model, response, e);
    }
  }

  @PostMapping(value = "/public/observer/{token}", produces = MediaType.TEXT_HTML_VALUE)
  String report(@PathVariable String token, ObserverForm form, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    noStore(response);
    List<FieldError> errors = new ArrayList<>();
    List<PhotoRules.Upload> uploads = PhotoUploads.of(request, errors);
    String key;
    try {
      key = ReportThrottle.observerKey(reports.observerId(token));
    } catch (ObserverReports.LinkRefused e) {
      return refused(model, response, e);
    }
    if (!throttle.tryAcquire(key)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return MessageView.of(model, "提交过于频繁", "您提交得太频繁了，请稍后再试。如有紧急情况，请拨打12345热线。");
    }
    ObserverReports.Reported done = null;
    if (errors.isEmpty()) {
      try {
        done = reports.report(token, new ObserverReports.ReportInput(form.category(), form.description(), form.compound(),
            form.lat(), form.lng(), form.community()), uploads);
      } catch (ValidationException e) {
        errors.addAll(e.errors());
      } catch (ObserverReports.LinkRefused e) {
        throttle.release(key);
        return refused(model, response, e);
      }
    }
    if (done != null) {
      model.addAttribute("done", done);
      return page(model, token, reports.page(token), new ObserverForm(null, null, null, null, null, null), List.of(), done);
    }
    throttle.release(key);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("photosDropped", !uploads.isEmpty());
    return page(model, token, reports.page(token), form, errors, null);
  }

  private String page(Model model, String token, ObserverReports.Page page, ObserverForm form, List<FieldError> errors,
      ObserverReports.Reported done) {
    model.addAttribute("token", token);
    model.addAttribute("observer", page);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("done", done);
    model.addAttribute("outside", errors.stream().anyMatch(e -> "outside".equals(e.code())));
    model.addAttribute("outsideMessage", ObserverRules.OUTSIDE);
    model.addAttribute("categories", catalogue.categories());
    model.addAttribute("communities", directory.communities());
    model.addAttribute("descriptionMax", ObserverRules.DESCRIPTION_MAX);
    model.addAttribute("maxPhotos", photos.rules().maxPerCase());
    model.addAttribute("maxPhotoBytes", photos.rules().maxBytes());
    model.addAttribute("maxPhotoMegabytes", photos.rules().maxBytes() / (1024 * 1024));
    return "public/observer";
  }

  /** The page is the observer's own: not cached, and its address (the token) not passed on as a referrer. */
  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
  }

  private static String refused(Model model, HttpServletResponse response, ObserverReports.LinkRefused e) {
    response.setStatus(e.withdrawn() ? HttpStatus.FORBIDDEN.value() : HttpStatus.NOT_FOUND.value());
    return MessageView.of(model, e.withdrawn() ? "观察员链接已停用" : "找不到该观察员链接", e.getMessage());
  }
}
