package cn.yishi.domain.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks of each step of a deliberation, one refusal at a time, and the minutes' refusals all at once. */
class MeetingRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  private final MeetingRules rules = new MeetingRules(Set.of("hualin", "shengdian")::contains, Set.of("housing", "property-hualin")::contains);

  private static List<FieldError> refusal(Runnable check) {
    ValidationException e = catchThrowableOfType(ValidationException.class, check::run);
    assertThat(e).as("refused").isNotNull();
    return e.errors();
  }

  private static void refusedWith(Runnable check, String field, String code) {
    assertThat(refusal(check)).extracting(FieldError::field, FieldError::code).containsExactly(tuple(field, code));
  }

  @Nested
  class Topic {
    @Test
    void aKnownCommunityWithTitleAndUrgencyOrNoUrgencyIsAccepted() {
      assertThatCode(() -> rules.checkTopic("hualin", "加装电梯", "RED")).doesNotThrowAnyException();
      assertThatCode(() -> rules.checkTopic("hualin", "t".repeat(200), null)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownOrMissingCommunityIsRefused() {
      refusedWith(() -> rules.checkTopic("nowhere", "加装电梯", "GREEN"), "community", "unknown");
      refusedWith(() -> rules.checkTopic(null, "加装电梯", "GREEN"), "community", "unknown");
    }

    @Test
    void anEmptyMissingOrTooLongTitleIsRefused() {
      refusedWith(() -> rules.checkTopic("hualin", "", "GREEN"), "title", "required");
      refusedWith(() -> rules.checkTopic("hualin", null, "GREEN"), "title", "required");
      refusedWith(() -> rules.checkTopic("hualin", "t".repeat(201), "GREEN"), "title", "required");
    }

    @Test
    void anUrgencyOtherThanRedYellowGreenIsRefused() {
      refusedWith(() -> rules.checkTopic("hualin", "加装电梯", "BLUE"), "urgency", "unknown");
    }

    @Test
    void everyRefusalOfTheTopicAtOnce() {
      assertThat(refusal(() -> rules.checkTopic("nowhere", "", "BLUE"))).extracting(FieldError::field)
          .containsExactly("community", "title", "urgency");
    }
  }

  @Nested
  class PauseAndTexts {
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aPauseWithoutReasonIsRefused(String reason) {
      refusedWith(() -> rules.pauseReason(reason), "pauseReason", "required");
    }

    @Test
    void aPauseReasonIsStrippedAndAtMostAThousandCharacters() {
      assertThat(rules.pauseReason("  业主意见分歧较大 ")).isEqualTo("业主意见分歧较大");
      assertThat(rules.pauseReason("r".repeat(1000))).hasSize(1000);
      refusedWith(() -> rules.pauseReason("r".repeat(1001)), "pauseReason", "required");
    }

    @Test
    void thePositionOfAPartyOfTheMeeting() {
      List<String> parties = List.of("hualin-community", "hualin-owners");
      assertThat(rules.position(" 同意加装 ", "hualin-owners", parties)).isEqualTo("同意加装");
      refusedWith(() -> rules.position(" ", "hualin-owners", parties), "position", "required");
      refusedWith(() -> rules.position("p".repeat(2001), "hualin-owners", parties), "position", "required");
      refusedWith(() -> rules.position("同意", "shengdian-owners", parties), "partyGroup", "unknown");
      refusedWith(() -> rules.position("同意", null, parties), "partyGroup", "unknown");
    }

    @Test
    void theProblemList() {
      assertThat(rules.problemList(" 电梯资金不足 ")).isEqualTo("电梯资金不足");
      refusedWith(() -> rules.problemList(null), "problemList", "required");
      refusedWith(() -> rules.problemList("p".repeat(4001)), "problemList", "required");
    }

    @Test
    void theExpertReviewNeedsAConclusionAndAnOpinion() {
      assertThat(rules.expertOpinion(false, " 资金来源不合规 ")).isEqualTo("资金来源不合规");
      refusedWith(() -> rules.expertOpinion(null, "合法合理"), "expertApproved", "required");
      refusedWith(() -> rules.expertOpinion(true, ""), "expertOpinion", "required");
      refusedWith(() -> rules.expertOpinion(true, "o".repeat(2001)), "expertOpinion", "required");
    }

    @Test
    void theCompletionNote() {
      assertThat(rules.completionNote(" 已完成 ")).isEqualTo("已完成");
      refusedWith(() -> rules.completionNote(null), "progressNote", "required");
      refusedWith(() -> rules.completionNote("n".repeat(2001)), "progressNote", "required");
    }
  }

  @Nested
  class Minutes {
    private List<MeetingMinutes.Item> items = new ArrayList<>(List.of(
        new MeetingMinutes.Item("housing", " 出具加装电梯审批意见 ", "2026-04-30"),
        new MeetingMinutes.Item("property-hualin", "协调施工时间", "2026-03-10T00:00:00+08:00")));
    private Integer participants = 23;
    private String attendees = "社区书记、业委会、物业、居民代表";
    private String summary = "同意加装，费用按楼层分摊";

    private MeetingMinutes minutes() {
      return new MeetingMinutes(false, null, true, attendees, participants, "一人一次发言", "三栋加装电梯", summary, items,
          "物业协调，住建局审批");
    }

    private List<ResolutionItem> check() {
      return rules.resolutionList(minutes(), TODAY);
    }

    @Test
    void aCompleteRecordGivesItsItemsCheckedWithTheirDays() {
      assertThat(check()).containsExactly(
          new ResolutionItem("housing", "出具加装电梯审批意见", LocalDate.of(2026, 4, 30)),
          new ResolutionItem("property-hualin", "协调施工时间", TODAY));
    }

    @Test
    void participantsFromOneToTenThousand() {
      for (Integer n : new Integer[] {null, 0, 10_001}) {
        participants = n;
        refusedWith(this::check, "participants", "out_of_range");
      }
      participants = 10_000;
      assertThat(check()).hasSize(2);
    }

    @Test
    void aMissingTextIsRequiredAndALongOneTooLong() {
      attendees = " ";
      refusedWith(this::check, "attendees", "required");
      attendees = "a".repeat(2001);
      refusedWith(this::check, "attendees", "too_long");
      attendees = "a";
      summary = "s".repeat(4001);
      refusedWith(this::check, "summary", "too_long");
      summary = "s".repeat(4000);
      assertThat(check()).hasSize(2);
    }

    @Test
    void everyMissingTextAtOnce() {
      MeetingMinutes empty = new MeetingMinutes(false, null, null, null, 5, "", null, " ", items, null);
      assertThat(refusal(() -> rules.resolutionList(empty, TODAY))).extracting(FieldError::field, FieldError::code)
          .containsExactly(tuple("attendees", "required"), tuple("groundRules", "required"), tuple("topic", "required"),
              tuple("summary", "required"), tuple("responsibilities", "required"));
    }

    @Test
    void noItemsOrMoreThanThirtyAreRefused() {
      items = null;
      refusedWith(this::check, "resolutionItems", "required");
      items = List.of();
      refusedWith(this::check, "resolutionItems", "required");
      items = Collections.nCopies(MeetingRules.MAX_ITEMS + 1, new MeetingMinutes.Item("housing", "措施", "2026-04-30"));
      refusedWith(this::check, "resolutionItems", "required");
      items = Collections.nCopies(MeetingRules.MAX_ITEMS, new MeetingMinutes.Item("housing", "措施", "2026-04-30"));
      assertThat(check()).hasSize(MeetingRules.MAX_ITEMS);
    }

    @Test
    void eachItemNeedsAKnownUnitAMeasureAndADeadlineFromToday() {
      items = List.of(
          new MeetingMinutes.Item("nobody", "措施", "2026-04-30"),
          new MeetingMinutes.Item(null, "措施", "2026-04-30"),
          new MeetingMinutes.Item("housing", " ", "2026-04-30"),
          new MeetingMinutes.Item("housing", "m".repeat(1001), "2026-04-30"),
          new MeetingMinutes.Item("housing", "措施", "2026-03-09"),
          new MeetingMinutes.Item("housing", "措施", "下个月"),
          new MeetingMinutes.Item("housing", "措施", null));
      List<FieldError> errors = refusal(this::check);
      assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
          tuple("resolutionItems[0].unit", "unknown"),
          tuple("resolutionItems[1].unit", "unknown"),
          tuple("resolutionItems[2].measure", "required"),
          tuple("resolutionItems[3].measure", "required"),
          tuple("resolutionItems[4].deadline", "invalid"),
          tuple("resolutionItems[5].deadline", "invalid"),
          tuple("resolutionItems[6].deadline", "invalid"));
      assertThat(errors.get(4).message()).startsWith("第5项：");
    }
  }

  @Nested
  class Publicity {
    private final OffsetDateTime ends = OffsetDateTime.parse("2026-03-17T18:00:00+08:00");

    @Test
    void anObjectionWithinTheWindow() {
      assertThat(rules.objection(ends, ends.minusSeconds(1), " 噪音扰民 ")).isEqualTo("噪音扰民");
    }

    @Test
    void anObjectionAtOrAfterTheEndOrWithoutPublicityIsExpired() {
      refusedWith(() -> rules.objection(ends, ends, "噪音扰民"), "token", "expired");
      refusedWith(() -> rules.objection(ends, ends.plusDays(1), "噪音扰民"), "token", "expired");
      refusedWith(() -> rules.objection(null, ends, "噪音扰民"), "token", "expired");
    }

    @Test
    void anObjectionNeedsItsText() {
      refusedWith(() -> rules.objection(ends, ends.minusDays(1), ""), "content", "required");
      refusedWith(() -> rules.objection(ends, ends.minusDays(1), "c".repeat(1001)), "content", "required");
    }

    @Test
    void theChairReconvenesOrConfirmsWithAReason() {
      assertThat(rules.objectionDecision("RECONVENE", " 异议合理 ")).isEqualTo(new MeetingRules.ObjectionDecision(true, "异议合理"));
      assertThat(rules.objectionDecision("CONFIRM", "异议已解释")).isEqualTo(new MeetingRules.ObjectionDecision(false, "异议已解释"));
    }

    @Test
    void anUnknownDecisionAndAMissingReasonAreRefusedTogether() {
      assertThat(refusal(() -> rules.objectionDecision("MAYBE", " "))).extracting(FieldError::field)
          .containsExactly("objectionDecision", "decisionReason");
      refusedWith(() -> rules.objectionDecision(null, "理由"), "objectionDecision", "required");
      refusedWith(() -> rules.objectionDecision("CONFIRM", "r".repeat(2001)), "decisionReason", "required");
    }
  }

  @Nested
  class Statistics {
    @Test
    void oneMonthToThirtySixMonthsLaterOfOneCommunityOrAll() {
      assertThatCode(() -> rules.statisticsPeriod(null, YearMonth.of(2026, 3), YearMonth.of(2026, 3))).doesNotThrowAnyException();
      assertThatCode(() -> rules.statisticsPeriod("hualin", YearMonth.of(2023, 3), YearMonth.of(2026, 3))).doesNotThrowAnyException();
    }

    @Test
    void aPeriodBackwardsOrLongerIsRefused() {
      refusedWith(() -> rules.statisticsPeriod(null, YearMonth.of(2026, 3), YearMonth.of(2026, 2)), "to", "invalid");
      refusedWith(() -> rules.statisticsPeriod(null, YearMonth.of(2023, 2), YearMonth.of(2026, 3)), "to", "invalid");
    }

    @Test
    void anUnknownCommunityIsRefused() {
      refusedWith(() -> rules.statisticsPeriod("nowhere", YearMonth.of(2026, 1), YearMonth.of(2026, 3)), "community", "unknown");
      refusedWith(() -> rules.communityOrAll("nowhere"), "community", "unknown");
      assertThatCode(() -> rules.communityOrAll(null)).doesNotThrowAnyException();
      assertThatCode(() -> rules.communityOrAll("shengdian")).doesNotThrowAnyException();
    }
  }

  @Test
  void theRulesOfADirectoryKnowItsCommunitiesAndUnits() {
    Directory directory = new Directory("fx", "奉新县", List.of(new Directory.Street("fc", "冯川镇")),
        List.of(new Directory.Community("hualin", "华林社区", "fc", List.of())),
        List.of(new Directory.Unit("housing", "县住建局", Directory.UnitType.DEPARTMENT, null, null)), List.of());
    MeetingRules of = MeetingRules.of(directory);
    assertThatCode(() -> of.checkTopic("hualin", "加装电梯", null)).doesNotThrowAnyException();
    refusedWith(() -> of.checkTopic("shengdian", "加装电梯", null), "community", "unknown");
    MeetingMinutes m = new MeetingMinutes(false, null, false, "a", 3, "g", "t", "s",
        List.of(new MeetingMinutes.Item("school", "措施", "2026-04-30")), "r");
    refusedWith(() -> of.resolutionList(m, TODAY), "resolutionItems[0].unit", "unknown");
  }
}
