package cn.yishi.domain.deliberation;

import java.math.BigDecimal;

/**
 * The participation and approval thresholds of a resident vote, as bpmn/voteRule.dmn gives them (民法典 第二百七十八条):
 * participation is a share of the electorate's households and of its floor area; approval is a share of the
 * participants' households and of their floor area. A residents' (representatives') meeting counts people only.
 *
 * @param quorum the share of the electorate that must take part (by headcount, and by area when {@code byArea})
 * @param strictQuorum true: more than the share (过半数); false: at least the share (三分之二以上)
 * @param majority the share of the participants that must say yes
 * @param strictMajority true: more than the share; false: at least the share
 * @param byArea the thresholds hold by floor area (专有部分面积) as well as by headcount
 * @param assembly the matter is reserved by law for a residents' (representatives') meeting (宜昌)
 */
public record VoteRule(Share quorum, boolean strictQuorum, Share majority, boolean strictMajority, boolean byArea,
    boolean assembly) {

  /** A fraction such as 1/2 or 2/3, exact in integers. */
  public record Share(int numerator, int denominator) {
    public Share {
      if (denominator <= 0 || numerator < 0 || numerator > denominator) {
        throw new IllegalArgumentException("比例应在0到1之间：" + numerator + "/" + denominator);
      }
    }

    /** Parses "2/3". */
    public static Share parse(String s) {
      String[] parts = s == null ? new String[0] : s.strip().split("/");
      if (parts.length != 2) {
        throw new IllegalArgumentException("比例应写作 分子/分母：" + s);
      }
      try {
        return new Share(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("比例应写作 分子/分母：" + s, e);
      }
    }

    /** value ≥ share × total (strict false) or value &gt; share × total (strict true), exactly. */
    boolean met(BigDecimal value, BigDecimal total, boolean strict) {
      int c = value.multiply(BigDecimal.valueOf(denominator)).compareTo(total.multiply(BigDecimal.valueOf(numerator)));
      return strict ? c > 0 : c >= 0;
    }

    /** 三分之二, 四分之三, 二分之一. */
    public String chinese() {
      return digit(denominator) + "分之" + digit(numerator);
    }

    private static String digit(int n) {
      return n >= 0 && n <= 10 ? "零一二三四五六七八九十".substring(n, n + 1) : Integer.toString(n);
    }

    @Override
    public String toString() {
      return numerator + "/" + denominator;
    }
  }

  /** Households and their floor area (m²): of an electorate, or of the ballots with one choice. */
  public record Totals(int households, BigDecimal area) {
    public static final Totals NONE = new Totals(0, BigDecimal.ZERO);

    public Totals {
      area = area == null ? BigDecimal.ZERO : area;
      if (households < 0 || area.signum() < 0) {
        throw new IllegalArgumentException("户数和面积不能为负");
      }
    }

    public Totals plus(Totals other) {
      return new Totals(households + other.households, area.add(other.area));
    }
  }

  public enum Outcome {
    PASSED("通过"),
    REJECTED("未通过"),
    NO_QUORUM("参与表决的户数或面积不足，表决无效");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The outcome of a count. An electorate without floor areas (a meeting's members, or a vote opened before the
   * register held areas) is counted by headcount only.
   */
  public Outcome outcome(Totals electorate, Totals yes, Totals no, Totals abstain) {
    Totals cast = yes.plus(no).plus(abstain);
    boolean area = byArea && electorate.area().signum() > 0;
    if (electorate.households() <= 0 || cast.households() == 0
        || !quorum.met(BigDecimal.valueOf(cast.households()), BigDecimal.valueOf(electorate.households()), strictQuorum)
        || area && !quorum.met(cast.area(), electorate.area(), strictQuorum)) {
      return Outcome.NO_QUORUM;
    }
    boolean passed = majority.met(BigDecimal.valueOf(yes.households()), BigDecimal.valueOf(cast.households()), strictMajority)
        && (!area || majority.met(yes.area(), cast.area(), strictMajority));
    return passed ? Outcome.PASSED : Outcome.REJECTED;
  }

  /** The outcome by headcount only: members (or households), and the yes, no and abstain votes. */
  public Outcome outcome(int members, int yes, int no, int abstain) {
    return outcome(new Totals(members, BigDecimal.ZERO), new Totals(yes, BigDecimal.ZERO), new Totals(no, BigDecimal.ZERO),
        new Totals(abstain, BigDecimal.ZERO));
  }

  /** The rule in words, for the ballot page and the ballot sheet. */
  public String describe() {
    String basis = byArea ? "专有部分面积占比和人数占比均" : "人数";
    if (assembly) {
      return "由居民（代表）会议决定：应到人员" + (strictQuorum ? "过半数" : quorum.chinese() + "以上") + "出席，"
          + "出席人员" + (strictMajority ? "过半数" : majority.chinese() + "以上") + "同意为通过。";
    }
    return "参与表决的业主" + basis + "达到" + threshold(quorum, strictQuorum) + "，且参与表决的业主中同意的"
        + (byArea ? "面积和人数均" : "人数") + "达到" + threshold(majority, strictMajority) + "，为通过（《民法典》第二百七十八条）。";
  }

  private static String threshold(Share s, boolean strict) {
    if (s.numerator() * 2 == s.denominator() && strict) {
      return "过半数";
    }
    return s.chinese() + (strict ? "以上（不含）" : "以上");
  }
}
