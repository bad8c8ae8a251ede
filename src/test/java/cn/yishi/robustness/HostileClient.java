package cn.yishi.robustness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends generated requests to a running application and keeps every answer that is a server error. */
final class HostileClient {
  /** What came back: a status (0 when the exchange failed), the content type and the start of the body. */
  record Answer(int status, String contentType, String body, String failure, long millis) {}

  /** A request and its answer. */
  record Exchange(HostileRequests.Request request, Answer answer) {
    @Override
    public String toString() {
      return answer.status() + " (" + answer.millis() + " ms) " + (answer.failure() == null ? "" : answer.failure() + " ") + "<- " + request.describe()
          + "\n      answer " + answer.contentType() + ": " + answer.body();
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  HostileClient(int port) {
    this.port = port;
  }

  /**
   * Sends a request; a request whose exchange broke is sent once more, as the server may have closed a kept-alive
   * connection just before it was reused.
   */
  Answer send(HostileRequests.Request r) throws InterruptedException {
    Answer a = sendOnce(r);
    return a.status() == 0 ? sendOnce(r) : a;
  }

  private Answer sendOnce(HostileRequests.Request r) throws InterruptedException {
    HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
        : r.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(r.body()))
        : HttpRequest.BodyPublishers.ofByteArray(r.body());
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + r.path()))
        .timeout(Duration.ofSeconds(20)).method(r.method(), body);
    r.headers().forEach(b::header);
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      String text = new String(response.body(), StandardCharsets.UTF_8);
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          text.length() > 300 ? text.substring(0, 300) + "…" : text, null, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      return new Answer(0, "", "", e.getClass().getSimpleName() + ": " + e.getMessage(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Whether an answer is a failure: a server error, Spring's English Whitelabel page, a refusal in a type the client
   * does not accept, or a broken exchange (except when a body far over the limits was cut off by the server).
   */
  static boolean failed(HostileRequests.Request r, Answer a) {
    if (a.status() == 0) {
      return r.body() == null || r.body().length < 1_000_000;
    }
    return a.status() >= 500 || a.body().contains("Whitelabel") || unacceptable(r, a);
  }

  /**
   * Whether a refusal with a body came in a type the request's {@code Accept} does not take. Open311 answers in the
   * format its path names ({@code .json}, {@code .xml}), as GeoReport v2 specifies, whatever the {@code Accept}.
   */
  static boolean unacceptable(HostileRequests.Request r, Answer a) {
    String accept = r.headers().get("Accept");
    if (a.status() < 400 || a.body().isEmpty() || a.contentType().isEmpty() || accept == null
        || r.path().startsWith("/open311/")) {
      return false;
    }
    try {
      org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(a.contentType());
      return org.springframework.http.MediaType.parseMediaTypes(accept).stream()
          .noneMatch(m -> m.includes(type) && m.getQualityValue() > 0);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Sends {@code count} requests (or as many as fit in {@code budget}) and returns the failed exchanges. */
  static Result run(int port, long seed, HostileRequests.Known known, int count, Duration budget) throws InterruptedException {
    HostileClient client = new HostileClient(port);
    HostileRequests requests = new HostileRequests(seed, known);
    List<Exchange> failures = new ArrayList<>();
    List<Exchange> slowest = new ArrayList<>();
    long start = System.nanoTime();
    int sent = 0;
    while (sent < count && System.nanoTime() - start < budget.toNanos()) {
      HostileRequests.Request r = requests.next();
      Answer a = client.send(r);
      sent++;
      if (failed(r, a)) {
        failures.add(new Exchange(r, a));
      }
      if (slowest.size() < 10 || a.millis() > slowest.get(slowest.size() - 1).answer().millis()) {
        slowest.add(new Exchange(r, a));
        slowest.sort((x, y) -> Long.compare(y.answer().millis(), x.answer().millis()));
        if (slowest.size() > 10) {
          slowest.remove(10);
        }
      }
    }
    return new Result(sent, Duration.ofNanos(System.nanoTime() - start), failures, slowest);
  }

  /** How many requests went out, how long they took, what failed, and the ten slowest. */
  record Result(int sent, Duration took, List<Exchange> failures, List<Exchange> slowest) {}
}
