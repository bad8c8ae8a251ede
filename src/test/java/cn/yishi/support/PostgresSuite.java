package cn.yishi.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test class of the PostgreSQL integration suite: the whole application on a random port with the
 * production profile (the database comes from {@link PostgresTestDatabase#register} in the class's
 * {@code @DynamicPropertySource}). Its context is closed after the class, so that the suite holds one
 * context's pool ({@value PostgresTestDatabase#POOL_SIZE} connections) at a time, and its connections
 * are counted against the suite's budget ({@link ConnectionBudget}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DirtiesContext
@ExtendWith(ConnectionBudget.class)
public @interface PostgresSuite {}
