package cn.yishi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yishi.application.port.MachineKeyStore;
import cn.yishi.domain.access.MachineKey;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.InMemoryMachineKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachineKeysTest {
  private final InMemoryMachineKeyStore store = new InMemoryMachineKeyStore();
  private final Set<String> channelAccounts = Set.of("channel.12345", "partner.city");
  private final MachineKeys keys = new MachineKeys(store, channelAccounts::contains,
      Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

  @Test
  void anIssuedKeyLogsInAsItsClientAndOnlyItsDigestIsStored() {
    MachineKeys.Rotated issued = keys.rotate("channel.12345", null, "demo");
    assertThat(issued.replaced()).isFalse();
    assertThat(issued.channel()).isEqualTo(Channel.HOTLINE_12345);
    assertThat(issued.key()).startsWith(MachineKey.PREFIX);

    assertThat(keys.authenticate(issued.key())).contains(new MachineKeys.Client("channel.12345", Channel.HOTLINE_12345));
    assertThat(keys.authenticate(" " + issued.key() + " ")).isPresent();
    MachineKeyStore.Issued row = store.find("channel.12345").orElseThrow();
    assertThat(row.digest()).isEqualTo(MachineKey.digest(issued.key())).doesNotContain(issued.key());
    assertThat(row.issuedBy()).isEqualTo("demo");
    assertThat(keys.issued("channel.12345")).isTrue();
    assertThat(keys.issued("partner.city")).isFalse();
  }

  @Test
  void aRotationRetiresTheOldKeyAtOnceAndKeepsTheChannel() {
    String first = keys.rotate("partner.city", "mini_program", "demo").key();
    MachineKeys.Rotated second = keys.rotate("partner.city", null, "admin2");

    assertThat(second.replaced()).isTrue();
    assertThat(second.key()).isNotEqualTo(first);
    assertThat(second.channel()).isEqualTo(Channel.MINI_PROGRAM);
    assertThat(keys.authenticate(first)).isEmpty();
    assertThat(keys.authenticate(second.key())).map(MachineKeys.Client::client).contains("partner.city");
    assertThat(store.all()).hasSize(1);
  }

  @Test
  void wrongOrImplausibleKeysFindNobody() {
    String key = keys.rotate("channel.12345", null, "demo").key();
    assertThat(keys.authenticate(key.substring(0, key.length() - 1))).isEmpty();
    assertThat(keys.authenticate(key.toUpperCase())).isEmpty();
    assertThat(keys.authenticate(MachineKey.digest(key))).isEmpty();
    assertThat(keys.authenticate("")).isEmpty();
    assertThat(keys.authenticate(null)).isEmpty();
    assertThat(keys.authenticate("x".repeat(10_000))).isEmpty();
  }

  @Test
  void theListingShowsNoSecretAndAWithdrawnKeyStopsWorking() {
    String key = keys.rotate("channel.12345", null, "demo").key();
    keys.rotate("partner.city", "MINI_PROGRAM", "demo");

    assertThat(keys.list()).extracting(MachineKeys.Listed::client).containsExactly("channel.12345", "partner.city");
    MachineKeys.Listed listed = keys.list().get(0);
    assertThat(listed.fingerprint()).isEqualTo(MachineKey.fingerprint(MachineKey.digest(key)));
    assertThat(listed.channelName()).isEqualTo("12345热线");
    assertThat(listed.toString()).doesNotContain(key).doesNotContain(MachineKey.digest(key));

    assertThat(keys.revoke("channel.12345")).isTrue();
    assertThat(keys.revoke("channel.12345")).isFalse();
    assertThat(keys.authenticate(key)).isEmpty();
  }

  @Test
  void keysAreOnlyForChannelAccountsAndKnownChannels() {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> keys.rotate("demo", "fax", "demo"));
    assertThat(e.errors()).extracting(FieldError::field).containsExactly("client", "channel");
    assertThat(e.errors()).extracting(FieldError::message).allMatch(m -> m.matches(".*[\\u4e00-\\u9fa5].*"));
    assertThat(catchThrowableOfType(ValidationException.class, () -> keys.rotate(" ", null, "demo"))).isNotNull();
    assertThat(store.all()).isEmpty();
  }
}
