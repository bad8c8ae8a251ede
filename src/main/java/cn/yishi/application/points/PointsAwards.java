package cn.yishi.application.points;

import cn.yishi.application.port.PointsStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.points.EntryKind;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsEntry;
import cn.yishi.domain.points.PointsRule;
import cn.yishi.domain.points.PointsRules;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards (加分) and corrections (更正). An award is proposed by someone the rule allows (院坝长, officer, grid worker or
 * the committee, see {@link PointsRule#awardedBy()}), with the facts and evidence; the community secretary approves
 * it, and only then it is written on the ledger, once; a rejection gives its reason and writes nothing. A correction
 * is a counter-entry by the secretary, with its reason, that never takes a balance below zero. Everything a refusal
 * would have stored is rolled back with it.
 */
@Service
public class PointsAwards {
  private final PointsStore store;
  private final PointsAdministration administration;
  private final Clock clock;

  public PointsAwards(PointsStore store, PointsAdministration administration, Clock clock) {
    this.store = store;
    this.administration = administration;
    this.clock = clock;
  }

  /**
   * The proposal as the approval task shows it: no personal data (the person by number and pseudonym), and the
   * group that approves.
   */
  public record Proposal(long awardId, String community, String communityName, long personId, String personLabel,
      String ruleCode, String reason, int points, String approverGroup, String subject) {}

  /** Proposes an award; refused (nothing stored) when the proposer may not or the input is wrong. */
  @Transactional
  public Proposal propose(String community, Long personId, String ruleCode, String evidence, String proposer,
      List<String> groups, String processInstanceId) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (community == null || community.isBlank()) {
      errors.add(new FieldError("community", "required", "请选择社区（村）"));
    }
    if (personId == null) {
      errors.add(new FieldError("personId", "required", "请填写积分对象编号"));
    }
    if (ruleCode == null || ruleCode.isBlank()) {
      errors.add(new FieldError("ruleCode", "required", "请填写积分规则代码"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String e = PointsRules.evidence(evidence);
    try {
      administration.requireCommunity(community);
    } catch (PointsRefused r) {
      throw invalid("community", "unknown", r.getMessage());
    }
    PointsRule rule = store.rule(community, ruleCode.strip()).filter(PointsRule::active)
        .orElseThrow(() -> invalid("ruleCode", "unknown", "本社区（村）没有在用的积分规则「" + ruleCode.strip() + "」"));
    if (!rule.mayBeProposedBy(groups)) {
      throw invalid("ruleCode", "forbidden", "您无权提出「" + rule.reason() + "」的加分：该项只能由本社区（村）的"
          + rule.awardedByLabel() + "提出");
    }
    LedgerPerson person = store.person(personId).filter(p -> p.community().equals(community))
        .orElseThrow(() -> invalid("personId", "unknown", "本社区（村）的积分台账上没有编号为 " + personId + " 的居民"));
    long id = store.addAward(new PointsStore.Award(0, community, person.id(), rule.code(), rule.reason(), rule.points(),
        e, proposer, now(), "PROPOSED", null, null), processInstanceId);
    String label = "编号 " + person.id() + "（" + person.pseudonym() + "）";
    return new Proposal(id, community, administration.communityName(community), person.id(), label, rule.code(),
        rule.reason(), rule.points(), GroupIds.community(community),
        label + " " + rule.reason() + " +" + rule.points());
  }

  /**
   * The secretary's decision: approved → one AWARD entry on the ledger and the balance raised; rejected → the reason
   * on the proposal, nothing on the ledger. Returns whether it was approved.
   */
  @Transactional
  public boolean decide(long awardId, Boolean approved, String comment, String approver, List<String> groups) {
    PointsStore.Award award = store.award(awardId)
        .orElseThrow(() -> invalid("awardId", "unknown", "没有编号为 " + awardId + " 的加分申请"));
    String c = PointsRules.decision(approved, comment, award.proposedBy(), approver);
    if (!new PointsRoles(award.community(), groups).secretary()) {
      throw invalid("approved", "forbidden", "只有本社区（村）两委成员可以审核加分申请");
    }
    if (!store.decideAward(awardId, approved, approver, now(), c)) {
      throw invalid("awardId", "decided", "该加分申请已审核，不能重复审核");
    }
    if (approved) {
      store.lockPerson(award.personId()).orElseThrow();
      store.appendEntry(award.personId(), award.community(), EntryKind.AWARD, award.points(), award.reason(), awardId,
          null, null, approver, now());
      store.changeBalance(award.personId(), award.points());
    }
    return approved;
  }

  /** A counter-entry to one entry of the ledger, by the secretary, with its reason. */
  @Transactional
  public PointsEntry correct(String community, Long entryId, Integer points, String reason, List<String> groups,
      String by) {
    administration.roles(community, groups).requireSecretary();
    String r = PointsRules.correction(points, reason);
    if (entryId == null) {
      throw invalid("entryId", "required", "请选择要更正的台账记录");
    }
    PointsEntry corrected = store.entry(entryId).filter(x -> x.community().equals(community))
        .orElseThrow(() -> PointsRefused.notFound("entryId", "本社区（村）的积分台账上没有该记录"));
    LedgerPerson person = store.lockPerson(corrected.personId()).orElseThrow();
    PointsRules.requireAffordable(person.balance(), -points);
    long id = store.appendEntry(person.id(), community, EntryKind.CORRECTION, points, r, null, null, corrected.id(), by,
        now());
    if (!store.changeBalance(person.id(), points)) {
      throw PointsRules.insufficient(person.balance(), -points);
    }
    return store.entry(id).orElseThrow();
  }

  private static ValidationException invalid(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
