package cn.yishi.platform.web;

import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ExceptionLogger;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.spin.SpinRuntimeException;
import org.xml.sax.SAXException;

/**
 * The engine REST API's answers to exceptions, in Camunda's format ({@code type}, {@code message}, {@code code}), with
 * two corrections. A mistake of the client that Camunda reports as 500 gets its 4xx:
 * <ul>
 *   <li>404: an unknown task, instance or execution;</li>
 *   <li>400: refused form or variable input (a start with invalid variables, as submit-form), a null variable or a
 *       variable type the REST layer cannot convert, a model or decision input that cannot be read, a message without
 *       the variables its event needs, a password against the policy, an id outside the resource whitelist, a value
 *       the database refuses as data (too long for its column);</li>
 *   <li>409: a task claimed by someone else, a concurrent change;</li>
 *   <li>413: a body over the limit ({@link EngineInputGuardFilter}).</li>
 * </ul>
 * And the answer comes in a type the client accepts: JSON, else plain text, else 406 without a body.
 *
 * <p>Registered with Camunda's Jersey configuration and the webapps' JAX-RS applications (see
 * {@link EngineSecurityConfiguration}) for the same exception types as Camunda's own mappers, with a higher priority,
 * so that Jersey picks these.
 */
final class EngineRestErrors {
  private EngineRestErrors() {}

  static final int PRIORITY = 1;
  /** The mappers, one per exception type Camunda maps itself. */
  static final java.util.List<Class<?>> MAPPERS = java.util.List.of(ForRestException.class, ForProcessEngineException.class,
      ForJsonParseException.class, ForJsonMappingException.class, ForThrowable.class);
  /** The same for the webapps' APIs under {@code /camunda/api}: the message a person reads there is Chinese. */
  static final java.util.List<Class<?>> WEBAPP_MAPPERS = java.util.List.of(ForRestExceptionInWebapps.class,
      ForProcessEngineExceptionInWebapps.class, ForJsonParseExceptionInWebapps.class, ForJsonMappingExceptionInWebapps.class,
      ForThrowableInWebapps.class);
  /** The engine refuses a password against the policy with a plain ProcessEngineException and this message. */
  private static final String PASSWORD_POLICY = "Password does not match policy";
  /** ... and a user, group or tenant id outside the resource whitelist with one that ends so. */
  private static final String INVALID_ID = "is not a valid resource identifier.";

  static Response answer(Throwable e, HttpHeaders headers) {
    return answer(e, headers, false);
  }

  /**
   * The answer; {@code forPerson}: for the webapps, whose {@code message} a person reads in Tasklist, Cockpit or Admin:
   * only a Chinese reason ({@link WebappErrorMessages}), with the same status and type.
   */
  static Response answer(Throwable e, HttpHeaders headers, boolean forPerson) {
    ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
    int status = helper.getStatus(e).getStatusCode();
    if (status == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode() || tooLarge(e)) {
      status = clientStatus(e);
    }
    if (status >= 500) {
      ExceptionLogger.REST_LOGGER.log(e);
    }
    ExceptionDto dto = helper.fromException(e);
    if (forPerson) {
      dto.setMessage(WebappErrorMessages.forPerson(e, status));
    }
    String accept = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT);
    return switch (JsonErrors.form(accept)) {
      case JSON -> Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).header("Vary", "Accept").build();
      case PLAIN -> Response.status(status).entity(dto.getMessage() == null ? "" : dto.getMessage())
          .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).header("Vary", "Accept").build();
      case NONE -> Response.status(Response.Status.NOT_ACCEPTABLE).header("Vary", "Accept").build();
    };
  }

  /** The status of an exception Camunda answers with 500: a 4xx when anywhere in its causes the client's input was refused. */
  static int clientStatus(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EngineInputGuardFilter.TooLarge) {
        return 413;
      }
      if (t instanceof AuthorizationException) {
        return 403;
      }
      if (t instanceof NotFoundException || missingEntity(t)) {
        return 404;
      }
      if (t instanceof TaskAlreadyClaimedException || t instanceof OptimisticLockingException) {
        return 409;
      }
      if (t instanceof NullValueException) {
        return notFound(t.getMessage()) ? 404 : 400;
      }
      if (t instanceof FormFieldValidationException || t instanceof BadUserRequestException || t instanceof NotValidException
          || t instanceof ValidationException || t instanceof JsonProcessingException || t instanceof SpinRuntimeException
          || t instanceof SAXException || t instanceof ModelException || t instanceof DmnEngineException
          || t instanceof FeelException || t instanceof PropertyNotFoundException || malformedInput(t)
          || PASSWORD_POLICY.equals(t.getMessage()) || invalidId(t) || dataException(t)) {
        return 400;
      }
      if (t instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() < 500) {
        return w.getResponse().getStatus();
      }
    }
    return 500;
  }

  /**
   * The engine's authorization check stumbling on an entity the client named but that does not exist: with
   * authorization on, {@code GET /task/{id}/deployed-form} checks the permission on the task before it checks that the
   * task exists, and the checker dereferences {@code null}.
   */
  private static boolean missingEntity(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    return t instanceof NullPointerException && stack.length > 0
        && stack[0].getClassName().equals("org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker");
  }

  /**
   * The database refused a value the client sent (SQL state class 22, data exception: too long for its column, a
   * number out of range, a character it cannot store), as when a task is claimed for a user id of 5,000 characters.
   */
  private static boolean invalidId(Throwable t) {
    return t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().endsWith(INVALID_ID);
  }

  static boolean dataException(Throwable t) {
    return t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("22");
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EngineInputGuardFilter.TooLarge) {
        return true;
      }
    }
    return false;
  }

  /**
   * Input the REST layer itself stumbled on: it only converts the request into engine calls, so a null, an index or
   * an argument it cannot take there is a body or a variable the client sent (a variable given as {@code null}, a
   * variable type {@code ""}).
   */
  private static boolean malformedInput(Throwable t) {
    if (!(t instanceof NullPointerException || t instanceof IndexOutOfBoundsException || t instanceof IllegalArgumentException
        || t instanceof ClassCastException)) {
      return false;
    }
    for (StackTraceElement frame : t.getStackTrace()) {
      String c = frame.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
        return c.startsWith("org.camunda.bpm.engine.rest.");
      }
    }
    return false;
  }

  private static boolean notFound(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return m.contains("cannot find") || m.contains("doesn't exist") || m.contains("does not exist") || m.contains("not found");
  }

  /** For Camunda's {@link RestException} and {@code InvalidRequestException}. */
  @Priority(PRIORITY)
  public static class ForRestException implements ExceptionMapper<RestException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(RestException e) {
      return answer(e, headers, forPerson());
    }

    boolean forPerson() {
      return false;
    }
  }

  /** For the engine's exceptions that reach the REST layer unwrapped. */
  @Priority(PRIORITY)
  public static class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(ProcessEngineException e) {
      return answer(e, headers, forPerson());
    }

    boolean forPerson() {
      return false;
    }
  }

  /** For a body that is not JSON; as Camunda's own mapper, the message is left empty. */
  @Priority(PRIORITY)
  public static class ForJsonParseException implements ExceptionMapper<JsonParseException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(JsonParseException e) {
      return answer(new InvalidRequestException(Response.Status.BAD_REQUEST, e, ""), headers, forPerson());
    }

    boolean forPerson() {
      return false;
    }
  }

  /** For JSON of the wrong shape; as Camunda's own mapper, the message is left empty. */
  @Priority(PRIORITY)
  public static class ForJsonMappingException implements ExceptionMapper<JsonMappingException> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(JsonMappingException e) {
      return answer(new InvalidRequestException(Response.Status.BAD_REQUEST, e, ""), headers, forPerson());
    }

    boolean forPerson() {
      return false;
    }
  }

  /** For everything else, as Camunda's catch-all does. */
  @Priority(PRIORITY)
  public static class ForThrowable implements ExceptionMapper<Throwable> {
    @Context private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
      return answer(e, headers, forPerson());
    }

    boolean forPerson() {
      return false;
    }
  }

  /** {@link ForRestException} for the webapps: a Chinese message. */
  @Priority(PRIORITY)
  public static class ForRestExceptionInWebapps extends ForRestException {
    @Override
    boolean forPerson() {
      return true;
    }
  }

  /** {@link ForProcessEngineException} for the webapps: a Chinese message. */
  @Priority(PRIORITY)
  public static class ForProcessEngineExceptionInWebapps extends ForProcessEngineException {
    @Override
    boolean forPerson() {
      return true;
    }
  }

  /** {@link ForJsonParseException} for the webapps: a Chinese message. */
  @Priority(PRIORITY)
  public static class ForJsonParseExceptionInWebapps extends ForJsonParseException {
    @Override
    boolean forPerson() {
      return true;
    }
  }

  /** {@link ForJsonMappingException} for the webapps: a Chinese message. */
  @Priority(PRIORITY)
  public static class ForJsonMappingExceptionInWebapps extends ForJsonMappingException {
    @Override
    boolean forPerson() {
      return true;
    }
  }

  /** {@link ForThrowable} for the webapps: a Chinese message. */
  @Priority(PRIORITY)
  public static class ForThrowableInWebapps extends ForThrowable {
    @Override
    boolean forPerson() {
      return true;
    }
  }
}
