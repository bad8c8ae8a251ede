import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for POST /api/cases: N concurrent clients for a fixed time after a warm-up; prints
 * sustained cases per second, p50/p99 latency and the server's heap use. Run with
 * {@code YISHI_BENCH_KEY=<machine key> java bench/IntakeLoad.java <baseUrl>[,<baseUrl of another node>] <clients> <warmupSeconds> <seconds>}
 * (see bench/intake-benchmark.sh, which issues the key): the clients post as the 12345 channel with its machine key
 * ({@code Authorization: Bearer}), as a channel does in production.
 *
 * <p>With a fifth argument {@code bare:<processKey>} the clients instead start that process through
 * {@code POST /engine-rest/process-definition/key/<processKey>/start} (the floor: a bare Camunda start, one
 * variable), authenticated as {@code YISHI_BENCH_BASIC} (user:password); bench/intake-benchmark.sh deploys a
 * one-task process for it and prints both throughputs and their ratio.
 */
public class IntakeLoad {
  static final String[] CATEGORIES = {"streetlight", "corridor-clutter", "drainage", "noise", "pets", "greening", "road-repair"};
  /** The demo county's communities, or with YISHI_BENCH_COMMUNITIES=n the city directory's c0001 … c&lt;n&gt;. */
  static final String[] COMMUNITIES = communities(System.getenv("YISHI_BENCH_COMMUNITIES"));

  static String[] communities(String count) {
    if (count == null || count.isBlank()) {
      return new String[] {"hualin", "shengdian", "jiaoyuyuan"};
    }
    String[] codes = new String[Integer.parseInt(count.strip())];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = "c%04d".formatted(i + 1);
    }
    return codes;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
    String bare = args.length > 4 && args[4].startsWith("bare:") ? args[4].substring(5) : null;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(clients)).build();
    String key = System.getenv("YISHI_BENCH_KEY");
    String basic = System.getenv("YISHI_BENCH_BASIC");
    String auth;
    if (bare == null && key != null && !key.isBlank()) {
      auth = "Bearer " + key.strip();
    } else if (basic != null && !basic.isBlank()) {
      // HTTP Basic as user:password, for builds without machine keys (a comparison with an older jar)
      auth = "Basic " + java.util.Base64.getEncoder().encodeToString(basic.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } else {
      System.err.println("Set YISHI_BENCH_KEY (issue a key with POST /api/machine-keys/channel.12345/rotate)"
          + " or YISHI_BENCH_BASIC=user:password");
      System.exit(2);
      return;
    }
    AtomicLong sequence = new AtomicLong();
    // YISHI_BENCH_REQUESTS=n: the measured phase sends exactly n requests (bench/intake-count.sh) instead of running
    // for the given seconds
    String fixed = System.getenv("YISHI_BENCH_REQUESTS");
    long requests = fixed == null || fixed.isBlank() ? Long.MAX_VALUE : Long.parseLong(fixed.strip());
    long runId = System.currentTimeMillis();

    System.out.printf("warm-up %d s with %d clients ...%n", warmup, clients);
    run(http, base, auth, clients, warmup, sequence, runId, bare, new AtomicLong(Long.MAX_VALUE));
    System.out.printf(requests == Long.MAX_VALUE ? "measuring %d s with %d clients ...%n"
        : "measuring " + requests + " requests with %2$d clients ...%n", seconds, clients);
    Result r = run(http, base, auth, clients, requests == Long.MAX_VALUE ? seconds : Integer.MAX_VALUE / 2, sequence,
        runId, bare, new AtomicLong(requests));

    long[] lat = r.latenciesMicros;
    Arrays.sort(lat);
    double rate = r.ok / r.elapsedSeconds;
    System.out.printf("cases created: %d in %.1f s, errors: %d%n", r.ok, r.elapsedSeconds, r.errors);
    System.out.printf("throughput: %.1f cases/s%n", rate);
    System.out.printf("latency p50: %.1f ms, p99: %.1f ms, max: %.1f ms%n",
        pct(lat, 50) / 1000.0, pct(lat, 99) / 1000.0, lat.length == 0 ? 0 : lat[lat.length - 1] / 1000.0);
    System.out.println("server heap: " + heap(http, base.split(",")[0]));
    System.exit(r.errors > 0 ? 1 : 0);
  }

  record Result(long ok, long errors, double elapsedSeconds, long[] latenciesMicros) {}

  static Result run(HttpClient http, String base, String auth, int clients, int seconds, AtomicLong sequence, long runId,
      String bare, AtomicLong left) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    List<Future<long[][]>> futures = new ArrayList<>();
    String[] nodes = base.split(","); // several nodes of one cluster: client c sends to node c % nodes
    for (int c = 0; c < clients; c++) {
      String node = nodes[c % nodes.length];
      futures.add(pool.submit(() -> {
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
          long n = sequence.incrementAndGet();
          String body = """
              {"channel":"HOTLINE_12345","externalId":"bench-%d-%d","category":"%s","title":"压测诉求 %d",
               "description":"基准测试生成的诉求，用于测量受理接口的吞吐量。","community":"%s",
               "location":{"address":"测试小区%d栋 %d-%d"},"householdsAffected":3,
               "reporter":{"name":"测试","phone":"13800138000"}}"""
              .formatted(runId, n, CATEGORIES[(int) (n % CATEGORIES.length)], n, COMMUNITIES[(int) (n % COMMUNITIES.length)], n, runId, n);
          String path = "/api/cases";
          int expected = 201;
          if (bare != null) {
            path = "/engine-rest/process-definition/key/" + bare + "/start";
            body = "{\"businessKey\":\"bare-%d-%d\",\"variables\":{\"n\":{\"value\":%d}}}".formatted(runId, n, n);
            expected = 200;
          }
          HttpRequest req = HttpRequest.newBuilder(URI.create(node + path))
              .header("Content-Type", "application/json").header("Authorization", auth)
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(body)).build();
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - t0) / 1000;
            if (resp.statusCode() == expected) {
              latencies.add(micros);
            } else {
              errors++;
              if (errors < 3) {
                System.err.println("HTTP " + resp.statusCode() + ": " + resp.body());
              }
            }
          } catch (Exception e) {
            errors++;
          }
        }
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        return new long[][] {l, {errors}};
      }));
    }
    List<Long> all = new ArrayList<>();
    long errors = 0;
    for (Future<long[][]> f : futures) {
      long[][] r = f.get();
      for (long v : r[0]) {
        all.add(v);
      }
      errors += r[1][0];
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(all.size(), errors, elapsed, all.stream().mapToLong(Long::longValue).toArray());
  }

  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
  }

  static String heap(HttpClient http, String base) {
    try {
      String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      double used = 0;
      Matcher m = Pattern.compile("jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)").matcher(metrics);
      while (m.find()) {
        used += Double.parseDouble(m.group(1));
      }
      double max = 0;
      Matcher mx = Pattern.compile("jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)").matcher(metrics);
      while (mx.find()) {
        double v = Double.parseDouble(mx.group(1));
        max += v > 0 ? v : 0;
      }
      return String.format("%.0f MiB used of %.0f MiB max", used / 1048576, max / 1048576);
    } catch (Exception e) {
      return "unavailable (" + e.getMessage() + ")";
    }
  }
}
