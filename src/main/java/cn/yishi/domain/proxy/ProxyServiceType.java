package cn.yishi.domain.proxy;

import java.util.List;

/**
 * One entry of the proxy-service catalogue (代办事项目录): what the resident must bring (办理要件), the procedure (办理流程),
 * the office it goes to and the time limit in working days (办理时限).
 */
public record ProxyServiceType(String code, String name, String office, int timeLimitDays, List<String> documents,
    List<String> steps) {
  public ProxyServiceType {
    documents = List.copyOf(documents);
    steps = List.copyOf(steps);
  }
}
