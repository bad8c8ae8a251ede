package cn.yishi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.variable.ProcessVariable;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The message a person reads in the webapps when the engine API refuses: Chinese only, no English prefix, no codes. */
class WebappErrorMessagesTest {

  /** As Tasklist's submit-form gets it: the REST layer's English prefix around our form refusal. */
  private static RestException submitRefused(ValidationException refusal) {
    FormFieldValidationException form = ProcessVariable.badInput(refusal);
    return new RestException(Response.Status.BAD_REQUEST, form, "Cannot submit task form 1f3c-77: " + form.getMessage());
  }

  @Test
  void aFormRefusalReadsAsItsChineseReasonsWithoutPrefixOrFieldCodes() {
    RestException e = submitRefused(new ValidationException(List.of(
        new FieldError("externalId", "registered", "工单号 2026123 已登记为办件 FX-2026-000001，请勿重复登记"),
        new FieldError("title", "required", "请填写标题"))));
    assertThat(e.getMessage()).startsWith("Cannot submit task form");

    assertThat(WebappErrorMessages.forPerson(e, 400))
        .isEqualTo("工单号 2026123 已登记为办件 FX-2026-000001，请勿重复登记；请填写标题");
  }

  @Test
  void aStartFormRefusalLosesTheInstantiatePrefix() {
    FormFieldValidationException form = ProcessVariable.badInput(
        new ValidationException(List.of(new FieldError("externalId", "required", "请填写12345工单号"))));
    RestException e = new RestException(Response.Status.BAD_REQUEST, form,
        "Cannot instantiate process definition issueLifecycle:3:abc: " + form.getMessage());

    assertThat(WebappErrorMessages.forPerson(e, 400)).isEqualTo("请填写12345工单号");
  }

  @Test
  void anotherChineseMessageKeepsItsTextButNotTheEnglishBeforeIt() {
    ProcessEngineException inner = new ProcessEngineException("输入有误：handlingNote: 请填写办理情况");
    RestException e = new RestException(Response.Status.BAD_REQUEST, inner, "Cannot complete task 9: " + inner.getMessage());
    assertThat(WebappErrorMessages.forPerson(e, 400)).isEqualTo("输入有误：请填写办理情况");

    assertThat(WebappErrorMessages.withoutCodes("Cannot submit task form 1f3c-77: 该任务已办结")).isEqualTo("该任务已办结");
  }

  @Test
  void theEnginesOwnRefusalsReadInChinese() {
    assertThat(WebappErrorMessages.forPerson(new InvalidRequestException(Response.Status.BAD_REQUEST,
        "No matching process definition with id: issueLifecycle:9:x"), 400)).isEqualTo("找不到该流程，或您没有发起它的权限。");
    assertThat(WebappErrorMessages.forPerson(new TaskAlreadyClaimedException("t1", "someone"), 409)).isEqualTo("该任务已被他人认领。");
    assertThat(WebappErrorMessages.forPerson(new OptimisticLockingException("Entity was updated by another transaction"), 409))
        .isEqualTo("该内容刚被他人改动，请刷新后重试。");
    assertThat(WebappErrorMessages.forPerson(new AuthorizationException(
        "The user with id 'grid.hualin' does not have 'CREATE' permission on resource 'ProcessInstance'."), 403))
        .isEqualTo("您没有执行此操作的权限。");
    assertThat(WebappErrorMessages.forPerson(new NotFoundException("Cannot find task with id 42: task is null"), 404))
        .isEqualTo("找不到该任务，它可能已被他人办理。");
    assertThat(WebappErrorMessages.forPerson(new ProcessEngineException("Password does not match policy"), 400))
        .isEqualTo("密码不符合密码规则。");
    assertThat(WebappErrorMessages.forPerson(new ProcessEngineException(
        "Cannot submit task form 5: form field 'x': validation of required failed."), 400)).isEqualTo("有必填项未填写。");
    assertThat(WebappErrorMessages.forPerson(new ProcessEngineException("ProcessInstance with id 7 is suspended"), 400))
        .isEqualTo("该流程已暂停，暂时不能办理。");
    assertThat(WebappErrorMessages.forPerson(new FormFieldValidationException("x", "Unknown trouble"), 400))
        .isEqualTo("表单填写有误，请检查后重新提交。");
    assertThat(WebappErrorMessages.forPerson(new NotFoundException("Resource gone"), 404))
        .isEqualTo("找不到所要的内容，它可能已被办理或删除。");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 406, 409, 413, 415, 418, 500, 503})
  void anythingElseReadsAsAChineseSentenceForItsStatus(int status) {
    String message = WebappErrorMessages.forPerson(new IllegalStateException("Something odd happened"), status);
    assertThat(message).matches("[^A-Za-z]+").matches(".*\\p{IsHan}.*");
  }

  @Test
  void theWebappsGetTheChineseMessageWithTheSameStatusAndTypeWhileEngineRestKeepsTheEnginesMessage() {
    RestException e = submitRefused(new ValidationException(List.of(new FieldError("externalId", "required", "请填写12345工单号"))));

    Response webapp = EngineRestErrors.answer(e, null, true);
    Response api = EngineRestErrors.answer(e, null, false);

    assertThat(webapp.getStatus()).isEqualTo(400).isEqualTo(api.getStatus());
    ExceptionDto forPerson = (ExceptionDto) webapp.getEntity();
    ExceptionDto forClient = (ExceptionDto) api.getEntity();
    assertThat(forPerson.getMessage()).isEqualTo("请填写12345工单号");
    assertThat(forPerson.getType()).isEqualTo(forClient.getType()).isEqualTo("RestException");
    assertThat(forClient.getMessage()).startsWith("Cannot submit task form 1f3c-77: ").contains("请填写12345工单号");
  }

  @Test
  void theWebappMappersAreTheEngineRestMappersForTheSameTypes() {
    assertThat(EngineRestErrors.WEBAPP_MAPPERS).hasSameSizeAs(EngineRestErrors.MAPPERS);
    for (int i = 0; i < EngineRestErrors.MAPPERS.size(); i++) {
      assertThat(EngineRestErrors.WEBAPP_MAPPERS.get(i).getSuperclass()).isEqualTo(EngineRestErrors.MAPPERS.get(i));
    }
  }
}
