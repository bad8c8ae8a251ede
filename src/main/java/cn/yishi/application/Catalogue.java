package cn.yishi.application;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The category catalogue (诉求类别), from configuration (catalogue.yaml). */
@ConfigurationProperties("yishi.catalogue")
public record Catalogue(List<Category> categories) {

  public record Category(String code, String name, String group) {}

  public Catalogue {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  public boolean contains(String code) {
    return find(code).isPresent();
  }

  public Optional<Category> find(String code) {
    return categories.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}
