package cn.yishi.application.convention;

import static cn.yishi.application.convention.Conventions.refused;

import cn.yishi.application.convention.Conventions.DraftEntry;
import cn.yishi.application.convention.Conventions.PublicComment;
import cn.yishi.application.convention.Conventions.PublicDraft;
import cn.yishi.application.convention.Conventions.Register;
import cn.yishi.application.convention.Conventions.RegisterEntry;
import cn.yishi.application.convention.Conventions.RegisterVersion;
import cn.yishi.application.port.ConventionStore;
import cn.yishi.domain.convention.ConventionStatus;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What residents read of the conventions, without login: a draft's public page (its text, the comment window and how
 * the comments were handled) and a community's register (conventions in force and drafts in progress). Part of
 * {@link Conventions}, which holds the transactions.
 */
final class ConventionViews {
  private final ConventionStore store;
  private final ConventionScopes scopes;
  private final Clock clock;

  ConventionViews(ConventionStore store, ConventionScopes scopes, Clock clock) {
    this.store = store;
    this.scopes = scopes;
    this.clock = clock;
  }

  /** The version of a draft's public link; an unknown or malformed token is refused. */
  ConventionStore.Version byToken(String token) {
    String t = token == null ? "" : token.strip();
    if (t.isEmpty() || t.length() > 64) {
      throw refused("token", "unknown", "公约草案不存在");
    }
    return store.findByToken(t).orElseThrow(() -> refused("token", "unknown", "公约草案不存在"));
  }

  PublicDraft draft(String token) {
    ConventionStore.Version v = byToken(token);
    List<PublicComment> handled = new ArrayList<>();
    List<ConventionStore.Comment> comments = store.comments(v.id());
    int n = 1;
    for (ConventionStore.Comment c : comments) {
      if (c.handling() != null) {
        handled.add(new PublicComment(n, c.content(), c.signature(), c.handling()));
      }
      n++;
    }
    ConventionStatus s = ConventionStatus.valueOf(v.status());
    boolean open = s == ConventionStatus.PUBLICITY && OffsetDateTime.now(clock).isBefore(v.commentsCloseAt());
    return new PublicDraft(v.token(), v.conventionId(), v.versionNo(), v.title(), scopes.scopeName(v), v.body(), s.name(),
        s.label(), v.commentsCloseAt(), open, comments.size(), handled);
  }

  Register register(String community) {
    Directory.Community c = scopes.community(community == null ? "" : community.strip())
        .orElseThrow(() -> refused("community", "unknown", "找不到该社区"));
    Map<Long, List<ConventionStore.Version>> byConvention = new LinkedHashMap<>();
    for (ConventionStore.Version v : store.versionsOfCommunity(c.code())) {
      byConvention.computeIfAbsent(v.conventionId(), k -> new ArrayList<>()).add(v);
    }
    List<RegisterEntry> inForce = new ArrayList<>();
    List<DraftEntry> drafts = new ArrayList<>();
    for (List<ConventionStore.Version> versions : byConvention.values()) {
      for (ConventionStore.Version v : versions) {
        ConventionStatus s = ConventionStatus.valueOf(v.status());
        if (s.inProgress()) {
          drafts.add(new DraftEntry(v.conventionId(), scopes.scopeName(v), v.title(), v.versionNo(), s.name(), s.label(),
              v.commentsCloseAt(), v.token()));
        }
        if (s == ConventionStatus.IN_FORCE) {
          List<RegisterVersion> history = versions.stream().filter(x -> x.effectiveDate() != null)
              .map(x -> new RegisterVersion(x.versionNo(), x.title(), x.status(), ConventionStatus.valueOf(x.status()).label(),
                  x.effectiveDate(), x.supersededDate(), x.token()))
              .toList();
          inForce.add(new RegisterEntry(v.conventionId(), scopes.scopeName(v), v.compound(), v.title(), v.body(),
              v.effectiveDate(), v.versionNo(), history));
        }
      }
    }
    inForce.sort(Comparator.comparing((RegisterEntry e) -> e.compound() != null)
        .thenComparing(e -> e.compound() == null ? "" : e.compound()).thenComparing(RegisterEntry::conventionId));
    return new Register(c.code(), c.name(), inForce, drafts);
  }
}
