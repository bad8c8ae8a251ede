package cn.yishi.domain.deliberation;

/**
 * The quorum and majority of a resident vote (一户一票), as bpmn/voteRule.dmn gives them.
 *
 * @param quorum the share of the register's households that must vote
 * @param majority the share of the votes cast that must say yes
 * @param strictMajority true: more than the share; false: at least the share
 * @param assembly the matter is reserved by law for a residents' (representatives') meeting (宜昌)
 */
public record VoteRule(Share quorum, Share majority, boolean strictMajority, boolean assembly) {

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
      return new Share(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    }

    /** value ≥ share × total. */
    boolean reachedBy(long value, long total) {
      return value * denominator >= (long) numerator * total;
    }

    /** value &gt; share × total. */
    boolean exceededBy(long value, long total) {
      return value * denominator > (long) numerator * total;
    }

    @Override
    public String toString() {
      return numerator + "/" + denominator;
    }
  }

  public enum Outcome {
    PASSED("通过"),
    REJECTED("未通过"),
    NO_QUORUM("参与户数不足，表决无效");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The outcome of a count: households of the register, and the yes, no and abstain ballots. */
  public Outcome outcome(int households, int yes, int no, int abstain) {
    int cast = yes + no + abstain;
    if (households <= 0 || cast == 0 || !quorum.reachedBy(cast, households)) {
      return Outcome.NO_QUORUM;
    }
    boolean passed = strictMajority ? majority.exceededBy(yes, cast) : majority.reachedBy(yes, cast);
    return passed ? Outcome.PASSED : Outcome.REJECTED;
  }
}
