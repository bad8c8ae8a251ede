package cn.yishi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers, checked on the compiled classes (ArchUnit), in the manner of Miragon's HexagonalArchitectureTest:
 * <ul>
 *   <li>{@code domain}: plain Java, no Spring, no engine, nothing of the outer layers;</li>
 *   <li>{@code application}: use cases and their ports; Spring for wiring, never the engine, an adapter or the platform;</li>
 *   <li>{@code adapter.inbound} (REST, pages, Open311) and {@code adapter.outbound} (database, mail, files, engine) never
 *       import each other: the ports of the application are between them;</li>
 *   <li>{@code adapter.process.<processId>}: one package per BPMN (delegates, listeners and one glue class named
 *       after the process id that holds its key, element ids and typed variables). Outbound adapters and the
 *       platform may use the glue classes only, never the delegates;</li>
 *   <li>{@code platform}: the engine and web set-up; it imports no adapter except the process glue, and the adapters use
 *       only its start-up refusal, its deployment mode and the HTTP plumbing both sides share.</li>
 * </ul>
 */
class LayerTest {
  private static final String ROOT = "cn.yishi";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  /** The glue class of a process package: {@code adapter.process.issuelifecycle.IssueLifecycle} and its nested classes. */
  static final DescribedPredicate<JavaClass> PROCESS_GLUE = new DescribedPredicate<>("a process glue class") {
    @Override
    public boolean test(JavaClass c) {
      String pkg = c.getPackageName();
      if (!pkg.startsWith(ROOT + ".adapter.process.")) {
        return false;
      }
      String process = pkg.substring(pkg.lastIndexOf('.') + 1);
      String top = c.getName().substring(pkg.length() + 1);
      int nested = top.indexOf('$');
      return (nested < 0 ? top : top.substring(0, nested)).toLowerCase(Locale.ROOT).equals(process);
    }
  };

  /** The glue classes and the typed variables they declare ({@code adapter.process.variable}). */
  static final DescribedPredicate<JavaClass> GLUE = DescribedPredicate.or(PROCESS_GLUE,
      JavaClass.Predicates.resideInAPackage(ROOT + ".adapter.process.variable"));

  /**
   * What the adapters may use of the platform: its start-up refusal, its deployment mode, and the HTTP plumbing that the
   * project's filters and error replies share with the engine's (the Accept header, a body read up to a limit), which
   * depends on no project class.
   */
  static final DescribedPredicate<JavaClass> PLATFORM_SHARED_WITH_ADAPTERS =
      new DescribedPredicate<>("the platform's start-up refusal, deployment mode or shared HTTP plumbing") {
        @Override
        public boolean test(JavaClass c) {
          return Set.of(ROOT + ".platform.StartupRefusedException", ROOT + ".platform.DeploymentMode",
              ROOT + ".platform.web.AcceptHeader", ROOT + ".platform.web.LimitedBodyRequest").contains(c.getName());
        }
      };

  static ArchRule domainIsPlainJava() {
    return noClasses().that().resideInAPackage(ROOT + ".domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "org.camunda..", "org.operaton..", "jakarta..", "java.sql..",
            ROOT + ".application..", ROOT + ".adapter..", ROOT + ".platform..")
        .because("the domain is plain Java that any layer can use");
  }

  static ArchRule applicationKnowsNoEngineNorAdapters() {
    return noClasses().that().resideInAPackage(ROOT + ".application..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.camunda..", "org.operaton..", "jakarta.servlet..", "java.sql..", "org.springframework.jdbc..",
            "org.springframework.web..", ROOT + ".adapter..", ROOT + ".platform..")
        .because("use cases reach the engine, the database and mail through their ports");
  }

  static ArchRule inboundDoesNotUseOutbound() {
    return noClasses().that().resideInAPackage(ROOT + ".adapter.inbound..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapter.outbound..", ROOT + ".adapter.process..",
            "java.sql..", "org.springframework.jdbc..")
        .because("inbound adapters call use cases; what they need from outside comes through a port");
  }


  static ArchRule outboundDoesNotUseInbound() {
    return noClasses().that().resideInAPackage(ROOT + ".adapter.outbound..")
        .should().dependOnClassesThat(DescribedPredicate.or(
            JavaClass.Predicates.resideInAPackage(ROOT + ".adapter.inbound.."),
            JavaClass.Predicates.resideInAPackage(ROOT + ".adapter.process..").and(DescribedPredicate.not(GLUE))))
        .because("outbound adapters implement ports; of the processes they know only the glue (keys, ids, variables)");
  }

  static ArchRule processesDoNotUseOtherAdapters() {
    return noClasses().that().resideInAPackage(ROOT + ".adapter.process..")
        .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapter.inbound..", ROOT + ".adapter.outbound..",
            ROOT + ".platform..", "java.sql..", "org.springframework.jdbc..")
        .because("delegates read their inputs, call one use case and write their outputs");
  }

  static ArchRule platformKnowsOnlyTheGlue() {
    return noClasses().that().resideInAPackage(ROOT + ".platform..")
        .should().dependOnClassesThat(DescribedPredicate.or(
            JavaClass.Predicates.resideInAnyPackage(ROOT + ".adapter.inbound..", ROOT + ".adapter.outbound.."),
            JavaClass.Predicates.resideInAPackage(ROOT + ".adapter.process..").and(DescribedPredicate.not(GLUE))))
        .because("the platform sets up the engine and the web; the adapters' insides are theirs");
  }

  static ArchRule adaptersUseLittleOfThePlatform() {
    return noClasses().that().resideInAPackage(ROOT + ".adapter..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + ".platform..")
            .and(DescribedPredicate.not(PLATFORM_SHARED_WITH_ADAPTERS)))
        .because("the platform depends on the adapters' glue, so the adapters must not depend on the platform");
  }

  @Test
  void domainIsPlainJavaRule() {
    domainIsPlainJava().check(classes);
  }

  @Test
  void applicationKnowsNoEngineNorAdaptersRule() {
    applicationKnowsNoEngineNorAdapters().check(classes);
  }

  @Test
  void inboundDoesNotUseOutboundRule() {
    inboundDoesNotUseOutbound().check(classes);
  }

  @Test
  void outboundDoesNotUseInboundRule() {
    outboundDoesNotUseInbound().check(classes);
  }

  @Test
  void processesDoNotUseOtherAdaptersRule() {
    processesDoNotUseOtherAdapters().check(classes);
  }

  @Test
  void platformKnowsOnlyTheGlueRule() {
    platformKnowsOnlyTheGlue().check(classes);
  }

  @Test
  void adaptersUseLittleOfThePlatformRule() {
    adaptersUseLittleOfThePlatform().check(classes);
  }

  /** Every class lives in one of the layers. */
  @Test
  void everyClassHasALayer() {
    classes().that().resideOutsideOfPackage(ROOT).should().resideInAnyPackage(
        ROOT + ".domain..", ROOT + ".application..", ROOT + ".adapter.inbound..", ROOT + ".adapter.outbound..",
        ROOT + ".adapter.process..", ROOT + ".platform..").check(classes);
  }

  /** One package per model in bpmn/, named after its process id, with the glue class named after the process. */
  @Test
  void onePackagePerProcessWithItsGlue() throws IOException {
    Set<String> processes;
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      processes = models.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn"))
          .map(n -> n.substring(0, n.length() - ".bpmn".length())).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> glue = classes.stream().filter(PROCESS_GLUE).filter(c -> !c.isNestedClass())
        .map(c -> Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(glue).as("glue classes in adapter.process.<processId>").isEqualTo(processes);
  }

  /** The guard itself: a domain class that imports the engine is caught (the rule is not vacuous). */
  @Test
  void theGuardCatchesADomainClassThatImportsTheEngine() {
    JavaClasses offending = new ClassFileImporter().importClasses(Offender.class, org.camunda.bpm.engine.RuntimeService.class);
    assertThat(domainIsPlainJavaFor(Offender.class.getPackageName()).evaluate(offending).hasViolation()).isTrue();
  }

  private static ArchRule domainIsPlainJavaFor(String pkg) {
    return noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat().resideInAnyPackage("org.camunda..");
  }

  /** Stands for a domain class that took a shortcut into the engine. */
  static final class Offender {
    org.camunda.bpm.engine.RuntimeService runtime;
  }
}
