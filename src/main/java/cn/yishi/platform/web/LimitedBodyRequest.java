package cn.yishi.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A request whose body may be read up to a limit, for bodies that come without a length (chunked) or that a filter
 * does not read itself: reading past the limit, through the stream or the reader (UTF-8), throws the exception the
 * filter gives, which its error handling answers with 413. Used by {@code RequestSizeLimitFilter} (the project's
 * paths) and {@link EngineInputGuardFilter} (the engine's). Plain servlet code, no project class: the adapters may
 * use it (see LayerTest).
 */
public final class LimitedBodyRequest extends HttpServletRequestWrapper {
  private final long limit;
  private final Supplier<? extends IOException> tooLarge;
  private ServletInputStream stream;

  public LimitedBodyRequest(HttpServletRequest request, long limit, Supplier<? extends IOException> tooLarge) {
    super(request);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      ServletInputStream in = super.getInputStream();
      stream = new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw tooLarge.get();
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          if (n > 0 && (read += n) > limit) {
            throw tooLarge.get();
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }
}
