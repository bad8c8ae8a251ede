package cn.yishi.adapter.outbound.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an imported household register (住户名册) in CSV, UTF-8: a header {@code compound,household},
 * then one household per line; blank lines and lines starting with {@code #} are skipped. A problem
 * is reported with the file and the line.
 */
public final class HouseholdRegisterCsvReader {
  private static final int MAX_LENGTH = 64;

  private HouseholdRegisterCsvReader() {}

  public static Map<String, List<String>> read(String location, InputStream in) throws IOException {
    Map<String, Set<String>> register = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    boolean header = false;
    while ((line = reader.readLine()) != null) {
      number++;
      String l = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (l.isBlank() || l.strip().startsWith("#")) {
        continue;
      }
      String[] cells = l.split(",", -1);
      if (!header) {
        if (cells.length != 2 || !"compound".equals(cells[0].strip()) || !"household".equals(cells[1].strip())) {
          throw error(location, number, "第一行应为表头 compound,household");
        }
        header = true;
        continue;
      }
      if (cells.length != 2) {
        throw error(location, number, "每行应有两列：小区编码,户号");
      }
      String compound = cells[0].strip();
      String household = cells[1].strip();
      if (compound.isEmpty() || household.isEmpty() || compound.length() > MAX_LENGTH || household.length() > MAX_LENGTH) {
        throw error(location, number, "小区编码和户号不能为空，且不超过" + MAX_LENGTH + "个字符");
      }
      if (!register.computeIfAbsent(compound, k -> new LinkedHashSet<>()).add(household)) {
        throw error(location, number, "小区 " + compound + " 的户号 " + household + " 重复");
      }
    }
    if (!header) {
      throw error(location, number, "文件为空，缺少表头 compound,household");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    register.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    return out;
  }

  private static IllegalArgumentException error(String location, int line, String problem) {
    return new IllegalArgumentException("住户名册 " + location + " 第" + line + "行：" + problem);
  }
}
