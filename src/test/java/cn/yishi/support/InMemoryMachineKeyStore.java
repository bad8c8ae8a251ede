package cn.yishi.support;

import cn.yishi.application.port.MachineKeyStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The machine key store as a map, for tests of what sits on top of it. */
public final class InMemoryMachineKeyStore implements MachineKeyStore {
  private final Map<String, Issued> byClient = new ConcurrentSkipListMap<>();

  @Override
  public Optional<Issued> findByDigest(String digest) {
    return byClient.values().stream().filter(k -> k.digest().equals(digest)).findFirst();
  }

  @Override
  public Optional<Issued> find(String client) {
    return Optional.ofNullable(byClient.get(client));
  }

  @Override
  public List<Issued> all() {
    return List.copyOf(byClient.values());
  }

  @Override
  public void put(Issued key) {
    byClient.put(key.client(), key);
  }

  @Override
  public boolean delete(String client) {
    return byClient.remove(client) != null;
  }
}
