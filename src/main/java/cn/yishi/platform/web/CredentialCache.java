package cn.yishi.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful HTTP Basic logins of the project's {@code /api}, kept for a short time so that a channel posting many
 * reports a second is not checked against the identity tables (a user, a group and a tenant query, each in its own
 * transaction) on every request.
 *
 * <p>Only successes are kept, under an HMAC of user and password with a key that lives in this process only, so
 * neither the password nor an unsalted hash of it is in memory. A wrong password is always judged by the engine
 * (whose failed-attempt counting and lock-out go on as before). What the cache costs: a password change, a removed
 * membership or a locked user is honoured on {@code /api} within {@code ttl} rather than at once. {@code ttl} zero
 * turns the cache off.
 */
public class CredentialCache {
  /** The user's groups and tenants as the engine named them when the login was checked. */
  public record Login(String userId, List<String> groups, List<String> tenants) {}

  private record Entry(Login login, long expiresAtNanos) {}

  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecretKeySpec key;

  public CredentialCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  CredentialCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("the credential cache's ttl must not be negative");
    }
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  public boolean enabled() {
    return ttlNanos > 0;
  }

  /** The login that these credentials had within the last {@code ttl}, if any. */
  public Optional<Login> find(String userId, String password) {
    if (!enabled()) {
      return Optional.empty();
    }
    String k = key(userId, password);
    Entry e = entries.get(k);
    if (e == null) {
      return Optional.empty();
    }
    if (nanoTime.getAsLong() - e.expiresAtNanos() >= 0) {
      entries.remove(k, e);
      return Optional.empty();
    }
    return Optional.of(e.login());
  }

  /** Keeps a login that the engine has just accepted with these credentials. */
  public void put(String userId, String password, Login login) {
    if (!enabled()) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key(userId, password), new Entry(new Login(login.userId(), List.copyOf(login.groups()),
        List.copyOf(login.tenants())), now + ttlNanos));
  }

  int size() {
    return entries.size();
  }

  private String key(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
