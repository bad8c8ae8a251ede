package cn.yishi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser suites' harness: Debian's chromium ({@code CHROMIUM}, default /usr/bin/chromium) driven by a
 * playwright-core script under src/test/e2e, one step per node run.
 */
public final class BrowserSuite {
  public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  private BrowserSuite() {}

  /** Fails under CI=true, and otherwise skips with a visible reason, when chromium or playwright-core is missing. */
  public static void requireBrowser() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (apt-get install -y chromium)");
    }
    if (!Files.exists(Path.of("node_modules/playwright-core"))) {
      missing.add("node_modules/playwright-core (npm ci)");
    }
    if (!missing.isEmpty()) {
      String why = "The browser test needs " + String.join(" and ", missing);
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true and " + why);
      }
      System.err.println("SKIPPING the browser test: " + why);
      Assumptions.abort(why);
    }
  }

  /** Runs one step of the script ({@code args[0]} names it); asserts it succeeded and returns its output. */
  public static String node(Path script, String... args) throws IOException, InterruptedException {
    return node(90, script, args);
  }

  /** {@link #node(Path, String...)} with a longer limit, for steps that sign in on a busy, shared machine. */
  public static String node(int seconds, Path script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done && p.exitValue() == 0).as("browser step %s failed:%n%s", args[0], out).isTrue();
    return out;
  }
}
