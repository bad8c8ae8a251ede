import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds the engine side of the sweep benchmark: for case numbers BM-2026-0000001 … BM-2026-{count} (7 digits)
 * it starts an issueLifecycle instance through the engine REST API, placed at userTask_handle (as a
 * case in handling is), so that the sweep's supervision orders reach real process instances. Run with
 * {@code java bench/SweepSeed.java <baseUrl> <adminUser> <adminPassword> <count> <clients>}.
 *
 * <p>With two more arguments, {@code <communities> <prefix>} (the city-scale benchmark, bench/scale-benchmark.sh),
 * case i ({@code <prefix>-2026-<i>}, 7 digits) belongs to community c(1 + i % communities) of the generated directory
 * and waits at one of the tasks a case waits at: 前置把关 for the community (3 in 10, a third of them past their
 * review date), 办理 at a station (4 in 10) or at a county department (2 in 10), 待认领 in the claim pool of a
 * department and the street's property company (1 in 10); handling deadlines lie 1 to 30 days ahead (so the overdue
 * timer stays quiet and 即将到期 has tasks).
 */
public class SweepSeed {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
    int count = Integer.parseInt(args[3]);
    int clients = Integer.parseInt(args[4]);
    int communities = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    String prefix = args.length > 6 ? args[6] : "SO";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // the engine REST API's date format; far ahead, so that the handling timer stays quiet
    String due = OffsetDateTime.now().plusDays(30)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
    AtomicInteger next = new AtomicInteger(1);
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    final String deadline = due;
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i <= count; i = next.getAndIncrement()) {
          String caseNo = String.format("BM-2026-%07d", i);
          String body;
          if (communities > 0) {
            caseNo = String.format("%s-2026-%07d", prefix, i);
            body = spread(caseNo, i, communities);
          } else {
            body = """
              {"businessKey":"%s","variables":{
                "caseNo":{"value":"%s"},"title":{"value":"路灯不亮 %d"},"community":{"value":"hualin"},
                "urgency":{"value":"GREEN"},"tier":{"value":"STATION"},"disposal":{"value":"COMMITTED"},
                "responsibleUnit":{"value":"housing"},"handlerGroups":{"value":"unit-housing"},
                "supervisorGroups":{"value":"hualin-room,dispatch-centre"},"priority":{"value":40},
                "handlingDeadline":{"value":"%s","type":"Date"}},
               "startInstructions":[{"type":"startBeforeActivity","activityId":"userTask_handle"}]}"""
              .formatted(caseNo, caseNo, i, deadline);
          }
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/engine-rest/process-definition/key/issueLifecycle/start"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
              if (errors.incrementAndGet() < 5) {
                System.err.println(caseNo + ": " + r.statusCode() + " " + r.body());
              }
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          if (i % 2000 == 0) {
            System.out.printf("  %d process instances%n", i);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    System.out.printf("started %d process instances in %.1f s (%.0f/s), errors: %d%n", count,
        (System.nanoTime() - start) / 1e9, count / ((System.nanoTime() - start) / 1e9), errors.get());
    System.exit(errors.get() > 0 ? 1 : 0);
  }

  static final java.time.format.DateTimeFormatter REST_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** Case i of the city: its community, the task it waits at, its groups and dates (see the class comment). */
  static String spread(String caseNo, int i, int communities) {
    int c = 1 + i % communities;
    String community = String.format("c%04d", c);
    String street = String.format("s%03d", (c - 1) / 10 + 1);
    String department = String.format("d%02d", 1 + (i / communities) % 40);
    int kind = (i / 7) % 10;
    OffsetDateTime now = OffsetDateTime.now();
    String handling = now.plusDays(1 + i % 30).format(REST_DATE);
    String review = now.plusDays(kind == 0 ? -2 : 1 + i % 3).format(REST_DATE);
    String activity;
    String groups;
    String unit = department;
    if (kind < 3) {
      activity = "userTask_review";
      groups = "\"reviewGroup\":{\"value\":\"" + community + "-community\"},";
    } else if (kind < 7) {
      activity = "userTask_handle";
      groups = "\"handlerGroups\":{\"value\":\"station-" + community + "-z" + (1 + i % 2) + "\"},";
      unit = "p" + street.substring(1);
    } else if (kind < 9) {
      activity = "userTask_handle";
      groups = "\"handlerGroups\":{\"value\":\"unit-" + department + "\"},";
    } else {
      activity = "userTask_claim";
      groups = "\"unitGroups\":{\"value\":\"unit-" + department + ",unit-p" + street.substring(1) + "\"},";
    }
    return """
        {"businessKey":"%s","variables":{%s
          "caseNo":{"value":"%s"},"title":{"value":"规模测试诉求 %d"},"community":{"value":"%s"},
          "urgency":{"value":"GREEN"},"tier":{"value":"STATION"},"disposal":{"value":"COMMITTED"},
          "responsibleUnit":{"value":"%s"},"gridGroup":{"value":"%s-grid"},
          "supervisorGroups":{"value":"%s-room,dispatch-centre"},"priority":{"value":40},
          "reviewDueDate":{"value":"%s","type":"Date"},"handlingDeadline":{"value":"%s","type":"Date"}},
         "startInstructions":[{"type":"startBeforeActivity","activityId":"%s"}]}"""
        .formatted(caseNo, groups, caseNo, i, community, unit, community, community, review, handling, activity);
  }
}
