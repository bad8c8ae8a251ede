package cn.yishi.application;

import cn.yishi.application.port.ChannelAccounts;
import cn.yishi.application.port.MachineKeyStore.Issued;
import cn.yishi.application.port.MachineKeyStore;
import cn.yishi.domain.access.MachineKey;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Keys of the machine clients: the channel accounts (12345 hotline, Open311 clients, mini-programs) log in with a key
 * instead of a password, so that nobody can lock them out by trying wrong passwords (Camunda delays a user's logins
 * after failed attempts). One key per client, 256 random bits, stored as its SHA-256 digest only; issued and rotated
 * by an admin, shown once. A rotation replaces the stored digest, so the old key stops working on every node at once.
 */
@Service
public class MachineKeys {
  /** Who a presented key logs in as, and the channel of its Open311 reports. */
  public record Client(String client, Channel channel) {}

  /** A new key, shown once. {@code replaced}: the client had a key before, which no longer works. */
  public record Rotated(String client, String key, String fingerprint, Channel channel, OffsetDateTime issuedAt,
      boolean replaced) {}

  /** A client's key as the listing shows it: no secret, no digest, only a fingerprint. */
  public record Listed(String client, String fingerprint, Channel channel, String channelName, OffsetDateTime issuedAt,
      String issuedBy) {}

  private final MachineKeyStore store;
  private final ChannelAccounts accounts;
  private final Clock clock;
  private final SecureRandom random;

  @Autowired
  public MachineKeys(MachineKeyStore store, ChannelAccounts accounts, Clock clock) {
    this(store, accounts, clock, new SecureRandom());
  }

  public MachineKeys(MachineKeyStore store, ChannelAccounts accounts, Clock clock, SecureRandom random) {
    this.store = store;
    this.accounts = accounts;
    this.clock = clock;
    this.random = random;
  }

  /** The client of a presented key; empty for anything else, whatever it is. */
  public Optional<Client> authenticate(String presented) {
    if (!MachineKey.plausible(presented)) {
      return Optional.empty();
    }
    return store.findByDigest(MachineKey.digest(presented.strip())).map(k -> new Client(k.client(), channel(k.channel())));
  }

  /** Whether an admin has issued a key for this client (a configured Open311 key of the client then stops counting). */
  public boolean issued(String client) {
    return client != null && store.find(client).isPresent();
  }

  /**
   * Issues a new key for a channel account, replacing its key if it had one.
   *
   * @param channelName the channel of its Open311 reports; null keeps the previous one (first key: 12345热线)
   * @throws ValidationException when the client is no channel account or the channel is unknown
   */
  public Rotated rotate(String client, String channelName, String actor) {
    String id = client == null ? "" : client.strip();
    Channel channel = null;
    List<FieldError> errors = new ArrayList<>();
    if (id.isEmpty() || !accounts.isChannelAccount(id)) {
      errors.add(new FieldError("client", "unknown", "没有该接入渠道账号：只能为 channel-accounts 组的用户签发密钥"));
    }
    if (channelName != null && !channelName.isBlank()) {
      try {
        channel = Channel.valueOf(channelName.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("channel", "invalid", "未知的渠道：" + channelName));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Optional<Issued> previous = store.find(id);
    if (channel == null) {
      channel = previous.map(p -> channel(p.channel())).orElse(Channel.HOTLINE_12345);
    }
    MachineKey key = MachineKey.generate(random);
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.put(new Issued(id, key.digest(), channel.name(), now, actor));
    return new Rotated(id, key.secret(), MachineKey.fingerprint(key.digest()), channel, now, previous.isPresent());
  }

  /** Every client's key, without secrets. */
  public List<Listed> list() {
    return store.all().stream().map(k -> {
      Channel c = channel(k.channel());
      return new Listed(k.client(), MachineKey.fingerprint(k.digest()), c, c.label(), k.issuedAt(), k.issuedBy());
    }).toList();
  }

  /** Withdraws the client's key; false when it had none. */
  public boolean revoke(String client) {
    return client != null && store.delete(client.strip());
  }

  private static Channel channel(String name) {
    try {
      return Channel.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Channel.HOTLINE_12345;
    }
  }
}
