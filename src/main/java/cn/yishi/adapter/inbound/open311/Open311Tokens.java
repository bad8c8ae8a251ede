package cn.yishi.adapter.inbound.open311;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens for {@code tokens/{token}}. Creation is synchronous, so a POST already answers with the case
 * number; the token is the case number followed by 128 bits of an HMAC-SHA256 over it
 * ({@code FX-2026-000123-<32 hex>}). It is stored nowhere, and cannot be guessed from the case number.
 */
final class Open311Tokens {
  private static final Logger LOG = LoggerFactory.getLogger(Open311Tokens.class);
  private static final int MAC_HEX = 32;
  private static final int MAX_LENGTH = 100;

  private final SecretKeySpec key;

  Open311Tokens(String secret) {
    byte[] bytes;
    if (secret == null || secret.isBlank()) {
      bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      LOG.info("Open311 令牌密钥未配置（yishi.open311.token-secret）：本次启动使用随机密钥，令牌仅在本节点、重启前有效。");
    } else {
      bytes = secret.getBytes(StandardCharsets.UTF_8);
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  String issue(String caseNo) {
    return caseNo + "-" + mac(caseNo);
  }

  /** The case number of a token this server issued; empty for anything else. */
  Optional<String> caseNo(String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    int dash = token.lastIndexOf('-');
    if (dash <= 0 || token.length() - dash - 1 != MAC_HEX) {
      return Optional.empty();
    }
    String caseNo = token.substring(0, dash);
    byte[] expected = mac(caseNo).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.of(caseNo) : Optional.empty();
  }

  private String mac(String caseNo) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      byte[] full = m.doFinal(("open311-token:" + caseNo).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(full, 0, MAC_HEX / 2);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
