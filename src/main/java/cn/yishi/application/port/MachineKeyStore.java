package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The machine clients' keys (one per client), stored as digests only. */
public interface MachineKeyStore {
  /**
   * A client's key.
   *
   * @param client the channel account the key logs in as
   * @param digest the SHA-256 of the key, hex
   * @param channel the channel of the client's Open311 reports (a {@code Channel} name)
   */
  record Issued(String client, String digest, String channel, OffsetDateTime issuedAt, String issuedBy) {}

  /** The key with this digest; one indexed lookup, made for every request that presents a key. */
  Optional<Issued> findByDigest(String digest);

  Optional<Issued> find(String client);

  /** Every client's key, by client. */
  List<Issued> all();

  /** Stores the client's key; its previous key, if any, is gone in the same statement. */
  void put(Issued key);

  /** Removes the client's key; false when it had none. */
  boolean delete(String client);
}
