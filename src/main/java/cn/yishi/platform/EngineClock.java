package cn.yishi.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the engine's clock: deadlines, sweeps and timers agree on "now", and
 * a test that moves the engine's clock ({@code ClockUtil.setCurrentTime}) moves the whole application.
 */
final class EngineClock extends Clock {
  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
