package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.outbound.directory.DirectoryYamlReader;
import cn.yishi.application.Catalogue;
import cn.yishi.domain.directory.Directory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The forms' selects are filled from the catalogue and the directory before deployment; an unknown
 * source stops start-up naming the form and the component; a changed catalogue deploys the forms anew.
 */
class FormOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Catalogue shippedCatalogue() throws IOException {
    var sources = new YamlPropertySourceLoader().load("catalogue", new ClassPathResource("catalogue.yaml"));
    return new Binder(ConfigurationPropertySources.from(sources)).bind("yishi.catalogue", Catalogue.class).get();
  }

  static Directory shippedDirectory() throws IOException {
    try (InputStream in = new ClassPathResource("directory/fengxin.yaml").getInputStream()) {
      return DirectoryYamlReader.read("classpath:directory/fengxin.yaml", in);
    }
  }

  private static Catalogue catalogue(String... codeAndName) {
    List<Catalogue.Category> categories = new ArrayList<>();
    for (int i = 0; i < codeAndName.length; i += 2) {
      categories.add(new Catalogue.Category(codeAndName[i], codeAndName[i + 1], "公共设施"));
    }
    return new Catalogue(categories);
  }

  private static byte[] form(String components) {
    return ("{\"id\":\"f\",\"type\":\"default\",\"components\":[" + components + "]}").getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode read(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }

  /** Every component with {@code yishi.options}, at any depth. */
  private static List<JsonNode> optionComponents(JsonNode components) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode c : components) {
      if (c.path("properties").has(FormOptions.PROPERTY)) {
        found.add(c);
      }
      found.addAll(optionComponents(c.path("components")));
    }
    return found;
  }

  @Test
  void everyShippedFormIsFilledFromTheCatalogueAndTheDirectory() throws IOException {
    Catalogue catalogue = shippedCatalogue();
    Directory directory = shippedDirectory();
    assertThat(catalogue.categories()).hasSizeGreaterThan(10);
    List<cn.yishi.domain.proxy.ProxyServiceType> proxyServices = shippedProxyCatalogue().services();
    FormOptions options = new FormOptions(catalogue, directory, () -> proxyServices);
    int filled = 0;
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path f : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        JsonNode form = read(options.fill("forms/" + f.getFileName(), Files.readAllBytes(f)));
        for (JsonNode c : optionComponents(form.path("components"))) {
          List<FormOptions.Option> expected = options.options(c.path("properties").path(FormOptions.PROPERTY).asText());
          List<FormOptions.Option> actual = new ArrayList<>();
          c.path("values").forEach(v -> actual.add(new FormOptions.Option(v.path("value").asText(), v.path("label").asText())));
          assertThat(actual).as(f + " " + c.path("id").asText()).isNotEmpty().isEqualTo(expected);
          filled++;
        }
      }
    }
    assertThat(filled).as("selects filled in forms/").isGreaterThanOrEqualTo(20);
    assertThat(options.options(FormOptions.CATEGORIES))
        .contains(new FormOptions.Option("streetlight", "路灯照明"), new FormOptions.Option("policy-question", "政策咨询"))
        .hasSize(catalogue.categories().size());
    assertThat(options.options(FormOptions.COMMUNITIES)).contains(new FormOptions.Option("hualin", "华林社区"));
    assertThat(options.options(FormOptions.UNITS))
        .contains(new FormOptions.Option("housing", "县住建局"), new FormOptions.Option("property-hualin", "华林社区物业服务公司"))
        .hasSize(directory.units().size());
    assertThat(options.options(FormOptions.URGENCIES)).extracting(FormOptions.Option::value).containsExactly("RED", "YELLOW", "GREEN");
    assertThat(options.options(FormOptions.TIERS)).extracting(FormOptions.Option::value).containsExactly("STATION", "ROOM", "HALL", "COUNTY");
    assertThat(options.options(FormOptions.DISPOSALS)).extracting(FormOptions.Option::value)
        .containsExactly("IMMEDIATE", "COMMITTED", "DELIBERATED");
    assertThat(options.options(FormOptions.STAFF_CHANNELS))
        .contains(new FormOptions.Option("HOTLINE_12345", "12345热线"), new FormOptions.Option("GRID_VISIT", "网格员走访"))
        .extracting(FormOptions.Option::value).doesNotContain("QR_CODE", "MINI_PROGRAM", "LISTENING_DAY");
  }

  @Test
  void nestedComponentsAreFilledAndTheRestOfTheFormIsKept() throws IOException {
    FormOptions options = new FormOptions(catalogue("drainage", "排水疏通"), shippedDirectory());
    byte[] filled = options.fill("forms/f.form", form("""
        {"type":"select","id":"field_category","key":"category","label":"诉求类别","readonly":true,
         "values":[{"label":"旧的","value":"old"}],"properties":{"yishi.options":"categories","other":"x"}},
        {"type":"dynamiclist","id":"list_items","path":"items","components":[
          {"type":"radio","id":"field_unit","key":"unit","label":"单位","properties":{"yishi.options":"units"}}]},
        {"type":"select","id":"field_static","key":"satisfaction","values":[{"label":"5分","value":"5"}]}"""));

    JsonNode components = read(filled).path("components");
    assertThat(components.get(0).path("values").toString()).isEqualTo("[{\"label\":\"排水疏通\",\"value\":\"drainage\"}]");
    assertThat(components.get(0).path("readonly").asBoolean()).isTrue();
    assertThat(components.get(0).path("properties").path("other").asText()).isEqualTo("x");
    assertThat(components.get(1).path("components").get(0).path("values").get(0).path("value").asText()).isEqualTo("housing");
    assertThat(components.get(2).path("values").toString()).as("a select without the property keeps its values")
        .isEqualTo("[{\"label\":\"5分\",\"value\":\"5\"}]");
    assertThat(new String(filled, StandardCharsets.UTF_8)).as("Chinese stays readable").contains("排水疏通");
  }

  @Test
  void aFormWithoutOptionSourcesAndOtherResourcesStayByteForByte() throws IOException {
    FormOptions options = new FormOptions(shippedCatalogue(), shippedDirectory());
    byte[] plain = form("{\"type\":\"textfield\",\"id\":\"field_title\",\"key\":\"title\"}");
    assertThat(options.fill("forms/f.form", plain)).isSameAs(plain);
    byte[] bpmn = "<definitions/>".getBytes(StandardCharsets.UTF_8);
    assertThat(options.fill("bpmn/p.bpmn", bpmn)).isSameAs(bpmn);
  }

  @Test
  void theSameConfigurationGivesTheSameBytesAndAChangedOneOthers() throws IOException {
    byte[] f = form("{\"type\":\"select\",\"id\":\"field_category\",\"key\":\"category\",\"properties\":{\"yishi.options\":\"categories\"}}");
    Directory directory = shippedDirectory();
    byte[] once = new FormOptions(catalogue("drainage", "排水疏通"), directory).fill("forms/f.form", f);
    byte[] again = new FormOptions(catalogue("drainage", "排水疏通"), directory).fill("forms/f.form", f);
    byte[] changed = new FormOptions(catalogue("drainage", "排水疏通", "noise", "噪音扰民"), directory).fill("forms/f.form", f);

    assertThat(again).isEqualTo(once);
    assertThat(changed).isNotEqualTo(once);
  }

  @Test
  void anUnknownSourceStopsStartUpNamingTheFormAndTheComponent() throws IOException {
    FormOptions options = new FormOptions(shippedCatalogue(), shippedDirectory());

    assertThatThrownBy(() -> options.fill("forms/issueReview.form", form(
        "{\"type\":\"select\",\"id\":\"field_unit\",\"key\":\"responsibleUnit\",\"properties\":{\"yishi.options\":\"agencies\"}}")))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("forms/issueReview.form").hasMessageContaining("field_unit")
        .hasMessageContaining("agencies").hasMessageContaining("categories、communities、units");
    assertThatThrownBy(() -> options.fill("forms/g.form", form("""
        {"type":"group","id":"group_a","components":[
          {"type":"checklist","id":"field_nested","key":"x","properties":{"yishi.options":""}}]}""")))
        .as("nested, and an empty name")
        .isInstanceOf(StartupRefusedException.class).hasMessageContaining("forms/g.form").hasMessageContaining("field_nested");
    assertThatThrownBy(() -> options.fill("forms/h.form", form(
        "{\"type\":\"select\",\"id\":\"field_obj\",\"key\":\"x\",\"properties\":{\"yishi.options\":{\"a\":1}}}")))
        .as("not a name").isInstanceOf(StartupRefusedException.class).hasMessageContaining("field_obj");
  }

  @Test
  void theSourceOnAComponentWithoutOptionsOrBesideDynamicOptionsIsRefused() throws IOException {
    FormOptions options = new FormOptions(shippedCatalogue(), shippedDirectory());

    assertThatThrownBy(() -> options.fill("forms/t.form", form(
        "{\"type\":\"textfield\",\"id\":\"field_title\",\"key\":\"title\",\"properties\":{\"yishi.options\":\"categories\"}}")))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("forms/t.form").hasMessageContaining("field_title").hasMessageContaining("textfield");
    assertThatThrownBy(() -> options.fill("forms/v.form", form(
        "{\"type\":\"select\",\"id\":\"field_dyn\",\"key\":\"x\",\"valuesKey\":\"opts\",\"properties\":{\"yishi.options\":\"units\"}}")))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("forms/v.form").hasMessageContaining("field_dyn").hasMessageContaining("valuesKey");
  }

  @Test
  void aChangedCatalogueDeploysTheFormsAnewAndAnUnchangedOneDoesNot() throws IOException {
    Map<Object, Object> beans = new HashMap<>();
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:form-options-deployment-test;DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false);
    cfg.setBeans(beans);
    cfg.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    ProcessEngine engine = cfg.buildProcessEngine();
    try {
      RepositoryService repository = engine.getRepositoryService();
      Schedules schedules = new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-7 * ?", "0 0 9 5,15,25 * ?", "Asia/Shanghai");
      beans.put("yishiSchedules", schedules); // timer start events read their cron from it
      Directory directory = shippedDirectory();
      Catalogue shipped = shippedCatalogue();

      Deployment first = new ModelDeployment(repository, schedules, new FormOptions(shipped, directory)).deploy();
      Deployment same = new ModelDeployment(repository, schedules, new FormOptions(shipped, directory)).deploy();
      List<Catalogue.Category> more = new ArrayList<>(shipped.categories());
      more.add(new Catalogue.Category("well-cover", "井盖破损", "公共设施"));
      Deployment changed = new ModelDeployment(repository, schedules, new FormOptions(new Catalogue(more), directory)).deploy();

      assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count()).isEqualTo(2);
      assertThat(same.getId()).as("nothing changed: no new deployment").isEqualTo(first.getId());
      assertThat(changed.getId()).isNotEqualTo(first.getId());
      String deployedIntake;
      try (InputStream in = repository.getResourceAsStream(changed.getId(), "forms/issueIntake.form")) {
        deployedIntake = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(deployedIntake).contains("\"井盖破损\"", "\"well-cover\"", "\"华林社区\"");
    } finally {
      engine.close();
    }
  }

  private static cn.yishi.domain.proxy.ProxyCatalogue shippedProxyCatalogue() throws IOException {
    try (java.io.InputStream in = Files.newInputStream(Path.of("src/main/resources/proxy-services.yaml"))) {
      return cn.yishi.adapter.outbound.proxy.ProxyCatalogueYamlReader.read("proxy-services.yaml", in);
    }
  }
}
