package cn.yishi.application.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.port.ProxyStartForm;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.proxy.ProxyCatalogue;
import cn.yishi.domain.proxy.ProxyServiceDraft;
import cn.yishi.domain.proxy.ProxyServiceEntry;
import cn.yishi.domain.proxy.ProxyServiceType;
import cn.yishi.support.ProcessTestEngine;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The 代办事项清单 maintained while running: who, the per-field refusals, stale edits, retirement, the one-time seed. */
class ProxyServiceCatalogueTest {
  private static final ProxyServiceType ALLOWANCE = new ProxyServiceType("subsistence-allowance", "低保申请",
      "乡镇（街道）社会事务办", 30, List.of("居民身份证", "户口簿"), List.of("核对材料", "递交"));
  private static final ProxyCatalogue FILE = new ProxyCatalogue(List.of(ALLOWANCE));
  private static final ProxyServiceCatalogue.Staff DISPATCH = new ProxyServiceCatalogue.Staff("dispatch", List.of("dispatch-centre"));
  private static final ProxyServiceCatalogue.Staff STREET = new ProxyServiceCatalogue.Staff("street.fengchuan", List.of("street-fengchuan"));
  private static final ProxyServiceCatalogue.Staff AGENT = new ProxyServiceCatalogue.Staff("proxy.hualin", List.of("hualin-proxy"));
  private static final ProxyServiceCatalogue.Staff UNIT = new ProxyServiceCatalogue.Staff("unit.housing", List.of("unit-housing"));

  private final InMemoryProxyServiceList list = new InMemoryProxyServiceList();
  private final AtomicInteger formDeployments = new AtomicInteger();
  private final ProxyServiceCatalogue catalogue;

  ProxyServiceCatalogueTest() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("startForm", (ProxyStartForm) formDeployments::incrementAndGet);
    catalogue = new ProxyServiceCatalogue(list, ApplicationFixtures.directory(), ProcessTestEngine.CLOCK,
        beans.getBeanProvider(ProxyStartForm.class));
    catalogue.seed(FILE);
  }

  private static ProxyServiceDraft draft(String code, String name, String office, Integer days, String documents) {
    return new ProxyServiceDraft(code, name, office, days, documents == null ? null : List.of(documents),
        List.of("核对材料\n递交窗口"));
  }

  private static List<String> codes(ValidationException e) {
    return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
  }

  @Test
  void theFileIsCopiedOnceWithItsOfficesAndTheDirectorysDepartments() {
    assertThat(catalogue.seed(FILE)).isZero();
    assertThat(catalogue.active()).containsExactly(ALLOWANCE);
    assertThat(catalogue.offices(DISPATCH)).containsExactly("乡镇（街道）社会事务办", "县供水公司", "县公路局");
  }

  @Test
  void theDispatchCentreAddsAServiceWithDocumentsOneALineAndTheStartFormIsDeployedAnew() {
    ProxyServiceEntry e = catalogue.add(DISPATCH, draft(" elderly-allowance ", " 高龄津贴申领 ", "县公路局", 15,
        "老人居民身份证\n户口簿\n\n银行卡\n户口簿"));

    assertThat(e.active()).isTrue();
    assertThat(e.version()).isZero();
    assertThat(e.service().documents()).containsExactly("老人居民身份证", "户口簿", "银行卡");
    assertThat(e.service().steps()).containsExactly("核对材料", "递交窗口");
    assertThat(catalogue.active()).extracting(ProxyServiceType::code).containsExactly("subsistence-allowance", "elderly-allowance");
    assertThat(formDeployments).hasValue(1);
    assertThat(list.locks).isEqualTo(1);
    assertThat(list.changes("elderly-allowance")).extracting(c -> c.action() + "/" + c.changedBy()).containsExactly("ADDED/dispatch");
  }

  @Test
  void everyWrongFieldIsRefusedAtOnceInChineseAndNothingIsStored() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> catalogue.add(DISPATCH, draft("高龄", " ", "县不存在局", 61, null)));

    assertThat(codes(e)).containsExactly("code:invalid", "name:required", "office:unknown", "timeLimitDays:out_of_range",
        "documents:required");
    assertThat(e.errors()).extracting(FieldError::message).contains("请填写事项名称", "办理时限应在1到60个工作日之间",
        "请至少填写一项办理要件（每行一项）", "办理部门“县不存在局”不在部门名单中，请从名单中选择");
    assertThat(codes(catchThrowableOfType(ValidationException.class,
        () -> catalogue.add(DISPATCH, draft("x", "甲", null, 0, "身份证")))))
        .containsExactly("office:required", "timeLimitDays:out_of_range");
    assertThat(codes(catchThrowableOfType(ValidationException.class,
        () -> catalogue.add(DISPATCH, new ProxyServiceDraft(null, "甲", "县公路局", null, List.of("身份证"), List.of())))))
        .containsExactly("code:required", "timeLimitDays:required", "steps:required");
    assertThat(codes(catchThrowableOfType(ValidationException.class,
        () -> catalogue.add(DISPATCH, draft("subsistence-allowance", "低保", "县公路局", 10, "身份证")))))
        .containsExactly("code:duplicate");
    assertThat(codes(catchThrowableOfType(ValidationException.class,
        () -> catalogue.add(DISPATCH, draft("y", "甲\u0000", "县公路局", 10, "身份证")))))
        .containsExactly("name:invalid_character");
    assertThat(catalogue.active()).containsExactly(ALLOWANCE);
    assertThat(formDeployments).hasValue(0);
  }

  @Test
  void anEditNamesTheVersionItReadAndAStaleOneIsRefused() {
    ProxyServiceEntry edited = catalogue.edit(DISPATCH, "subsistence-allowance", 0,
        draft("ignored", "低保申请", "县公路局", 20, "居民身份证\n户口簿\n授权书"));
    assertThat(edited.version()).isEqualTo(1);
    assertThat(edited.code()).isEqualTo("subsistence-allowance");
    assertThat(edited.service().timeLimitDays()).isEqualTo(20);

    assertThatThrownBy(() -> catalogue.edit(DISPATCH, "subsistence-allowance", 0, draft(null, "低保", "县公路局", 20, "身份证")))
        .isInstanceOf(ProxyServiceCatalogue.Stale.class).hasMessage("这一项已被他人修改或停用，请刷新后重试");
    assertThat(codes(catchThrowableOfType(ValidationException.class,
        () -> catalogue.edit(DISPATCH, "subsistence-allowance", null, draft(null, "低保", "县公路局", 20, "身份证")))))
        .containsExactly("version:required");
    assertThat(codes(catchThrowableOfType(ValidationException.class,
        () -> catalogue.edit(DISPATCH, "subsistence-allowance", 1, draft(null, "低保", "县公路局", 90, "身份证")))))
        .containsExactly("timeLimitDays:out_of_range");
    assertThatThrownBy(() -> catalogue.edit(DISPATCH, "passport", 0, draft(null, "护照", "县公路局", 5, "身份证")))
        .isInstanceOf(ProxyServiceCatalogue.NotFound.class);
    assertThat(catalogue.find("subsistence-allowance").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void aRetiredServiceIsNoLongerOfferedNorEditableAndKeepsItsHistory() {
    catalogue.retire(DISPATCH, "subsistence-allowance");

    assertThat(catalogue.active()).isEmpty();
    assertThat(catalogue.findActive("subsistence-allowance")).isEmpty();
    assertThat(catalogue.all(STREET)).singleElement().satisfies(e -> assertThat(e.active()).isFalse());
    assertThatThrownBy(() -> catalogue.retire(DISPATCH, "subsistence-allowance")).isInstanceOf(ProxyServiceCatalogue.Stale.class);
    assertThatThrownBy(() -> catalogue.edit(DISPATCH, "subsistence-allowance", 1, draft(null, "低保", "县公路局", 5, "身份证")))
        .isInstanceOf(ProxyServiceCatalogue.Stale.class);
    assertThat(catalogue.changes(STREET, "subsistence-allowance")).extracting(c -> c.action())
        .containsExactly("ADDED", "RETIRED");
  }

  @Test
  void streetStaffAndAgentsReadTheListOnlyTheDispatchCentreChangesItOthersAreRefused() {
    assertThat(catalogue.all(STREET)).hasSize(1);
    assertThat(catalogue.all(AGENT)).hasSize(1);
    assertThat(catalogue.maintains(STREET)).isFalse();
    assertThatThrownBy(() -> catalogue.add(STREET, draft("x", "甲", "县公路局", 5, "身份证")))
        .isInstanceOf(ProxyServiceCatalogue.Refused.class).hasMessage("代办事项清单由调度中心统一维护，您可以查看，不能修改");
    assertThatThrownBy(() -> catalogue.retire(AGENT, "subsistence-allowance")).isInstanceOf(ProxyServiceCatalogue.Refused.class);
    assertThatThrownBy(() -> catalogue.all(UNIT)).isInstanceOf(ProxyServiceCatalogue.Refused.class)
        .hasMessage("只有调度中心、街道（乡镇）工作人员和代办员可以查看代办事项清单");
    assertThatThrownBy(() -> catalogue.addOffice(STREET, "县医保局")).isInstanceOf(ProxyServiceCatalogue.Refused.class);
    assertThat(catalogue.active()).containsExactly(ALLOWANCE);
  }

  @Test
  void anOfficeIsAddedOnceAndThenOffered() {
    assertThat(catalogue.addOffice(DISPATCH, " 县医疗保障局服务窗口 ")).contains("县医疗保障局服务窗口");
    assertThat(codes(catchThrowableOfType(ValidationException.class, () -> catalogue.addOffice(DISPATCH, "县医疗保障局服务窗口"))))
        .containsExactly("office:duplicate");
    assertThat(codes(catchThrowableOfType(ValidationException.class, () -> catalogue.addOffice(DISPATCH, "  "))))
        .containsExactly("office:required");
    assertThat(codes(catchThrowableOfType(ValidationException.class, () -> catalogue.addOffice(DISPATCH, "局".repeat(101)))))
        .containsExactly("office:too_long");
    assertThat(catalogue.add(DISPATCH, draft("medical", "医保报销", "县医疗保障局服务窗口", 15, "医保卡")).active()).isTrue();
  }
}
