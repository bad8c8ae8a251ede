package cn.yishi.adapter.inbound.open311;

import cn.yishi.application.MachineKeys;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.platform.StartupRefusedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys of the Open311 clients: first the keys an admin issued ({@link MachineKeys}, the same key a channel
 * account uses on {@code /api}), then the configured ones ({@code yishi.open311.keys}). A configured key counts only
 * while no key has been issued for its account: issuing (rotating) a key for the account retires the configured one.
 * A presented key is compared in constant time with every configured key (SHA-256 digests, so neither the length
 * nor the position of a match shows in the timing); only the digests are kept. The demo key {@value #DEMO_KEY} is
 * ignored unless the database is the embedded H2 one.
 */
public final class Open311Keys {
  public static final String DEMO_KEY = "demo-open311-key";
  public static final int MIN_LENGTH = 16;
  private static final Logger LOG = LoggerFactory.getLogger(Open311Keys.class);

  /** Who is calling: the channel account recorded as the creator, and the channel of its reports. */
  public record Account(String account, Channel channel) {}

  private record Entry(byte[] digest, Account account) {}

  private final List<Entry> entries;
  private final MachineKeys issued;

  public Open311Keys(List<Open311Properties.Key> keys, boolean embedded, MachineKeys issued) {
    this.issued = issued;
    List<Entry> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      Open311Properties.Key k = keys.get(i);
      String where = "yishi.open311.keys[" + i + "]";
      if (k.key() == null || k.key().strip().length() < MIN_LENGTH) {
        throw refused(where + ".key is missing or shorter than " + MIN_LENGTH + " characters (接入密钥缺失或少于" + MIN_LENGTH + "个字符)");
      }
      if (k.account() == null || k.account().isBlank()) {
        throw refused(where + ".account is missing (未填写渠道账号)");
      }
      String key = k.key().strip();
      if (!seen.add(key)) {
        throw refused(where + ".key appears twice (接入密钥重复)");
      }
      if (DEMO_KEY.equals(key) && !embedded) {
        LOG.warn("Open311 演示密钥 {} 仅在内置 H2 数据库下有效，已忽略；请在 yishi.open311.keys 中配置正式密钥。", DEMO_KEY);
        continue;
      }
      list.add(new Entry(digest(key), new Account(k.account().strip(), k.channel())));
    }
    this.entries = List.copyOf(list);
  }

  /**
   * The account of a presented key: an issued key, or a configured one whose account has no issued key. Every
   * configured key is compared, whatever matches first.
   */
  public Optional<Account> find(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    Optional<MachineKeys.Client> client = issued.authenticate(presented);
    if (client.isPresent()) {
      return Optional.of(new Account(client.get().client(), client.get().channel()));
    }
    return configured(presented).filter(a -> !issued.issued(a.account()));
  }

  private Optional<Account> configured(String presented) {
    byte[] d = digest(presented);
    Account found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.digest(), d) & found == null) {
        found = e.account();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StartupRefusedException refused(String message) {
    return new StartupRefusedException("Refusing to start: Open311 " + message + ".",
        "Correct yishi.open311.keys (every entry needs a key of at least " + MIN_LENGTH
            + " characters and an account) and start again.");
  }
}
