package cn.yishi.adapter.inbound.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-IP limit on the public report page: at most {@code max} reports in a sliding window. Counts
 * are kept in memory (per node). Behind a reverse proxy, configure Spring's forward headers so that
 * the client's address is the one counted.
 */
@Component
public class ReportThrottle {
  private final Clock clock;
  private final int max;
  private final Duration window;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  public ReportThrottle(Clock clock, @Value("${yishi.public-report.max-per-window:5}") int max,
      @Value("${yishi.public-report.window:PT10M}") Duration window) {
    this.clock = clock;
    this.max = max;
    this.window = window;
  }

  /** The key an observer's 码上拍 reports are counted under (per observer, not per address). */
  public static String observerKey(long observerId) {
    return "observer:" + observerId;
  }

  /** Takes one report from the IP's allowance; false when the allowance is used up. */
  public boolean tryAcquire(String ip) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(ip, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= max) {
        return false;
      }
      times.addLast(now);
    }
    if (recent.size() > 100_000) {
      recent.entrySet().removeIf(e -> e.getValue().isEmpty());
    }
    return true;
  }

  /** Gives an allowance back when a report was refused as invalid: corrections do not count. */
  public void release(String ip) {
    Deque<Instant> times = recent.get(ip);
    if (times != null) {
      synchronized (times) {
        times.pollLast();
      }
    }
  }
}
