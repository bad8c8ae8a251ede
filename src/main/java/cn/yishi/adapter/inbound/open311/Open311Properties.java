package cn.yishi.adapter.inbound.open311;

import cn.yishi.domain.casefile.Channel;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Open311 GeoReport v2 ({@code /open311/v2/}): the API keys that may create service requests, and
 * the texts of the discovery document. Defaults ship in {@code open311.yaml}.
 *
 * @param keys one entry per client: the key it sends as {@code api_key}, the channel account recorded
 *     as the creator of its cases, and the channel (default {@code HOTLINE_12345})
 * @param tokenSecret the secret that signs the tokens of {@code tokens/{token}}; blank: a random one per
 *     start (tokens then only work on the node that issued them, until it restarts)
 * @param contact who to ask for help (discovery {@code contact})
 * @param keyService how to obtain a key (discovery {@code key_service})
 */
@ConfigurationProperties("yishi.open311")
public record Open311Properties(List<Key> keys, String tokenSecret, String contact, String keyService) {

  /** One client of the API. */
  public record Key(String key, String account, Channel channel) {
    public Key {
      channel = channel == null ? Channel.HOTLINE_12345 : channel;
    }
  }

  public Open311Properties {
    keys = keys == null ? List.of() : List.copyOf(keys);
    contact = contact == null || contact.isBlank() ? "如需帮助，请联系县调度中心。" : contact.strip();
    keyService = keyService == null || keyService.isBlank() ? "请向县调度中心申请接入密钥（api_key）。" : keyService.strip();
  }
}
