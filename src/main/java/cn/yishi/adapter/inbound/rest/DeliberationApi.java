package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.deliberation.DeliberationQueries;
import cn.yishi.application.deliberation.Deliberations;
import cn.yishi.application.deliberation.ResolutionPublicity;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.casefile.ValidationException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
 * Deliberation over HTTP. Staff: meeting statistics and the ballot tokens of a vote (to print the
 * paper ballots). Public (no login, no personal data): the publicised resolution and objections to
 * it, the ballot page of a household's token, the count (totals only) and the meeting statistics.
 */
@RestController
class DeliberationApi {
  private final Deliberations deliberations;
  private final cn.yishi.application.deliberation.DeliberationSessions sessions;
  private final DeliberationQueries queries;
  private final ResolutionPublicity publicity;
  private final ResidentVoteService votes;
  private final Caller caller;
  private final ErrorReplies replies;
  private final cn.yishi.domain.directory.Directory directory;

  DeliberationApi(Deliberations deliberations, DeliberationQueries queries, ResolutionPublicity publicity,
      ResidentVoteService votes, Caller caller, ErrorReplies replies, cn.yishi.domain.directory.Directory directory,
      cn.yishi.application.deliberation.DeliberationSessions sessions) {
    this.directory = directory;
    this.sessions = sessions;
    this.deliberations = deliberations;
    this.queries = queries;
    this.publicity = publicity;
    this.replies = replies;
    this.votes = votes;
    this.caller = caller;
  }

  record Statistics(List<Meetings.MonthFigures> months, int meetings, int onSiteMeetings, int participants, int settled) {}

  @GetMapping("/api/meetings/statistics")
  Statistics staffStatistics(@RequestParam(required = false) String community, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    caller.userId();
    if (!caller.isStaff()) {
      throw new ApiErrors.Forbidden("只有工作人员可以查看议事统计");
    }
    return statistics(community, from, to);
  }

  @GetMapping(value = "/public/meetings/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  Statistics publicStatistics(@RequestParam(required = false) String community, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return statistics(community, from, to);
  }

  /**
   * The meetings page as JSON (Accept application/json, or the .json suffix): with a community, the public notice of
   * the sessions of the bodies serving it (upcoming with their agendas, then past ones with their resolutions); the
   * resolutions in their publicity window and the last twelve months' figures. An unknown community: 404.
   */
  record PublicMeetings(String community, String communityName,
      List<cn.yishi.application.deliberation.DeliberationSessions.PublicSession> upcoming,
      List<cn.yishi.application.deliberation.DeliberationSessions.PublicSession> past,
      List<DeliberationQueries.PublicResolution> resolutions, Statistics statistics) {}

  @GetMapping(value = {"/public/meetings.json", "/public/meetings"}, produces = MediaType.APPLICATION_JSON_VALUE)
  org.springframework.http.ResponseEntity<?> publicMeetings(@RequestParam(required = false) String community,
      jakarta.servlet.http.HttpServletRequest request) {
    String c = community == null || community.isBlank() ? null : community.strip();
    cn.yishi.application.deliberation.DeliberationSessions.Notice notice = null;
    if (c != null) {
      try {
        notice = sessions.notice(c);
      } catch (ValidationException e) {
        return replies.reply(request, org.springframework.http.HttpStatus.NOT_FOUND, e.errors());
      }
    }
    return org.springframework.http.ResponseEntity.ok(new PublicMeetings(c, notice == null ? null : notice.communityName(),
        notice == null ? List.of() : notice.upcoming(), notice == null ? List.of() : notice.past(),
        queries.publicResolutions(c), statistics(c, null, null)));
  }

  private Statistics statistics(String community, String from, String to) {
    YearMonth now = queries.currentMonth();
    YearMonth f = month("from", from, now.minusMonths(11));
    YearMonth t = month("to", to, now);
    List<Meetings.MonthFigures> months = queries.statistics(community == null || community.isBlank() ? null : community.strip(), f, t);
    return new Statistics(months, months.stream().mapToInt(Meetings.MonthFigures::meetings).sum(),
        months.stream().mapToInt(Meetings.MonthFigures::onSiteMeetings).sum(),
        months.stream().mapToInt(Meetings.MonthFigures::participants).sum(),
        months.stream().mapToInt(Meetings.MonthFigures::settled).sum());
  }

  private static YearMonth month(String field, String value, YearMonth fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ValidationException(List.of(new cn.yishi.domain.casefile.FieldError(field, "invalid", "月份格式应为 yyyy-MM")));
    }
  }

  record Ballot(String household, String token) {}

  @GetMapping("/api/votes/{voteId}/ballots")
  List<Ballot> ballots(@PathVariable long voteId) {
    caller.userId();
    try {
      return votes.sheets(voteId, caller.groups()).sheets().stream().map(b -> new Ballot(b.household(), b.token())).toList();
    } catch (ResidentVoteService.BallotsForbidden e) {
      throw new ApiErrors.Forbidden(e.getMessage());
    }
  }

  @GetMapping("/api/meetings/{meetingId}/objections")
  List<Meetings.Objection> objections(@PathVariable long meetingId) {
    caller.userId();
    if (!caller.inAny(List.of(cn.yishi.domain.directory.GroupIds.room(deliberations.meeting(meetingId).community()),
        cn.yishi.domain.directory.GroupIds.DISPATCH_CENTRE))) {
      throw new ApiErrors.Forbidden("只有本社区党群会客室和调度中心可以查看公示异议");
    }
    return publicity.objectionTexts(meetingId);
  }

  @GetMapping(value = "/public/resolutions/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  DeliberationQueries.PublicResolution resolution(@PathVariable String token) {
    return queries.publicResolution(token)
        .orElseThrow(() -> new ApiErrors.Refused(HttpStatus.NOT_FOUND, "token", "unknown", "公示不存在"));
  }

  record Objection(String content) {}

  @PostMapping(value = "/public/resolutions/{token}/objections", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> object(@PathVariable String token, @RequestBody(required = false) Objection body) {
    publicity.object(token, body == null ? null : body.content());
    return Map.of("message", "已收到您的意见，议事会将在公示期满后研究处理。");
  }

  @GetMapping(value = "/public/votes/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResidentVoteService.PublicVote vote(@PathVariable String token) {
    return votes.publicView(token);
  }

  /** 公开计票 of a community's resident votes: the turnout while open, the totals per option once counted. */
  @GetMapping(value = "/public/votes", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ResidentVoteService.PublicCount> counts(@RequestParam(required = false) String community) {
    if (community == null || community.isBlank() || directory.community(community.strip()).isEmpty()) {
      throw new ApiErrors.Refused(HttpStatus.NOT_FOUND, "community", "unknown", "社区不存在");
    }
    return votes.publicCounts(community.strip());
  }

  record Choice(String choice) {}

  @PostMapping(value = "/public/votes/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> cast(@PathVariable String token, @RequestBody(required = false) Choice body) {
    ResidentVoteService.Receipt r = votes.castOnline(token, body == null ? null : body.choice());
    return Map.of("message", "投票成功，感谢您的参与！每户只能投一票。", "choice", r.choice(), "castAt", r.castAt().toString(),
        "receiptNo", r.receiptNo());
  }

  /** Unknown token, meeting or vote 404; used token 409; expired 410; other input 400. */
  @ExceptionHandler(ValidationException.class)
  ResponseEntity<byte[]> refused(ValidationException e, jakarta.servlet.http.HttpServletRequest request) {
    HttpStatus status = e.errors().stream().filter(f -> List.of("token", "meetingId", "voteId").contains(f.field())).findFirst()
        .map(f -> switch (f.code()) {
          case "unknown" -> HttpStatus.NOT_FOUND;
          case "used" -> HttpStatus.CONFLICT;
          case "expired" -> HttpStatus.GONE;
          default -> HttpStatus.BAD_REQUEST;
        })
        .orElse(HttpStatus.BAD_REQUEST);
    return replies.reply(request, status, e.errors());
  }
}
