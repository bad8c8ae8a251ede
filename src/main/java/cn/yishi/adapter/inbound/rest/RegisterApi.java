package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.HouseholdRegisterService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.deliberation.RegisterImport;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 住户名册 for the community's staff (Tasklist's 住户名册 dialog, yishi-votes.js): the compounds of their communities with
 * households and area, the electorates a vote can have, one compound's households, and the upload of a CSV file that
 * replaces the registers of the compounds it names. An upload with any bad line is refused line by line (400, one error
 * per line) and stores nothing. Only the community's 两委 and 党群会客室 (and admins); others 403.
 */
@RestController
@RequestMapping("/api/registers")
class RegisterApi {
  private final HouseholdRegisterService registers;
  private final Caller caller;
  private final ErrorReplies replies;

  RegisterApi(HouseholdRegisterService registers, Caller caller, ErrorReplies replies) {
    this.registers = registers;
    this.caller = caller;
    this.replies = replies;
  }

  record Community(String code, String name, List<HouseholdRegisterService.Option> electorates) {}

  record Upload(String csv) {}

  record Line(int number, boolean accepted, String message) {}

  record Uploaded(List<Line> lines, List<HouseholdRegisterService.Option> compounds) {}

  record Entry(String building, String unit, String household, BigDecimal area) {}

  /** The caller's communities, each with the electorates of its register (compound, building, unit). */
  @GetMapping
  List<Community> communities() {
    caller.userId();
    List<Community> mine = registers.communitiesOf(caller.groups()).stream()
        .map(c -> new Community(c.code(), c.name(), registers.electorates(c.code()))).toList();
    if (mine.isEmpty()) {
      throw new ApiErrors.Forbidden("只有社区两委和党群会客室可以查看和修改住户名册");
    }
    return mine;
  }

  @GetMapping("/{compound}")
  List<Entry> households(@PathVariable String compound) {
    caller.userId();
    try {
      return registers.register(compound, caller.groups()).stream()
          .map((Household h) -> new Entry(h.building(), h.unit(), h.household(), h.area())).toList();
    } catch (HouseholdRegisterService.RegisterForbidden e) {
      throw new ApiErrors.Forbidden(e.getMessage());
    }
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  Uploaded upload(@RequestBody(required = false) Upload body) {
    String user = caller.userId();
    if (registers.communitiesOf(caller.groups()).isEmpty()) {
      throw new ApiErrors.Forbidden("只有社区两委和党群会客室可以查看和修改住户名册");
    }
    if (body == null || body.csv() == null || body.csv().isBlank()) {
      throw new ValidationException(List.of(new FieldError("csv", "required", "请选择要上传的住户名册 CSV 文件")));
    }
    if (body.csv().length() > 2_000_000) {
      throw new ValidationException(List.of(new FieldError("csv", "too_large", "文件过大：每次最多 2MB")));
    }
    HouseholdRegisterService.Imported imported = registers.upload(body.csv(), caller.groups(), user);
    return new Uploaded(lines(imported.lines()), imported.compounds());
  }

  private List<Line> lines(List<RegisterImport.Line> lines) {
    return lines.stream().map(l -> new Line(l.number(), l.accepted(), l.household() == null ? l.message()
        : registers.compoundName(l.household().compound()) + " " + l.household().building() + "栋" + l.household().unit() + "单元 "
            + l.household().household() + "，面积 " + l.household().area().toPlainString() + " 平方米")).toList();
  }

  /** Every refused line is one error {@code line[n]}; nothing was stored. */
  @ExceptionHandler(HouseholdRegisterService.RegisterRefused.class)
  ResponseEntity<byte[]> refused(HouseholdRegisterService.RegisterRefused e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.BAD_REQUEST, e.lines().stream()
        .filter(l -> !l.accepted())
        .map(l -> new FieldError("line[" + l.number() + "]", "refused", "第" + l.number() + "行：" + l.message()))
        .toList());
  }
}
