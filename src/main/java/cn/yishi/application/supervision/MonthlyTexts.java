package cn.yishi.application.supervision;

import cn.yishi.application.port.MonthlyReports;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Chinese texts of the monthly dispatch: the review summary and the mail to each unit. */
final class MonthlyTexts {
  /** A process variable of type String holds at most 4000 characters. */
  static final int SUMMARY_MAX = 3800;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private MonthlyTexts() {}

  static String label(YearMonth m) {
    return m.getYear() + "年" + m.getMonthValue() + "月";
  }

  static String span(YearMonth m) {
    return m.atDay(1) + " 至 " + m.atEndOfMonth();
  }

  /** One line of figures: 收件 3｜受理 3｜办结 2（按期 2）｜… */
  static String line(MonthlyFigures f) {
    return "收件 " + f.received() + "｜受理 " + f.accepted() + "｜办结 " + f.resolved() + "（按期 " + f.resolvedOnTime() + "）"
        + "｜未办结 " + f.pending() + "｜逾期 " + f.overdue() + "｜整改 " + f.reworks() + "｜结果不实 " + f.rejectedResults()
        + "｜评价 " + f.evaluations() + (f.evaluations() == 0 ? "" : "（平均 " + points(f.averageSatisfaction()) + " 分）")
        + "｜响应率 " + MonthlyFigures.percent(f.responseRate()) + "｜解决率 " + MonthlyFigures.percent(f.resolutionRate())
        + "｜满意率 " + MonthlyFigures.percent(f.satisfactionRate())
        + (f.itemsEvaluated() == 0 ? "" : "｜民事民评 " + f.itemsEvaluated() + " 项（" + (f.itemRatings() == 0 ? "无人评价"
            : "平均 " + points(f.averageItemRating()) + " 分") + "，退回整改 " + f.itemsSentBack() + " 项）");
  }

  static String points(Double average) {
    return average == null ? "—" : String.format(Locale.ROOT, "%.2f", average);
  }

  /** What the dispatch centre reads in the review task. */
  static String summary(YearMonth month, int revision, OffsetDateTime computedAt, ZoneId zone, MonthlyTables t,
      BoardRules.Boards boards, MonthlyReports.Review lastReview) {
    StringBuilder b = new StringBuilder();
    b.append(label(month)).append(" 月调度报告（第").append(revision).append("版，")
        .append(computedAt.atZoneSameInstant(zone).format(TIME)).append(" 生成）\n");
    b.append("统计期间：").append(span(month)).append('\n');
    b.append("全县：").append(line(t.total())).append("\n\n");
    b.append("【责任单位】\n");
    int quiet = 0;
    for (Map.Entry<String, MonthlyFigures> u : t.units().entrySet()) {
      if (u.getValue().isEmpty()) {
        quiet++;
      } else {
        b.append(t.unitName(u.getKey())).append("：").append(line(u.getValue())).append('\n');
      }
    }
    if (quiet > 0) {
      b.append("（其余 ").append(quiet).append(" 个单位本月无办件）\n");
    }
    b.append("\n【社区】\n");
    t.communities().forEach((code, f) -> b.append(t.communityName(code)).append("：").append(line(f)).append('\n'));
    b.append("\n【红榜】\n");
    board(b, boards.red(), "本月无单位上红榜");
    b.append("【黑榜】\n");
    board(b, boards.black(), "本月无单位上黑榜");
    if (lastReview != null && !lastReview.approved()) {
      b.append("\n上次审核意见（第").append(lastReview.revision()).append("版，").append(lastReview.reviewedBy()).append("，")
          .append(lastReview.reviewedAt().atZoneSameInstant(zone).format(TIME)).append("）：")
          .append(lastReview.comment()).append('\n');
    }
    return fit(b.toString(), month);
  }

  private static void board(StringBuilder b, List<BoardRules.Entry> entries, String none) {
    if (entries.isEmpty()) {
      b.append("（").append(none).append("）\n");
    }
    entries.forEach(e -> b.append(e.rank()).append(". ").append(e.unitName()).append("：").append(e.reason()).append('\n'));
  }

  private static String fit(String text, YearMonth month) {
    if (text.length() <= SUMMARY_MAX) {
      return text;
    }
    String more = "\n……（摘要过长已截断，完整报告见 /api/reports/monthly/" + month + "）";
    return text.substring(0, SUMMARY_MAX - more.length()) + more;
  }

  /**
   * The figures part of the mail to a unit ({@code {report}} of the monthly-report mail template): its
   * month, its place on the boards and the county's figures.
   */
  static String mailReport(YearMonth month, MonthlyFigures f, MonthlyFigures total, BoardRules.Boards boards, String unit) {
    StringBuilder b = new StringBuilder();
    b.append("现将").append(label(month)).append("月调度情况通报如下（统计期间 ").append(span(month)).append("）。\n\n");
    if (f.isEmpty()) {
      b.append("本单位本月无办件。\n");
    } else {
      b.append("收件 ").append(f.received()).append(" 件，受理 ").append(f.accepted()).append(" 件，办结 ").append(f.resolved())
          .append(" 件（按期办结 ").append(f.resolvedOnTime()).append(" 件），月末未办结 ").append(f.pending())
          .append(" 件，逾期 ").append(f.overdue()).append(" 件，整改 ").append(f.reworks()).append(" 次，办理结果经核查不实 ")
          .append(f.rejectedResults()).append(" 次；\n")
          .append("群众评价 ").append(f.evaluations()).append(" 次")
          .append(f.evaluations() == 0 ? "" : "，平均满意度 " + points(f.averageSatisfaction()) + " 分").append("；\n")
          .append("响应率 ").append(MonthlyFigures.percent(f.responseRate())).append("，解决率 ")
          .append(MonthlyFigures.percent(f.resolutionRate())).append("，满意率 ").append(MonthlyFigures.percent(f.satisfactionRate()))
          .append("。\n");
    }
    boards.red().stream().filter(e -> e.unit().equals(unit)).findFirst().ifPresent(e ->
        b.append("\n本单位列入本月红榜（第 ").append(e.rank()).append(" 名）：").append(e.reason()).append("。\n"));
    boards.black().stream().filter(e -> e.unit().equals(unit)).findFirst().ifPresent(e ->
        b.append("\n本单位列入本月黑榜：").append(e.reason()).append("。请认真分析原因，限期整改。\n"));
    b.append("\n全县：").append(line(total)).append("\n");
    return b.toString();
  }

  /** The summary with the month's 代办 figures per township and service, within the variable's length. */
  static String withProxy(String summary, List<MonthlyReportView.ProxyLine> proxy) {
    StringBuilder b = new StringBuilder(summary);
    b.append(summary.endsWith("\n") ? "" : "\n").append("\n【代办】");
    if (proxy.isEmpty()) {
      b.append("本月无代办事项。\n");
    } else {
      b.append('\n');
      for (MonthlyReportView.ProxyLine l : proxy) {
        b.append(proxyLine(l)).append('\n');
      }
    }
    return b.length() > SUMMARY_MAX ? b.substring(0, SUMMARY_MAX - 1) + "…" : b.toString();
  }

  /** 冯川镇 低保申请：受理 3｜按时办结 2｜逾期 1｜评价 2（平均 4.50 分） */
  static String proxyLine(MonthlyReportView.ProxyLine l) {
    return l.streetName() + " " + l.serviceName() + "：受理 " + l.received() + "｜按时办结 " + l.doneInTime() + "｜逾期 "
        + l.overdue() + "｜评价 " + l.rated() + (l.rated() == 0 ? "" : "（平均 " + points(l.averageRating()) + " 分）");
  }
}
