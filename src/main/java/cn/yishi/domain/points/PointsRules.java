package cn.yishi.domain.points;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of the points ledger (积分台账) and the points shop (积分超市), plain Java. Every check collects all field
 * errors of its input and throws one {@link ValidationException} with Chinese messages; nothing is stored before it
 * passes. Balances never go below zero: {@link #requireAffordable}.
 */
public final class PointsRules {
  public static final int MAX_RULE_POINTS = 1000;
  public static final int MAX_PRICE = 100_000;
  public static final int MAX_STOCK = 100_000;
  public static final int MAX_QUANTITY = 100;
  public static final int MAX_CORRECTION = 1000;
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

  private PointsRules() {}

  /** A rule as the secretary maintains it; returns it with trimmed texts. */
  public static PointsRule rule(String community, String code, String reason, Integer points, List<String> awardedBy,
      Boolean active) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "invalid", "规则代码只能由小写字母、数字和连字符组成，至多 32 个字符"));
    }
    String r = text(errors, "reason", reason, 100, true, "请填写加分事由", "加分事由至多 100 个字");
    if (points == null || points < 1 || points > MAX_RULE_POINTS) {
      errors.add(new FieldError("points", "invalid", "分值应为 1 到 " + MAX_RULE_POINTS + " 之间的整数"));
    }
    Set<AwarderRole> roles = new LinkedHashSet<>();
    if (awardedBy == null || awardedBy.isEmpty()) {
      errors.add(new FieldError("awardedBy", "required", "请选择谁可以提出加分"));
    } else {
      for (String a : awardedBy) {
        AwarderRole.ofCode(a).ifPresentOrElse(roles::add,
            () -> errors.add(new FieldError("awardedBy", "unknown", "未知的加分人员类别：" + a)));
      }
    }
    throwIfAny(errors);
    return new PointsRule(community, code, r, points, roles, active == null || active);
  }

  /** An item of the shop with its price and stock. */
  public static ShopItem item(String community, long id, String name, Integer price, Integer stock, Boolean active) {
    List<FieldError> errors = new ArrayList<>();
    String n = text(errors, "name", name, 60, true, "请填写商品名称", "商品名称至多 60 个字");
    if (price == null || price < 1 || price > MAX_PRICE) {
      errors.add(new FieldError("price", "invalid", "兑换所需积分应为 1 到 " + MAX_PRICE + " 之间的整数"));
    }
    if (stock == null || stock < 0 || stock > MAX_STOCK) {
      errors.add(new FieldError("stock", "invalid", "库存应为 0 到 " + MAX_STOCK + " 之间的整数"));
    }
    throwIfAny(errors);
    return new ShopItem(id, community, n, price, stock, active == null || active);
  }

  /** A resident on the ledger; without a pseudonym of their own, {@code generatedPseudonym}. */
  public static LedgerPerson person(String community, long id, String name, String household, String compound,
      Boolean publishName, String pseudonym, String generatedPseudonym) {
    List<FieldError> errors = new ArrayList<>();
    String n = text(errors, "name", name, 32, true, "请填写姓名", "姓名至多 32 个字");
    String h = text(errors, "household", household, 64, false, null, "户籍/门牌至多 64 个字");
    String c = text(errors, "compound", compound, 64, false, null, "院坝/小区至多 64 个字");
    String p = text(errors, "pseudonym", pseudonym, 16, false, null, "化名至多 16 个字");
    if (p != null && p.equals(n)) {
      errors.add(new FieldError("pseudonym", "invalid", "化名不能与姓名相同"));
    }
    if (publishName == null) {
      errors.add(new FieldError("publishName", "required", "请选择本人是否同意公示姓名"));
    }
    throwIfAny(errors);
    return new LedgerPerson(id, community, n, h, c, publishName, p == null ? generatedPseudonym : p, 0);
  }

  /** The facts and evidence (事实与依据) of a proposed award. */
  public static String evidence(String evidence) {
    List<FieldError> errors = new ArrayList<>();
    String e = text(errors, "evidence", evidence, 1000, true, "请填写加分的事实与依据", "事实与依据至多 1000 个字");
    throwIfAny(errors);
    return e;
  }

  /**
   * The secretary's decision on a proposal: approve or reject; a rejection gives its reason. Nobody approves their
   * own proposal. Returns the trimmed comment.
   */
  public static String decision(Boolean approved, String comment, String proposer, String approver) {
    List<FieldError> errors = new ArrayList<>();
    if (approved == null) {
      errors.add(new FieldError("approved", "required", "请选择是否同意加分"));
    }
    String c = text(errors, "decisionComment", comment, 1000, false, null, "审核意见至多 1000 个字");
    if (Boolean.FALSE.equals(approved) && c == null) {
      errors.add(new FieldError("decisionComment", "required", "不同意时请写明理由"));
    }
    if (proposer != null && proposer.equals(approver)) {
      errors.add(new FieldError("approved", "own_proposal", "不能审核自己提出的加分申请，请由社区其他书记或两委成员审核"));
    }
    throwIfAny(errors);
    return c;
  }

  /** A counter-entry: a signed number of points other than zero, with its reason. Returns the trimmed reason. */
  public static String correction(Integer points, String reason) {
    List<FieldError> errors = new ArrayList<>();
    if (points == null || points == 0 || Math.abs(points) > MAX_CORRECTION) {
      errors.add(new FieldError("points", "invalid", "更正分值应为 -" + MAX_CORRECTION + " 到 " + MAX_CORRECTION + " 之间、不为 0 的整数"));
    }
    String r = text(errors, "reason", reason, 200, true, "请写明更正理由", "更正理由至多 200 个字");
    throwIfAny(errors);
    return r;
  }

  /** The quantity of a redemption and its optional idempotency key (one per click on 兑换). */
  public static void redemption(Integer quantity, String requestKey) {
    List<FieldError> errors = new ArrayList<>();
    if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
      errors.add(new FieldError("quantity", "invalid", "兑换数量应为 1 到 " + MAX_QUANTITY + " 之间的整数"));
    }
    if (requestKey != null && !KEY.matcher(requestKey).matches()) {
      errors.add(new FieldError("requestKey", "invalid", "兑换请求编号格式不正确"));
    }
    throwIfAny(errors);
  }

  /** The points a redemption costs: price × quantity. */
  public static int cost(ShopItem item, int quantity) {
    return Math.multiplyExact(item.price(), quantity);
  }

  /** Refuses a debit that would take the balance below zero. */
  public static void requireAffordable(int balance, int debit) {
    if (balance - debit < 0) {
      throw insufficient(balance, debit);
    }
  }

  public static ValidationException insufficient(int balance, int debit) {
    return new ValidationException(List.of(new FieldError("points", "insufficient_balance",
        "积分余额不足：需要 " + debit + " 分，当前余额 " + balance + " 分")));
  }

  public static ValidationException outOfStock(ShopItem item, int quantity) {
    return new ValidationException(List.of(new FieldError("quantity", "out_of_stock",
        "库存不足：" + item.name() + " 剩余 " + item.stock() + " 件，兑换 " + quantity + " 件")));
  }

  private static String text(List<FieldError> errors, String field, String value, int max, boolean required,
      String requiredMessage, String tooLongMessage) {
    String t = value == null ? null : value.strip();
    if (t != null && t.isEmpty()) {
      t = null;
    }
    if (t == null) {
      if (required) {
        errors.add(new FieldError(field, "required", requiredMessage));
      }
      return null;
    }
    if (!Text.storable(t)) {
      errors.add(Text.unstorable(field));
      return null;
    }
    if (t.codePointCount(0, t.length()) > max) {
      errors.add(new FieldError(field, "too_long", tooLongMessage));
    }
    return t;
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
