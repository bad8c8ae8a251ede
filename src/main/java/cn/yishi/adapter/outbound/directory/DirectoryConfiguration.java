package cn.yishi.adapter.outbound.directory;

import cn.yishi.domain.directory.Directory;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The organisation directory, read from {@code yishi.directory.location}. */
@Configuration
public class DirectoryConfiguration {

  /** A malformed file stops start-up, naming the file, line and problem. */
  @Bean
  Directory directory(ResourceLoader loader, @Value("${yishi.directory.location}") String location) {
    Resource resource = loader.getResource(location);
    if (!resource.exists()) {
      throw new DirectoryException(location, 0, "文件不存在");
    }
    try (InputStream in = resource.getInputStream()) {
      return DirectoryYamlReader.read(location, in);
    } catch (IOException e) {
      throw new DirectoryException(location, 0, "无法读取：" + e.getMessage());
    }
  }
}
