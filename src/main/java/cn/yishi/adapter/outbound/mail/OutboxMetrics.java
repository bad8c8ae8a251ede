package cn.yishi.adapter.outbound.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Mail waiting or failed in the outbox, for operators: {@code yishi_outbox_mails{status=...}} on
 * /actuator/prometheus. A growing PENDING count means SMTP is down; FAILED mails gave up retrying.
 */
@Component
class OutboxMetrics {
  OutboxMetrics(MeterRegistry registry, OutboxStore store) {
    for (String status : List.of("PENDING", "FAILED", "SENT", "LOGGED")) {
      Gauge.builder("yishi.outbox.mails", store, s -> s.countByStatus().getOrDefault(status, 0L))
          .description("Mails in the outbox by status")
          .tag("status", status)
          .register(registry);
    }
  }
}
