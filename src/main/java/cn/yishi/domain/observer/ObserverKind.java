package cn.yishi.domain.observer;

import java.util.Arrays;
import java.util.Optional;

/** Who an observer (社区议事观察员, seed 002, 科尔沁) is at work: the new trades that go street by street. */
public enum ObserverKind {
  COURIER("快递员"),
  RIDER("外卖骑手"),
  DRIVER("网约车司机");

  private final String label;

  ObserverKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ObserverKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
  }
}
