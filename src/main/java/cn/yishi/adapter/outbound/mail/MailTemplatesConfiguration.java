package cn.yishi.adapter.outbound.mail;

import cn.yishi.application.MailTemplates;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The mail templates, read from {@code yishi.mail.templates}. */
@Configuration
public class MailTemplatesConfiguration {

  /** A malformed file stops start-up, naming the file, line and problem. */
  @Bean
  MailTemplates mailTemplates(ResourceLoader loader,
      @Value("${yishi.mail.templates:classpath:mail-templates.yaml}") String location) {
    Resource resource = loader.getResource(location);
    if (!resource.exists()) {
      throw new MailTemplatesYamlReader.MailTemplatesFileException(location, 0, "文件不存在");
    }
    try (InputStream in = resource.getInputStream()) {
      return MailTemplatesYamlReader.read(location, in);
    } catch (IOException e) {
      throw new MailTemplatesYamlReader.MailTemplatesFileException(location, 0, "无法读取：" + e.getMessage());
    }
  }
}
