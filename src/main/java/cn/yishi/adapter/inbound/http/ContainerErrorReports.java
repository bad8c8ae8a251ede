package cn.yishi.adapter.inbound.http;

import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error report (an English HTML page) replaced by the project's replies: for what Tomcat refuses before
 * the application sees it (a path with {@code %00} or broken UTF-8) and for an error status that reached the end of
 * a request with nothing written (a {@code sendError} of the engine's REST API). See {@link ErrorReplies}.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
  private final ObjectProvider<ErrorReplies> replies;

  ContainerErrorReports(ObjectProvider<ErrorReplies> replies) {
    this.replies = replies;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        // the host adds its error report valve at start unless one of this class is in its pipeline already
        host.setErrorReportValveClass(Valve.class.getName());
        host.getPipeline().addValve(new Valve(replies));
      }
    });
  }

  /** The error report valve of the host. */
  static class Valve extends ErrorReportValve {
    private final ObjectProvider<ErrorReplies> replies;

    Valve(ObjectProvider<ErrorReplies> replies) {
      this.replies = replies;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      ErrorReplies r = replies.getIfAvailable();
      if (r == null) {
        return;
      }
      HttpStatusCode code = HttpStatusCode.valueOf(status);
      var reason = ErrorPages.reason(code);
      ResponseEntity<byte[]> entity = ErrorReplies.isEngine(ErrorReplies.path(request))
          ? r.engine(request, code, ErrorPages.engineType(code), reason.message())
          : r.reply(request, code, List.of(reason));
      try {
        response.setContentType(null);
        ErrorReplies.send(entity, response);
        response.finishResponse();
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response cannot take a body any more: the status stands
      }
    }
  }
}
