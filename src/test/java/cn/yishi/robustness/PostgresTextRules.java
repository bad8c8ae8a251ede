package cn.yishi.robustness;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * H2 as strict as PostgreSQL about text: PostgreSQL refuses a NUL character in any text value (a parameter or the
 * statement itself, {@code invalid byte sequence for encoding "UTF8": 0x00}), and its driver silently turns a lone
 * surrogate into {@code ?}. The wrapped data source refuses both, so that a test on H2 sees every unchecked text that
 * would fail or be corrupted on PostgreSQL.
 */
final class PostgresTextRules {
  private PostgresTextRules() {}

  /** Wraps the application's data source (the engine, Flyway and the project's repositories use the same one). */
  @TestConfiguration(proxyBeanMethods = false)
  static class Config {
    @Bean
    static BeanPostProcessor postgresTextRules() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          return bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass())) ? wrap(ds) : bean;
        }
      };
    }
  }

  static DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target);
  }

  /** The first character PostgreSQL cannot take, or -1. */
  static int unstorable(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target) {
    Class<?>[] interfaces = target instanceof CallableStatement ? new Class<?>[] {CallableStatement.class}
        : target instanceof PreparedStatement ? new Class<?>[] {PreparedStatement.class}
        : new Class<?>[] {type};
    InvocationHandler handler = (p, method, args) -> invoke(target, method, args);
    return (T) Proxy.newProxyInstance(PostgresTextRules.class.getClassLoader(), interfaces, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (args != null && (name.startsWith("set") || name.startsWith("execute") || name.equals("addBatch")
        || name.startsWith("prepare"))) {
      for (Object a : args) {
        if (a instanceof String s && unstorable(s) >= 0) {
          throw new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\" (emulated PostgreSQL on H2): "
              + (s.indexOf(0) >= 0 ? "0x00" : "lone surrogate"), "22021");
        }
      }
    }
    if (name.equals("unwrap") && args != null && ((Class<?>) args[0]).isInstance(target)) {
      return target;
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result instanceof Connection c && method.getReturnType() == Connection.class) {
      return proxy(Connection.class, c);
    }
    if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
      return proxy(Statement.class, s);
    }
    return result;
  }
}
