package cn.yishi.application;

import cn.yishi.application.port.HouseholdRegisters;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.deliberation.RegisterImport;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 住户名册: the households of each compound with their floor area. The community's staff (社区两委, 党群会客室) import
 * and correct it while running by uploading a CSV file that is the complete register of the compounds it names; the
 * files of yishi.deliberation.register-files seed the compounds that have no register yet at start-up. A file with
 * any refused line stores nothing. The electorate of a vote is chosen from it: a compound, a building or a unit.
 */
@Service
public class HouseholdRegisterService {
  private static final String SUFFIX = "党群会客站";

  private final HouseholdRegisters registers;
  private final Directory directory;
  private final Clock clock;

  public HouseholdRegisterService(HouseholdRegisters registers, Directory directory, Clock clock) {
    this.registers = registers;
    this.directory = directory;
    this.clock = clock;
  }

  /** An upload's verdict: every line's, and the compounds replaced with their household count and area. */
  public record Imported(List<RegisterImport.Line> lines, List<Option> compounds) {}

  /** The upload was refused: nothing is stored; the lines say why. */
  public static final class RegisterRefused extends RuntimeException {
    private final transient List<RegisterImport.Line> lines;

    public RegisterRefused(List<RegisterImport.Line> lines) {
      super("住户名册未导入：" + lines.stream().filter(l -> !l.accepted()).count() + "行有问题，请改正后重新上传");
      this.lines = List.copyOf(lines);
    }

    public List<RegisterImport.Line> lines() {
      return lines;
    }
  }

  /** The caller may not maintain the register of a compound (not their community's). */
  public static final class RegisterForbidden extends RuntimeException {
    public RegisterForbidden(String message) {
      super(message);
    }
  }

  /**
   * One electorate that a vote can have: its code (compound[/building[/unit]]), its Chinese label, its households and
   * their floor area.
   */
  public record Option(String code, String label, int households, BigDecimal area) {}

  /** The compound's name: its station's name without 党群会客站 (御苑小区). */
  public String compoundName(String compound) {
    return station(compound).map(s -> s.name().endsWith(SUFFIX) ? s.name().substring(0, s.name().length() - SUFFIX.length())
        : s.name()).orElse(compound);
  }

  /** The community a compound (station) belongs to. */
  public Optional<String> communityOf(String compound) {
    return directory.communities().stream().filter(c -> c.stations().stream().anyMatch(s -> s.code().equals(compound)))
        .map(Directory.Community::code).findFirst();
  }

  private Optional<Directory.Station> station(String compound) {
    return directory.communities().stream().flatMap(c -> c.stations().stream()).filter(s -> s.code().equals(compound))
        .findFirst();
  }

  /** The households of an electorate; empty when it has none. */
  @Transactional(readOnly = true)
  public List<Household> households(Electorate electorate) {
    return registers.in(electorate);
  }

  /**
   * The electorates a vote of the community can have, from its register: each compound, each of its buildings and each
   * unit of a building, with households and area.
   */
  @Transactional(readOnly = true)
  public List<Option> electorates(String community) {
    List<String> compounds = directory.community(community).map(c -> c.stations().stream().map(Directory.Station::code).toList())
        .orElse(List.of());
    Map<String, Option> options = new LinkedHashMap<>();
    for (Household h : registers.ofCompounds(compounds)) {
      String name = compoundName(h.compound());
      for (Electorate e : List.of(new Electorate(h.compound(), null, null), new Electorate(h.compound(), h.building(), null),
          new Electorate(h.compound(), h.building(), h.unit()))) {
        options.merge(e.code(), new Option(e.code(), e.label(name), 1, h.area()),
            (a, b) -> new Option(a.code(), a.label(), a.households() + 1, a.area().add(b.area())));
      }
    }
    return List.copyOf(options.values());
  }

  /** The register of the caller's communities, for the staff page. */
  @Transactional(readOnly = true)
  public List<Household> register(String compound, Collection<String> callerGroups) {
    mayMaintain(compound, callerGroups);
    return registers.ofCompounds(List.of(compound));
  }

  /** The communities whose registers the caller maintains. */
  public List<Directory.Community> communitiesOf(Collection<String> callerGroups) {
    return directory.communities().stream().filter(c -> callerGroups.contains(GroupIds.ADMIN)
        || callerGroups.contains(GroupIds.community(c.code())) || callerGroups.contains(GroupIds.room(c.code()))).toList();
  }

  /**
   * An upload by the community's staff: checked line by line; when every line is accepted, the register of each compound
   * in the file is replaced by the file's households. Running votes keep the households and areas they opened with.
   *
   * @throws RegisterRefused when any line is refused (nothing is stored)
   */
  @Transactional
  public Imported upload(String csv, Collection<String> callerGroups, String actor) {
    RegisterImport.Report report = RegisterImport.check(csv);
    List<RegisterImport.Line> lines = new ArrayList<>();
    for (RegisterImport.Line l : report.lines()) {
      if (l.accepted() && l.household() != null) {
        String compound = l.household().compound();
        Optional<String> community = communityOf(compound);
        if (community.isEmpty()) {
          l = new RegisterImport.Line(l.number(), false, "小区编码 " + compound + " 不存在（应为党群会客站编码）", null);
        } else if (!mayMaintain(community.get(), callerGroups, false)) {
          l = new RegisterImport.Line(l.number(), false, "您不是" + compoundName(compound) + "所在社区的工作人员，不能修改其住户名册", null);
        }
      }
      lines.add(l);
    }
    if (lines.isEmpty() || !lines.stream().allMatch(RegisterImport.Line::accepted)) {
      throw new RegisterRefused(lines);
    }
    registers.replace(report.compounds(), report.households(), actor, OffsetDateTime.now(clock));
    return new Imported(lines, report.compounds().stream().map(c -> summary(c, report.households())).toList());
  }

  /**
   * A register file of the configuration, at start-up: the compounds it names that have no register yet get its
   * households; a compound the staff already maintain is left as it is.
   *
   * @throws IllegalArgumentException naming the first refused line
   */
  @Transactional
  public List<String> seed(String location, String csv) {
    RegisterImport.Report report = RegisterImport.check(csv);
    for (RegisterImport.Line l : report.lines()) {
      if (!l.accepted()) {
        throw new IllegalArgumentException("住户名册 " + location + " 第" + l.number() + "行：" + l.message());
      }
      if (l.household() != null && communityOf(l.household().compound()).isEmpty()) {
        throw new IllegalArgumentException("住户名册 " + location + " 第" + l.number() + "行：小区编码 "
            + l.household().compound() + " 不存在（应为党群会客站编码）");
      }
    }
    List<String> existing = registers.compounds();
    List<String> fresh = report.compounds().stream().filter(c -> !existing.contains(c)).toList();
    registers.replace(fresh, report.households().stream().filter(h -> fresh.contains(h.compound())).toList(), "system",
        OffsetDateTime.now(clock));
    return fresh;
  }

  private Option summary(String compound, List<Household> households) {
    List<Household> of = households.stream().filter(h -> h.compound().equals(compound)).toList();
    return new Option(compound, compoundName(compound), of.size(),
        of.stream().map(Household::area).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private void mayMaintain(String compound, Collection<String> callerGroups) {
    String community = communityOf(compound).orElseThrow(() -> new RegisterForbidden("小区不存在：" + compound));
    mayMaintain(community, callerGroups, true);
  }

  private boolean mayMaintain(String community, Collection<String> callerGroups, boolean orThrow) {
    boolean may = callerGroups.contains(GroupIds.ADMIN) || callerGroups.contains(GroupIds.community(community))
        || callerGroups.contains(GroupIds.room(community));
    if (!may && orThrow) {
      throw new RegisterForbidden("只有本社区两委和党群会客室可以查看和修改住户名册");
    }
    return may;
  }
}
