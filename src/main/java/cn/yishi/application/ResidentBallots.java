package cn.yishi.application;

import static cn.yishi.application.ResidentVoteService.CHOICES;
import static cn.yishi.application.ResidentVoteService.CHOICE_LABELS;
import static cn.yishi.application.ResidentVoteService.refused;

import cn.yishi.application.port.Votes;
import cn.yishi.domain.casefile.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

/**
 * The ballots of a resident vote as households cast them: online with the token of their link, or on paper (the
 * printed sheet carries the same token, staff enter it). A household votes once whatever the channel. Part of
 * {@link ResidentVoteService}, which holds the transactions.
 */
final class ResidentBallots {
  private final Cases cases;
  private final Votes votes;

  ResidentBallots(Cases cases, Votes votes) {
    this.cases = cases;
    this.votes = votes;
  }

  ResidentVoteService.Receipt castOnline(String token, String choice) {
    OffsetDateTime at = cast(token, choice, "ONLINE", "resident");
    Votes.Vote v = votes.findVoteByToken(token.strip()).orElseThrow();
    return new ResidentVoteService.Receipt(v.question(), CHOICE_LABELS.get(choice), at, receiptNo(token.strip()));
  }

  /** A short number the household can note: derived from the token, it reveals neither the token nor the choice. */
  static String receiptNo(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("receipt:" + token).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  int enterPaper(long voteId, List<String[]> tokenAndChoice, String actor) {
    Votes.Vote v = votes.findVote(voteId).orElseThrow(() -> refused("voteId", "unknown", "表决不存在"));
    if (tokenAndChoice == null || tokenAndChoice.isEmpty()) {
      throw refused("paperBallots", "required", "请录入至少一张纸质选票");
    }
    int n = 0;
    for (String[] tc : tokenAndChoice) {
      Votes.Ballot b = votes.findBallot(tc[0] == null ? "" : tc[0].strip()).orElse(null);
      if (b == null || b.voteId() != v.id()) {
        throw refused("paperBallots[" + n + "].token", "unknown", "第" + (n + 1) + "张：选票编码无效，或不属于本次表决");
      }
      try {
        cast(tc[0].strip(), tc[1], "PAPER", actor);
      } catch (ValidationException e) {
        throw refused("paperBallots[" + n + "]", e.errors().get(0).code(), "第" + (n + 1) + "张：" + e.errors().get(0).message());
      }
      n++;
    }
    return n;
  }

  private OffsetDateTime cast(String token, String choice, String channel, String actor) {
    String t = token == null ? "" : token.strip();
    Votes.Ballot b = t.isEmpty() || t.length() > 64 ? null : votes.findBallot(t).orElse(null);
    if (b == null) {
      throw refused("token", "unknown", "选票无效：链接不完整或不存在，请核对选票上的二维码或链接");
    }
    if (choice == null || !CHOICES.contains(choice)) {
      throw refused("choice", "invalid", "请选择同意、不同意或弃权");
    }
    OffsetDateTime now = cases.now();
    if (!votes.cast(t, choice, channel, actor, now)) {
      if (votes.findBallot(t).map(x -> x.choice() != null).orElse(false)) {
        throw refused("token", "used", "本户已投票，每户只能投一票（网上和纸质选票合计一票）");
      }
      throw refused("token", "expired", "表决已截止，不能再投票");
    }
    return now;
  }
}
