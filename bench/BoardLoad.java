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

/**
 * GET load on one URL: N clients for a fixed time. With "revalidate", each request carries the
 * ETag of the first answer (as a polling phone would) and expects 304; with "full", every request
 * downloads the page. Usage: java bench/BoardLoad.java <url> <clients> <seconds> <full|revalidate>
 */
public class BoardLoad {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int clients = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    boolean revalidate = "revalidate".equals(args[3]);
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    String etag = first.headers().firstValue("ETag").orElse(null);
    int expected = revalidate ? 304 : 200;
    System.out.printf("%s: %d bytes, ETag %s; %d clients, %d s, %s%n", url, first.body().length(), etag, clients, seconds, revalidate ? "If-None-Match" : "full downloads");
    for (int round = 0; round < 2; round++) {
      long deadline = System.nanoTime() + (round == 0 ? 5L : seconds) * 1_000_000_000L;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<long[]>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        futures.add(pool.submit(() -> {
          List<Long> lat = new ArrayList<>();
          long errors = 0;
          while (System.nanoTime() < deadline) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
            if (revalidate && etag != null) {
              b.header("If-None-Match", etag);
            }
            long t0 = System.nanoTime();
            try {
              HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
              if (r.statusCode() == expected) {
                lat.add((System.nanoTime() - t0) / 1000);
              } else {
                errors++;
              }
            } catch (Exception e) {
              errors++;
            }
          }
          long[] out = new long[lat.size() + 1];
          out[0] = errors;
          for (int i = 0; i < lat.size(); i++) {
            out[i + 1] = lat.get(i);
          }
          return out;
        }));
      }
      List<Long> all = new ArrayList<>();
      long errors = 0;
      for (Future<long[]> f : futures) {
        long[] r = f.get();
        errors += r[0];
        for (int i = 1; i < r.length; i++) {
          all.add(r[i]);
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      if (round == 0) {
        continue; // warm-up
      }
      long[] lat = all.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("requests/s: %.0f (%d in %.1f s, errors %d); p50 %.2f ms, p99 %.2f ms%n", all.size() / elapsed,
          all.size(), elapsed, errors, lat.length == 0 ? 0 : lat[lat.length / 2] / 1000.0,
          lat.length == 0 ? 0 : lat[(int) Math.min(lat.length - 1, Math.ceil(lat.length * 0.99) - 1)] / 1000.0);
    }
    System.exit(0);
  }
}
