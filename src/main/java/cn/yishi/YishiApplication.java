package cn.yishi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class YishiApplication {
  public static void main(String[] args) {
    SpringApplication.run(YishiApplication.class, args);
  }
}
