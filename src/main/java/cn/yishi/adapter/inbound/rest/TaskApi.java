package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.StaffTasks;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Tasklist panels' API (scripts/yishi-task-panels.js): what a task offers its handler, progress notes on handling
 * and implementation tasks, and the reporter's contact on the follow-up visit. Tasklist calls it with the webapp
 * session and its CSRF token; only the task's handlers get an answer.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskApi {
  private final StaffTasks tasks;
  private final Caller caller;

  TaskApi(StaffTasks tasks, Caller caller) {
    this.tasks = tasks;
    this.caller = caller;
  }

  @GetMapping("/{taskId}/panels")
  StaffTasks.Panels panels(@PathVariable String taskId) {
    return tasks.panels(taskId, caller.userId(), caller.groups());
  }

  /** {@code public}: true (default) shows the note on the public case page, false keeps it for staff. */
  record ProgressBody(String note, @JsonProperty("public") Boolean publicNote) {}

  @PostMapping("/{taskId}/progress")
  ResponseEntity<Map<String, String>> progress(@PathVariable String taskId, @RequestBody(required = false) ProgressBody body) {
    String user = caller.userId();
    boolean publicNote = body == null || body.publicNote() == null || body.publicNote();
    tasks.progress(taskId, body == null ? null : body.note(), publicNote, user, caller.groups());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("status", "RECORDED", "public", String.valueOf(publicNote)));
  }

  /** The reporter's name and phone, never cached by the browser. */
  @GetMapping("/{taskId}/visit-contact")
  ResponseEntity<StaffTasks.VisitContact> visitContact(@PathVariable String taskId) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(tasks.visitContact(taskId, caller.userId(), caller.groups()));
  }
}
