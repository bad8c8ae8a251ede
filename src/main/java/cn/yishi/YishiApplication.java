package cn.yishi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class YishiApplication {
  public static void main(String[] args) {
    // The engine's cron timers (旬跟进, 月调度, 定期听) fire in the JVM's zone: make it yishi.zone.
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(System.getenv().getOrDefault("YISHI_ZONE", "Asia/Shanghai")));
    SpringApplication.run(YishiApplication.class, args);
  }
}
