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
 * Seeds the engine side of the sweep benchmark: for case numbers BM-2026-000001 … BM-2026-{count}
 * it starts an issueLifecycle instance through the engine REST API, placed at userTask_handle (as a
 * case in handling is), so that the sweep's supervision orders reach real process instances. Run with
 * {@code java bench/SweepSeed.java <baseUrl> <adminUser> <adminPassword> <count> <clients>}.
 */
public class SweepSeed {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
    int count = Integer.parseInt(args[3]);
    int clients = Integer.parseInt(args[4]);
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
          String caseNo = String.format("BM-2026-%06d", i);
          String body = """
              {"businessKey":"%s","variables":{
                "caseNo":{"value":"%s"},"title":{"value":"路灯不亮 %d"},"community":{"value":"hualin"},
                "urgency":{"value":"GREEN"},"tier":{"value":"STATION"},"disposal":{"value":"COMMITTED"},
                "responsibleUnit":{"value":"housing"},"handlerGroups":{"value":"unit-housing"},
                "supervisorGroups":{"value":"hualin-room,dispatch-centre"},"priority":{"value":40},
                "handlingDeadline":{"value":"%s","type":"Date"}},
               "startInstructions":[{"type":"startBeforeActivity","activityId":"userTask_handle"}]}"""
              .formatted(caseNo, caseNo, i, deadline);
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
    System.out.printf("started %d process instances in %.1f s, errors: %d%n", count,
        (System.nanoTime() - start) / 1e9, errors.get());
    System.exit(errors.get() > 0 ? 1 : 0);
  }
}
