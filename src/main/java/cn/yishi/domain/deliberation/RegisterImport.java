package cn.yishi.domain.deliberation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A household register (住户名册) in CSV, checked line by line: a header {@code compound,building,unit,household,area},
 * then one household per line (blank lines and lines starting with {@code #} are skipped). Every line gets a verdict;
 * the register is usable only when no line is refused. A file is the complete register of the compounds it names.
 */
public final class RegisterImport {
  public static final String HEADER = "compound,building,unit,household,area";
  private static final int MAX_LENGTH = 64;
  private static final BigDecimal MAX_AREA = new BigDecimal("10000");
  private static final int MAX_LINES = 20_000;

  /** The verdict on one line: accepted (with its household) or refused with a Chinese reason. */
  public record Line(int number, boolean accepted, String message, Household household) {}

  /** All lines' verdicts, and the accepted households per compound. */
  public record Report(List<Line> lines, List<Household> households, Set<String> compounds) {
    public boolean accepted() {
      return !lines.isEmpty() && lines.stream().allMatch(Line::accepted);
    }

    public List<Line> refused() {
      return lines.stream().filter(l -> !l.accepted()).toList();
    }
  }

  private RegisterImport() {}

  public static Report check(String text) {
    List<Line> lines = new ArrayList<>();
    List<Household> households = new ArrayList<>();
    Set<String> compounds = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] rows = (text == null ? "" : text).split("\r\n|\n|\r", -1);
    boolean header = false;
    for (int i = 0; i < rows.length; i++) {
      int number = i + 1;
      String row = i == 0 && rows[0].startsWith("\uFEFF") ? rows[0].substring(1) : rows[i];
      if (row.isBlank() || row.strip().startsWith("#")) {
        continue;
      }
      if (lines.size() >= MAX_LINES) {
        lines.add(new Line(number, false, "文件过大：每次最多导入" + MAX_LINES + "户", null));
        break;
      }
      String[] cells = row.split(",", -1);
      if (!header) {
        header = true;
        boolean ok = HEADER.equals(String.join(",", java.util.Arrays.stream(cells).map(String::strip).toList()));
        lines.add(new Line(number, ok, ok ? "表头" : "第一行应为表头 " + HEADER, null));
        continue;
      }
      if (cells.length != 5) {
        lines.add(new Line(number, false, "应有5列：小区编码,楼栋,单元,户号,面积", null));
        continue;
      }
      String compound = cells[0].strip();
      String building = cells[1].strip();
      String unit = cells[2].strip();
      String household = cells[3].strip();
      String area = cells[4].strip();
      if (compound.isEmpty() || building.isEmpty() || unit.isEmpty() || household.isEmpty()) {
        lines.add(new Line(number, false, "小区编码、楼栋、单元和户号都不能为空", null));
        continue;
      }
      if (compound.length() > MAX_LENGTH || building.length() > MAX_LENGTH || unit.length() > MAX_LENGTH
          || household.length() > MAX_LENGTH || (compound + building + unit).contains("/")) {
        lines.add(new Line(number, false, "小区编码、楼栋、单元和户号不超过" + MAX_LENGTH + "个字符，且不含“/”", null));
        continue;
      }
      if (area.isEmpty()) {
        lines.add(new Line(number, false, "缺少面积（专有部分面积，平方米）", null));
        continue;
      }
      BigDecimal a = area(area);
      if (a == null) {
        lines.add(new Line(number, false, "面积“" + shorten(area) + "”无效：应为大于0、不超过10000的数，最多两位小数", null));
        continue;
      }
      Integer first = seen.putIfAbsent(compound + "\u0000" + household, number);
      if (first != null) {
        lines.add(new Line(number, false, "户号 " + household + " 与第" + first + "行重复", null));
        continue;
      }
      Household h = new Household(compound, building, unit, household, a);
      households.add(h);
      compounds.add(compound);
      lines.add(new Line(number, true, "", h));
    }
    if (!header) {
      lines.add(new Line(Math.max(1, rows.length), false, "文件为空，缺少表头 " + HEADER, null));
    } else if (households.isEmpty() && lines.stream().allMatch(Line::accepted)) {
      lines.add(new Line(rows.length, false, "文件中没有住户", null));
    }
    return new Report(List.copyOf(lines), List.copyOf(households), java.util.Collections.unmodifiableSet(compounds));
  }

  private static BigDecimal area(String s) {
    if (!s.matches("\\d{1,5}(\\.\\d{1,2})?")) {
      return null;
    }
    BigDecimal a = new BigDecimal(s);
    return a.signum() > 0 && a.compareTo(MAX_AREA) <= 0 ? a.setScale(2) : null;
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }
}
