package cn.yishi.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/ (BPMN and DMN) and forms/ from the classpath in ONE deployment, so that
 * {@code camunda:formRef} with {@code formRefBinding="deployment"} resolves. Only changed sets are
 * deployed again. Every model is checked first; a failure names the file and the cause. The forms'
 * selects are filled from the catalogue and the directory before deployment ({@link FormOptions}), so
 * a changed catalogue or directory deploys the forms anew.
 */
@Component
public class ModelDeployment {
  public static final String DEPLOYMENT_NAME = "yishi-models";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** The resolved timer schedules, deployed with the models: a changed schedule redeploys the timers. */
  public static final String SCHEDULE_RESOURCE = "yishi-schedule.properties";

  private final RepositoryService repository;
  private final Schedules schedules;
  private final FormOptions formOptions;
  private final ObjectMapper json = new ObjectMapper();

  public ModelDeployment(RepositoryService repository, Schedules schedules, FormOptions formOptions) {
    this.repository = repository;
    this.schedules = schedules;
    this.formOptions = formOptions;
  }

  public Deployment deploy() {
    Map<String, byte[]> resources = load();
    validate(resources);
    resources.replaceAll(formOptions::fill);
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("yishi")
        .enableDuplicateFiltering(false);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
    StringBuilder schedule = new StringBuilder("# resolved yishi.schedule values; the timer start events read them\n");
    schedules.asMap().forEach((k, v) -> schedule.append(k).append('=').append(v).append('\n'));
    builder.addString(SCHEDULE_RESOURCE, schedule.toString());
    try {
      Deployment d = builder.deployWithResult();
      LOG.info("Models deployed as {} ({} resources)", d.getId(), resources.size());
      return d;
    } catch (ParseException e) {
      String details = e.getResorceReports().stream()
          .flatMap(r -> r.getErrors().stream().map(p -> r.getResourceName() + " 第" + p.getLine() + "行：" + p.getMessage()))
          .collect(Collectors.joining("；"));
      throw new StartupRefusedException("模型部署失败：" + details, "Correct the model in bpmn/ and start again.", e);
    }
  }

  Map<String, byte[]> load() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (String pattern : List.of("classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form")) {
      try {
        for (Resource r : resolver.getResources(pattern)) {
          String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
          try (InputStream in = r.getInputStream()) {
            resources.put(folder + r.getFilename(), in.readAllBytes());
          }
        }
      } catch (IOException e) {
        throw new StartupRefusedException("无法读取模型文件 " + pattern + "：" + e.getMessage(), "Check the packaged resources.", e);
      }
    }
    if (resources.keySet().stream().noneMatch(n -> n.endsWith(".bpmn"))) {
      throw new StartupRefusedException("模型部署失败：类路径下没有 bpmn/*.bpmn", "Build with ./mvnw so that bpmn/ is packaged.");
    }
    return resources;
  }

  /** Checks every model and form before the engine sees them; a failure names the file and the cause. */
  void validate(Map<String, byte[]> resources) {
    checkModels(resources, checkForms(resources));
  }

  /** Returns form id → file. */
  private Map<String, String> checkForms(Map<String, byte[]> resources) {
    Map<String, String> ids = new HashMap<>();
    resources.forEach((name, bytes) -> {
      if (!name.endsWith(".form")) {
        return;
      }
      JsonNode form;
      try {
        form = json.readTree(bytes);
      } catch (IOException e) {
        throw refused(name, "不是有效的 JSON：" + e.getMessage());
      }
      if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
        throw refused(name, "缺少表单 id");
      }
      if (!form.path("components").isArray()) {
        throw refused(name, "缺少 components 列表");
      }
      String previous = ids.put(form.path("id").asText(), name);
      if (previous != null) {
        throw refused(name, "表单 id " + form.path("id").asText() + " 与 " + previous + " 重复");
      }
    });
    return ids;
  }

  private void checkModels(Map<String, byte[]> resources, Map<String, String> formIds) {
    resources.forEach((name, bytes) -> {
      try {
        if (name.endsWith(".dmn")) {
          Dmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes));
        } else if (name.endsWith(".bpmn")) {
          BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes));
          List<String> missing = new ArrayList<>();
          for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
            String formRef = e.getAttributeValueNs(CAMUNDA_NS, "formRef");
            if (formRef != null && !formIds.containsKey(formRef)) {
              missing.add(e.getId() + " → " + formRef);
            }
            String binding = e.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
            // the start form of 代办 is deployed anew with the 代办事项清单 (ProxyStartFormDeployment): latest
            boolean latestAllowed = ProxyStartFormDeployment.FORM_ID.equals(formRef) && "latest".equals(binding);
            if (formRef != null && !"deployment".equals(binding) && !latestAllowed) {
              throw refused(name, e.getId() + " 的 formRef 必须使用 formRefBinding=\"deployment\"");
            }
          }
          if (!missing.isEmpty()) {
            throw refused(name, "引用了 forms/ 中不存在的表单：" + String.join("、", missing));
          }
        }
      } catch (ModelException e) {
        throw refused(name, "无法解析：" + rootMessage(e));
      }
    });
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? t.getMessage() : root.getMessage();
  }

  private static StartupRefusedException refused(String file, String cause) {
    return new StartupRefusedException("模型部署失败：" + file + "：" + cause, "Correct " + file + " and start again.");
  }
}
