package cn.yishi.adapter.outbound.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.domain.casefile.ScreeningFacts;
import cn.yishi.domain.casefile.Suggestion;
import cn.yishi.domain.casefile.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decision results are reused for the same inputs for a limited time, never beyond it. */
class CamundaDecisionsTest {
  private final DecisionService decisions = mock(DecisionService.class, RETURNS_DEEP_STUBS);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T01:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @BeforeEach
  void tables() {
    DmnDecisionResultEntries admissibility = mock(DmnDecisionResultEntries.class);
    when(admissibility.get("suggestedAdmissible")).thenReturn(true);
    when(admissibility.get("ground")).thenReturn("PUBLIC_FACILITIES");
    DmnDecisionResultEntries triage = mock(DmnDecisionResultEntries.class);
    when(triage.get("urgency")).thenReturn("GREEN");
    when(triage.get("tier")).thenReturn("STATION");
    when(triage.get("disposal")).thenReturn("IMMEDIATE");
    when(triage.get("responseDays")).thenReturn(1);
    when(triage.get("resolutionDays")).thenReturn(3);
    when(decisions.evaluateDecisionByKey(DecisionTables.Admissibility.KEY).variables(any()).evaluate().getSingleResult())
        .thenReturn(admissibility);
    when(decisions.evaluateDecisionByKey(DecisionTables.Triage.KEY).variables(any()).evaluate().getSingleResult())
        .thenReturn(triage);
    clearInvocations(decisions);
  }

  @Test
  void theSameInputsWithinTheTtlAreEvaluatedOnce() {
    CamundaDecisions d = new CamundaDecisions(decisions, org.mockito.Mockito.mock(org.camunda.bpm.engine.IdentityService.class), clock, Duration.ofMinutes(1));
    Suggestion first = d.suggest("streetlight", 3, ScreeningFacts.NONE);
    Suggestion second = d.suggest("streetlight", 3, ScreeningFacts.NONE);
    d.suggest("streetlight", 60, ScreeningFacts.NONE);

    assertThat(second).isEqualTo(first);
    assertThat(first.classification().tier()).isEqualTo(Tier.STATION);
    assertThat(first.resolutionDays()).isEqualTo(3);
    // both tables for (streetlight, 3) once, and again for (streetlight, 60)
    verify(decisions, times(4)).evaluateDecisionByKey(anyString());
  }

  @Test
  void afterTheTtlTheTablesAreEvaluatedAgain() {
    CamundaDecisions d = new CamundaDecisions(decisions, org.mockito.Mockito.mock(org.camunda.bpm.engine.IdentityService.class), clock, Duration.ofMinutes(1));
    d.suggest("noise", null, ScreeningFacts.NONE);
    now.set(now.get().plusSeconds(61));
    d.suggest("noise", null, ScreeningFacts.NONE);

    verify(decisions, times(4)).evaluateDecisionByKey(anyString());
  }

  @Test
  void aZeroTtlEvaluatesEveryTime() {
    CamundaDecisions d = new CamundaDecisions(decisions, org.mockito.Mockito.mock(org.camunda.bpm.engine.IdentityService.class), clock, Duration.ZERO);
    d.suggest("noise", 1, ScreeningFacts.NONE);
    d.suggest("noise", 1, ScreeningFacts.NONE);

    verify(decisions, times(4)).evaluateDecisionByKey(anyString());
  }
}
