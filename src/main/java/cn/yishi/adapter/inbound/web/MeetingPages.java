package cn.yishi.adapter.inbound.web;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.deliberation.DeliberationQueries;
import cn.yishi.application.deliberation.ResolutionPublicity;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public board of deliberation (no login, no personal data): for a community, the sessions (议事会) of the bodies
 * serving it, upcoming with their agendas and past with their resolutions; the resolutions in their
 * publicity window (张榜公示) with a form for objections, and the meeting statistics of the last
 * twelve months (meetings, on-site meetings, participants, matters settled).
 */
@Controller
class MeetingPages {
  private static final MediaType HTML = HtmlPages.HTML;

  private final DeliberationQueries queries;
  private final ResolutionPublicity publicity;
  private final Directory directory;
  private final ITemplateEngine templates;
  private final ResidentVoteService votes;

  private final cn.yishi.application.deliberation.DeliberationSessions sessions;

  MeetingPages(DeliberationQueries queries, ResolutionPublicity publicity, Directory directory, ITemplateEngine templates,
      ResidentVoteService votes, cn.yishi.application.deliberation.DeliberationSessions sessions) {
    this.votes = votes;
    this.sessions = sessions;
    this.queries = queries;
    this.publicity = publicity;
    this.directory = directory;
    this.templates = templates;
  }

  @GetMapping(value = "/public/meetings", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> page(@RequestParam(required = false) String community) {
    String c = community == null || community.isBlank() ? null : community.strip();
    List<DeliberationQueries.PublicResolution> resolutions;
    List<Meetings.MonthFigures> months;
    cn.yishi.application.deliberation.DeliberationSessions.Notice notice;
    try {
      resolutions = queries.publicResolutions(c);
      notice = c == null ? null : sessions.notice(c);
      var now = queries.currentMonth();
      months = queries.statistics(c, now.minusMonths(11), now);
    } catch (ValidationException e) {
      return message(HttpStatus.NOT_FOUND, "找不到该社区的议事公示", "请检查链接中的社区编码。");
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("name", c == null ? directory.countyName() : directory.community(c).map(Directory.Community::name).orElse(c));
    ctx.setVariable("resolutions", resolutions);
    // 公开计票: the community's resident votes, the turnout while open and the totals once counted
    ctx.setVariable("votes", c == null ? List.of() : votes.publicCounts(c));
    ctx.setVariable("notice", notice);
    ctx.setVariable("months", months.stream().map(m -> new Row(
        directory.community(m.community()).map(Directory.Community::name).orElse(m.community()), m)).toList());
    ctx.setVariable("meetings", months.stream().mapToInt(Meetings.MonthFigures::meetings).sum());
    ctx.setVariable("onSite", months.stream().mapToInt(Meetings.MonthFigures::onSiteMeetings).sum());
    ctx.setVariable("participants", months.stream().mapToInt(Meetings.MonthFigures::participants).sum());
    ctx.setVariable("settled", months.stream().mapToInt(Meetings.MonthFigures::settled).sum());
    return ResponseEntity.ok().contentType(HTML).body(templates.process("public/meetings", ctx).getBytes(StandardCharsets.UTF_8));
  }

  /** A publicised resolution (张榜公示) by the token its notice and QR code carry: the plan, the window, the form. */
  @GetMapping(value = "/public/resolutions/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> resolution(@PathVariable String token) {
    DeliberationQueries.PublicResolution r = queries.publicResolution(token).orElse(null);
    if (r == null) {
      return message(HttpStatus.NOT_FOUND, "公示不存在", "请检查链接，或在协商议事公示中查看正在公示的决议。");
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("r", r);
    return ResponseEntity.ok().contentType(HTML).body(templates.process("public/resolution", ctx).getBytes(StandardCharsets.UTF_8));
  }

  /** The statistics are part of the meetings page; a browser asking for them is sent there. */
  @GetMapping(value = "/public/meetings/statistics", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Void> statisticsPage(@RequestParam(required = false) String community) {
    String c = community == null || community.isBlank() ? null : community.strip();
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(UriComponentsBuilder.fromPath("/public/meetings")
        .queryParamIfPresent("community", Optional.ofNullable(c)).build().encode().toUri()).build();
  }

  /** One line of the statistics: the community's name and its figures of a month. */
  public record Row(String communityName, Meetings.MonthFigures figures) {}

  @PostMapping(value = "/public/resolutions/{token}/objections", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> object(@PathVariable String token, @RequestParam(required = false) String content) {
    try {
      publicity.object(token, content);
    } catch (ValidationException e) {
      String code = e.errors().get(0).code();
      HttpStatus status = "unknown".equals(code) ? HttpStatus.NOT_FOUND : "expired".equals(code) ? HttpStatus.GONE : HttpStatus.BAD_REQUEST;
      return message(status, "未能提交意见", e.errors().get(0).message());
    }
    return message(HttpStatus.OK, "已收到您的意见", "议事会将在公示期满后研究处理，处理结果将公开。");
  }

  private ResponseEntity<byte[]> message(HttpStatus status, String title, String message) {
    return HtmlPages.message(templates, status, title, message);
  }

}
