package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.CalendarYears;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.GroupIds;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar's years: the listing for the dispatch centre and admins, and loading a year's public
 * holidays and adjusted working days (the State Council's notice) for admins. The body is YAML in the format of the
 * calendar file ({@code calendar/cn-workdays.yaml}), UTF-8, whatever the content type says; a refusal lists every
 * problem with its line, and stores nothing.
 */
@RestController
@RequestMapping("/api/calendar/years")
class CalendarApi {
  private final CalendarYears years;
  private final Caller caller;

  CalendarApi(CalendarYears years, Caller caller) {
    this.years = years;
    this.caller = caller;
  }

  @GetMapping
  List<CalendarYears.YearView> list() {
    caller.userId();
    if (!caller.inAny(List.of(GroupIds.DISPATCH_CENTRE))) {
      throw new ApiErrors.Forbidden("只有调度中心和系统管理员可以查看工作日历");
    }
    return years.list();
  }

  /** 201 with the years loaded and every open deadline counted anew (before, after, changed). */
  @PostMapping
  ResponseEntity<CalendarYears.Loaded> load(@RequestBody(required = false) byte[] body) {
    caller.userId();
    if (!caller.isAdmin()) {
      throw new ApiErrors.Forbidden("只有系统管理员可以录入节假日安排");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(years.load(utf8(body), caller.userId()));
  }

  private static String utf8(byte[] body) {
    if (body == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new ValidationException(List.of(new FieldError("document", "encoding", "节假日安排应为 UTF-8 编码的文本")));
    }
  }
}
