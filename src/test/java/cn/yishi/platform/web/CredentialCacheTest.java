package cn.yishi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(10), 3, now::get);
  private final CredentialCache.Login login = new CredentialCache.Login("channel.12345", List.of("channels"), List.of());

  @Test
  void aKeptLoginServesTheSameCredentialsUntilItExpires() {
    cache.put("channel.12345", "secret", login);

    assertThat(cache.find("channel.12345", "secret")).contains(login);
    now.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    assertThat(cache.find("channel.12345", "secret")).contains(login);
    now.addAndGet(1);
    assertThat(cache.find("channel.12345", "secret")).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void anotherPasswordOrUserIsNeverServedFromTheCache() {
    cache.put("channel.12345", "secret", login);

    assertThat(cache.find("channel.12345", "wrong")).isEmpty();
    assertThat(cache.find("channel.12345", "secret ")).isEmpty();
    assertThat(cache.find("channel.1234", "5secret")).isEmpty();
    assertThat(cache.find("other", "secret")).isEmpty();
  }

  @Test
  void theCacheStaysBounded() {
    for (int i = 0; i < 10; i++) {
      cache.put("user" + i, "pw", new CredentialCache.Login("user" + i, List.of(), List.of()));
      assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
    assertThat(cache.find("user9", "pw")).isPresent();
  }

  @Test
  void aZeroTtlKeepsNothing() {
    CredentialCache off = new CredentialCache(Duration.ZERO, 3, now::get);
    off.put("channel.12345", "secret", login);

    assertThat(off.enabled()).isFalse();
    assertThat(off.find("channel.12345", "secret")).isEmpty();
  }

  @Test
  void aNegativeTtlIsRefused() {
    assertThatThrownBy(() -> new CredentialCache(Duration.ofSeconds(-1), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
