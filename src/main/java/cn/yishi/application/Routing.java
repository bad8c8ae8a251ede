package cn.yishi.application;

import java.time.OffsetDateTime;
import java.util.List;

/** Where a case's handling task goes, who supervises it, and by when it is due. */
public record Routing(
    List<String> handlerGroups,
    List<String> supervisorGroups,
    OffsetDateTime deadline,
    int priority,
    String tier,
    String disposal,
    String responsibleUnit) {}
