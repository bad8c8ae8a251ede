package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.MicroGrids;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 院坝管理 for the township and the community (the Tasklist page of {@code yishi-microgrids.js}): the 院坝 of a village
 * or community with their 一长三员 and the history of each role, adding a 院坝, assigning or replacing a holder.
 */
@RestController
@RequestMapping("/api/microgrids")
class MicroGridApi {
  private final MicroGrids grids;
  private final Caller caller;
  private final ErrorReplies replies;

  MicroGridApi(MicroGrids grids, Caller caller, ErrorReplies replies) {
    this.grids = grids;
    this.caller = caller;
    this.replies = replies;
  }

  record NewGrid(String community, String name, String area) {}

  record NewHolder(String role, String name, String phone, String userId, String from, String reason, String note) {}

  @GetMapping("/communities")
  List<MicroGrids.CommunityView> communities() {
    return grids.communities(who());
  }

  @GetMapping
  List<MicroGrids.GridView> list(@RequestParam(required = false) String community) {
    return grids.list(community, who());
  }

  @PostMapping
  ResponseEntity<MicroGrids.GridView> add(@RequestBody(required = false) NewGrid body) {
    MicroGrids.Maintainer who = who();
    NewGrid b = body == null ? new NewGrid(null, null, null) : body;
    return ResponseEntity.status(HttpStatus.CREATED).body(grids.add(b.community(), b.name(), b.area(), who));
  }

  @PostMapping("/{code}/holders")
  MicroGrids.GridView assign(@PathVariable String code, @RequestBody(required = false) NewHolder body) {
    MicroGrids.Maintainer who = who();
    NewHolder b = body == null ? new NewHolder(null, null, null, null, null, null, null) : body;
    return grids.assign(code, b.role(), b.name(), b.phone(), b.userId(), date(b.from()), b.reason(), b.note(), who);
  }

  @ExceptionHandler(MicroGrids.Refused.class)
  ResponseEntity<byte[]> refused(MicroGrids.Refused e, HttpServletRequest request) {
    return switch (e.reason()) {
      case NOT_FOUND -> replies.reply(request, HttpStatus.NOT_FOUND, "code", "not_found", e.getMessage());
      case FORBIDDEN -> replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
    };
  }

  private MicroGrids.Maintainer who() {
    String user = caller.userId();
    if (!caller.isStaff()) {
      throw new ApiErrors.Forbidden("接入渠道账号不能管理院坝");
    }
    return new MicroGrids.Maintainer(user, caller.groups(), caller.isAdmin());
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ValidationException(List.of(new FieldError("from", "invalid", "任职日期格式应为 年-月-日，如 2026-12-06")));
    }
  }
}
