package cn.yishi.application.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.port.ProxyProcesses;
import cn.yishi.application.port.ProxyStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.proxy.ProxyMode;
import cn.yishi.domain.proxy.ProxyServiceType;
import cn.yishi.domain.proxy.ProxyStatus;
import cn.yishi.support.ProcessTestEngine;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** ProxyRequests with its store and processes mocked: the refusals store nothing, the time limit, the rating rule. */
class ProxyRequestsTest {
  private static final ProxyServiceType ALLOWANCE = new ProxyServiceType("subsistence-allowance", "低保申请", "社会事务办", 5,
      List.of("居民身份证", "户口簿"), List.of("核对材料", "递交"));
  private final ProxyStore store = mock(ProxyStore.class);
  private final ProxyProcesses processes = mock(ProxyProcesses.class);
  private final ProxyRequests requests = new ProxyRequests(InMemoryProxyServiceList.catalogue(ALLOWANCE), store, processes,
      ApplicationFixtures.directory(), ProcessTestEngine.CALENDAR, ProcessTestEngine.CLOCK, "https://yishi.example/");

  private static ProxyStore.Request stored(ProxyStatus status) {
    return new ProxyStore.Request(3, "DB20260302-3", "tok", "subsistence-allowance", "hualin", "fengchuan", null, "PHONE",
        status, null, "pi-3", OffsetDateTime.now(ProcessTestEngine.CLOCK), OffsetDateTime.now(ProcessTestEngine.CLOCK).plusDays(7),
        false, null, null, null, ALLOWANCE);
  }

  private static List<String> fields(ValidationException e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void aPhoneRequestIsStoredWithTheTimeLimitInWorkingDaysAndItsProcessStarted() {
    when(store.insert(any(), anyString(), anyString())).thenReturn(stored(ProxyStatus.REQUESTED));
    when(processes.start(3, "DB20260302-3")).thenReturn("pi-3");

    ProxyRequests.Registered r = requests.submitFromPhone(new ProxyRequests.NewProxyRequest(" subsistence-allowance ", "hualin",
        " 御苑小区 ", " 王秀英 ", "13800001234"));

    ArgumentCaptor<ProxyStore.NewRequest> saved = ArgumentCaptor.forClass(ProxyStore.NewRequest.class);
    verify(store).insert(saved.capture(), eq("王秀英"), eq("13800001234"));
    // Monday 2 March 2026 09:00 + 5 working days: Monday 9 March, at the end of the day
    assertThat(saved.getValue().dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T18:00:00+08:00"));
    assertThat(saved.getValue().month()).isEqualTo("2026-03");
    assertThat(saved.getValue().street()).isEqualTo("fengchuan");
    assertThat(saved.getValue().compound()).isEqualTo("御苑小区");
    assertThat(saved.getValue().token()).hasSize(43).isEqualTo(r.token());
    verify(store).attachProcess(3, "pi-3");
  }

  @Test
  void anUnknownServiceCommunityNameOrPhoneIsRefusedAndNothingStored() {
    ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(() -> requests.submitFromPhone(
        new ProxyRequests.NewProxyRequest("passport", "atlantis", null, "", "123")));

    assertThat(fields(e)).containsExactlyInAnyOrder("serviceCode", "community", "residentName", "residentPhone");
    assertThat(e.errors().get(0).message()).isEqualTo("代办事项目录中没有该事项，请从目录中选择");
    verifyNoInteractions(store, processes);
  }

  @Test
  void theCheckRefusesAMissingDocumentOrModeAndStoresNothing() {
    when(store.find(3)).thenReturn(Optional.of(stored(ProxyStatus.REQUESTED)));

    assertThatThrownBy(() -> requests.checkDocuments(3, List.of("居民身份证"), null, "proxy.hualin"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(fields(e)).containsExactly("documentsChecked", "proxyMode");
          assertThat(e.errors().get(0).message()).contains("户口簿");
        });
    verify(store, never()).addStep(anyLong(), any());

    requests.checkDocuments(3, List.of("户口簿", "居民身份证"), "ASSISTED", "proxy.hualin");
    verify(store).mode(3, ProxyMode.ASSISTED);
    verify(store).status(3, ProxyStatus.IN_HAND);
  }

  @Test
  void aRatingOfThreeFinishesALowerOneSendsItBackAndOnlyAClosedRequestIsRated() {
    when(store.findByToken("tok")).thenReturn(Optional.of(stored(ProxyStatus.CLOSED)));
    when(processes.rated(eq("pi-3"), anyInt(), anyBoolean())).thenReturn(true);

    assertThat(requests.rate("tok", 3, null)).isTrue();
    verify(processes).rated("pi-3", 3, true);
    verify(store).status(3, ProxyStatus.DONE);
    assertThat(requests.rate("tok", 2, "没说清楚")).isFalse();
    verify(processes).rated("pi-3", 2, false);
    verify(store).status(3, ProxyStatus.REWORK);

    when(store.findByToken("tok")).thenReturn(Optional.of(stored(ProxyStatus.IN_HAND)));
    assertThatThrownBy(() -> requests.rate("tok", 5, null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("现在不能评价");
    assertThatThrownBy(() -> requests.rate("nope", 5, null)).isInstanceOf(ProxyRequests.UnknownRequest.class);
  }

  @Test
  void statisticsRefuseAMalformedMonth() {
    assertThatThrownBy(() -> requests.statistics("2026-13")).isInstanceOf(ValidationException.class);
    when(store.counts("2026-03")).thenReturn(List.of(new ProxyStore.Count("2026-03", "subsistence-allowance", "fengchuan", 4, 2, 1, 2, 1)));
    assertThat(requests.statistics("2026-03")).containsExactly(new ProxyRequests.CountLine("2026-03", "subsistence-allowance",
        "低保申请", "fengchuan", "冯川镇", 4, 2, 1, 2, 1));
  }

  @Test
  void aRequestKeepsTheServiceAsItStartedAndARetiredServiceIsNoLongerRequested() {
    ProxyServiceCatalogue catalogue = InMemoryProxyServiceList.catalogue(ALLOWANCE);
    ProxyRequests withCatalogue = new ProxyRequests(catalogue, store, processes, ApplicationFixtures.directory(),
        ProcessTestEngine.CALENDAR, ProcessTestEngine.CLOCK, "https://yishi.example/");
    when(store.insert(any(), anyString(), anyString())).thenReturn(stored(ProxyStatus.REQUESTED));
    when(processes.start(3, "DB20260302-3")).thenReturn("pi-3");
    withCatalogue.submitFromPhone(new ProxyRequests.NewProxyRequest("subsistence-allowance", "hualin", null, "王秀英", "13800001234"));
    ArgumentCaptor<ProxyStore.NewRequest> saved = ArgumentCaptor.forClass(ProxyStore.NewRequest.class);
    verify(store).insert(saved.capture(), anyString(), anyString());
    assertThat(saved.getValue().service()).isEqualTo(ALLOWANCE);
    assertThat(saved.getValue().serviceVersion()).isZero();

    ProxyServiceCatalogue.Staff dispatch = new ProxyServiceCatalogue.Staff("dispatch", List.of("dispatch-centre"));
    catalogue.edit(dispatch, "subsistence-allowance", 0, new cn.yishi.domain.proxy.ProxyServiceDraft(null, "低保申请",
        "社会事务办", 10, List.of("居民身份证\n户口簿\n授权书"), List.of("递交")));
    when(store.find(3)).thenReturn(Optional.of(stored(ProxyStatus.REQUESTED)));
    // the running request checks the documents it started with (two), not the edited list (three)
    withCatalogue.checkDocuments(3, List.of("居民身份证", "户口簿"), "ON_SITE", "proxy.hualin");
    assertThat(withCatalogue.routing(3).documents()).containsExactly("居民身份证", "户口簿");

    catalogue.retire(dispatch, "subsistence-allowance");
    assertThat(withCatalogue.services()).isEmpty();
    assertThatThrownBy(() -> withCatalogue.submitFromPhone(new ProxyRequests.NewProxyRequest("subsistence-allowance", "hualin",
        null, "王秀英", "13800001234"))).isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(fields(e)).containsExactly("serviceCode"));
  }
}
