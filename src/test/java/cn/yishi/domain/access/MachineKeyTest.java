package cn.yishi.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachineKeyTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void aKeyCarries256RandomBitsBehindItsPrefix() {
    MachineKey key = MachineKey.generate(random);
    assertThat(key.secret()).startsWith(MachineKey.PREFIX).matches("ysk_[A-Za-z0-9_-]{43}");
    byte[] bits = Base64.getUrlDecoder().decode(key.secret().substring(MachineKey.PREFIX.length()));
    assertThat(bits).hasSize(32);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(MachineKey.generate(random).secret())).isTrue();
    }
  }

  @Test
  void theStoredDigestIsTheHexSha256OfTheKeyAndNotTheKey() {
    MachineKey key = MachineKey.generate(random);
    assertThat(key.digest()).matches("[0-9a-f]{64}").isEqualTo(MachineKey.digest(key.secret()))
        .doesNotContain(key.secret().substring(MachineKey.PREFIX.length()));
    // the SHA-256 test vector of "abc" (FIPS 180-2)
    assertThat(MachineKey.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(MachineKey.digest(key.secret() + " ")).isNotEqualTo(key.digest());
    assertThat(key.toString()).doesNotContain(key.secret()).contains(MachineKey.fingerprint(key.digest()));
    assertThat(MachineKey.fingerprint(key.digest())).hasSize(8).isEqualTo(key.digest().substring(0, 8));
  }

  @Test
  void onlyPlausibleTextIsLookedUp() {
    assertThat(MachineKey.plausible(null)).isFalse();
    assertThat(MachineKey.plausible("  ")).isFalse();
    assertThat(MachineKey.plausible("x".repeat(MachineKey.MAX_PRESENTED + 1))).isFalse();
    assertThat(MachineKey.plausible(MachineKey.generate(random).secret())).isTrue();
  }
}
