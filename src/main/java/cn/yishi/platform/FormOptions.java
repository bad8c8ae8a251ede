package cn.yishi.platform;

import cn.yishi.application.Catalogue;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.ScreeningGround;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.directory.Directory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import cn.yishi.application.proxy.ProxyServiceCatalogue;
import cn.yishi.domain.proxy.ProxyServiceType;
import java.util.function.Supplier;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Fills the options of the forms' selects from configuration, before the forms are deployed. A
 * select, radio, checklist or taglist names its source with the custom property {@value #PROPERTY}
 * (Modeler: 自定义属性 / Custom properties), for example {@code "properties": {"yishi.options": "categories"}};
 * its static {@code values} are then replaced by the source's entries (value = code, label = the
 * Chinese name). The sources are {@link #SOURCES}: the category catalogue, the communities and units
 * of the organisation directory, and the urgencies, tiers, disposals and staff channels of the domain. A changed
 * catalogue or directory changes the form's content, so the next start deploys the forms anew.
 * An unknown source stops start-up naming the form and the component.
 */
@Component
public class FormOptions {
  public static final String PROPERTY = "yishi.options";
  public static final String CATEGORIES = "categories";
  public static final String COMMUNITIES = "communities";
  public static final String UNITS = "units";
  public static final String URGENCIES = "urgencies";
  public static final String TIERS = "tiers";
  public static final String DISPOSALS = "disposals";
  /** The 五议五不议 grounds (review form). */
  public static final String SCREENING_GROUNDS = "screeningGrounds";
  /** The county's departments of the directory (the competent department of a 不议 beyond the community's authority). */
  public static final String DEPARTMENTS = "departments";
  /** The channels a staff member may transcribe in the start form ({@link Channel#staffChannels()}). */
  public static final String STAFF_CHANNELS = "staffChannels";
  /** The groups a convener may add to a session as its N (相关利益方): units, the expert panel, community parties. */
  public static final String PARTIES = "parties";
  /** Where a convention (公约) applies: each community, and each of its compounds (会客站). */
  public static final String CONVENTION_SCOPES = "conventionScopes";
  /** The compounds (小区) of every community, by their station's code: "华林社区 御苑小区". */
  public static final String COMPOUNDS = "compounds";
  /**
   * The 院坝 (micro-grids) the directory file seeds: "塘浦村 水桶湾院坝". A 院坝 added in the application while running
   * is offered after the next start (the forms are deployed then); intake checks the code against the stored 院坝.
   */
  public static final String YUANBA = "yuanba";
  /** The proxy-service catalogue (代办事项目录). */
  public static final String PROXY_SERVICES = "proxyServices";
  public static final List<String> SOURCES = List.of(CATEGORIES, COMMUNITIES, UNITS, URGENCIES, TIERS, DISPOSALS,
      STAFF_CHANNELS, PARTIES, CONVENTION_SCOPES, SCREENING_GROUNDS, DEPARTMENTS, PROXY_SERVICES, COMPOUNDS, YUANBA);

  /** The form components that offer options (form-js types). */
  static final Set<String> OPTION_TYPES = Set.of("select", "radio", "checklist", "taglist");

  /** One option: the code that is stored and the Chinese label that is shown. */
  public record Option(String value, String label) {}

  private final Map<String, List<Option>> sources;
  private final Supplier<List<ProxyServiceType>> proxyServices;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public FormOptions(Catalogue catalogue, Directory directory) {
    this(catalogue, directory, List::of);
  }

  /** The proxy services are read when a form is filled: the 代办事项清单 changes while running. */
  @org.springframework.beans.factory.annotation.Autowired
  public FormOptions(Catalogue catalogue, Directory directory, ProxyServiceCatalogue proxyServices) {
    this(catalogue, directory, proxyServices::active);
  }

  public FormOptions(Catalogue catalogue, Directory directory, Supplier<List<ProxyServiceType>> proxyServices) {
    this.proxyServices = proxyServices;
    Map<String, List<Option>> m = new LinkedHashMap<>();
    m.put(CATEGORIES, catalogue.categories().stream().map(c -> new Option(c.code(), c.name())).toList());
    m.put(COMMUNITIES, directory.communities().stream().map(c -> new Option(c.code(), c.name())).toList());
    m.put(UNITS, directory.units().stream().map(u -> new Option(u.code(), u.name())).toList());
    m.put(URGENCIES, Arrays.stream(Urgency.values()).map(u -> new Option(u.name(), u.label())).toList());
    m.put(TIERS, Arrays.stream(Tier.values()).map(t -> new Option(t.name(), t.label())).toList());
    m.put(DISPOSALS, Arrays.stream(Disposal.values()).map(d -> new Option(d.name(), d.label())).toList());
    m.put(SCREENING_GROUNDS, Arrays.stream(ScreeningGround.values()).map(g -> new Option(g.name(), g.optionLabel())).toList());
    m.put(DEPARTMENTS, directory.units().stream().filter(u -> u.type() == Directory.UnitType.DEPARTMENT)
        .map(u -> new Option(u.code(), u.name())).toList());
    m.put(STAFF_CHANNELS, Channel.staffChannels().stream().map(c -> new Option(c.name(), c.label())).toList());
    m.put(PARTIES, directory.groups().values().stream()
        .filter(g -> cn.yishi.application.deliberation.DeliberationSessions.isPartyGroup(g.id()))
        .map(g -> new Option(g.id(), g.name())).toList());
    m.put(CONVENTION_SCOPES, directory.communities().stream().flatMap(c -> java.util.stream.Stream.concat(
        java.util.stream.Stream.of(new Option(c.code(), c.name() + "（全社区）")),
        c.stations().stream().map(st -> new Option(st.code(), c.name() + " " + cn.yishi.application.convention.Conventions.compoundName(st.name())))))
        .toList());
    m.put(COMPOUNDS, directory.communities().stream().flatMap(c -> c.stations().stream()
        .map(st -> new Option(st.code(), c.name() + " " + st.compoundName()))).toList());
    m.put(YUANBA, directory.communities().stream().flatMap(c -> c.yuanba().stream()
        .map(y -> new Option(y.code(), c.name() + " " + y.name()))).toList());
    this.sources = Collections.unmodifiableMap(m);
  }

  /** The options of one source, or null when there is no such source. */
  public List<Option> options(String source) {
    if (PROXY_SERVICES.equals(source)) {
      return proxyServices.get().stream().map(s -> new Option(s.code(), s.name())).toList();
    }
    return sources.get(source);
  }

  /**
   * The resource with every {@value #PROPERTY} component filled. Other resources, and forms without
   * such a component, come back as they are (byte for byte, so that an unchanged form is not deployed
   * again).
   *
   * @throws StartupRefusedException naming the form and the component when a source is unknown or
   *     the property sits on a component that has no options
   */
  public byte[] fill(String resource, byte[] content) {
    if (!resource.endsWith(".form")) {
      return content;
    }
    JsonNode form;
    try {
      form = json.readTree(content);
    } catch (IOException e) {
      throw refused(resource, "不是有效的 JSON：" + e.getMessage());
    }
    if (form == null || !fill(resource, form.path("components"))) {
      return content;
    }
    try {
      return json.writeValueAsBytes(form);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write " + resource, e);
    }
  }

  /** Fills the components (and the components nested in groups and dynamic lists); true when any changed. */
  private boolean fill(String resource, JsonNode components) {
    boolean changed = false;
    for (JsonNode c : components) {
      if (!(c instanceof ObjectNode component)) {
        continue;
      }
      JsonNode property = component.path("properties").path(PROPERTY);
      if (!property.isMissingNode()) {
        fillComponent(resource, component, property);
        changed = true;
      }
      if (component.has("components")) {
        changed |= fill(resource, component.path("components"));
      }
    }
    return changed;
  }

  private void fillComponent(String resource, ObjectNode component, JsonNode property) {
    String name = component.path("id").asText(component.path("key").asText("?"));
    String type = component.path("type").asText();
    if (!OPTION_TYPES.contains(type)) {
      throw refused(resource, "组件 " + name + " 的类型 " + type + " 没有选项，不能设置 " + PROPERTY
          + "（只用于 " + String.join("、", OPTION_TYPES.stream().sorted().toList()) + "）");
    }
    if (component.has("valuesKey") || component.has("valuesExpression")) {
      throw refused(resource, "组件 " + name + " 同时设置了 " + PROPERTY + " 和动态选项（valuesKey / valuesExpression），只能保留一种");
    }
    List<Option> options = property.isTextual() ? options(property.asText().strip()) : null;
    if (options == null) {
      throw refused(resource, "组件 " + name + " 的 " + PROPERTY + " “" + (property.isTextual() ? property.asText() : property.toString()) + "” 不是已知的选项来源（可用："
          + String.join("、", SOURCES) + "）");
    }
    ArrayNode values = component.putArray("values");
    for (Option o : options) {
      values.addObject().put("label", o.label()).put("value", o.value());
    }
  }

  private static StartupRefusedException refused(String file, String cause) {
    return new StartupRefusedException("模型部署失败：" + file + "：" + cause, "Correct " + file + " and start again.");
  }
}
