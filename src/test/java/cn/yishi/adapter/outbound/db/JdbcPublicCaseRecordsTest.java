package cn.yishi.adapter.outbound.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.port.PublicCaseRecords.Case;
import cn.yishi.application.port.PublicCaseRecords.Criteria;
import cn.yishi.application.port.PublicCaseRecords.Entry;
import cn.yishi.application.port.PublicCaseRecords.Found;
import cn.yishi.domain.casefile.CaseStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public reads of the case record on H2, with the project's Flyway schema and no Spring context. */
class JdbcPublicCaseRecordsTest {
  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
  static final Set<CaseStatus> ALL = EnumSet.allOf(CaseStatus.class);

  private JdbcClient jdbc;
  private JdbcPublicCaseRecords records;

  @BeforeEach
  void database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:public-case-records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("yishi_schema_history").load().migrate();
    jdbc = JdbcClient.create(ds);
    records = new JdbcPublicCaseRecords(jdbc);
  }

  @Test
  void aCaseAwaitingReviewIsNeverReturnedButExists() {
    insert("FX-1", "hualin", "streetlight", CaseStatus.REGISTERED, T0);
    assertThat(records.find("FX-1")).isEmpty();
    assertThat(records.find(criteria(List.of("FX-1"), null, List.of(), ALL))).isEmpty();
    assertThat(records.find(criteria(List.of(), null, List.of(), ALL))).isEmpty();
    assertThat(records.exists("FX-1")).isTrue();
    assertThat(records.exists("FX-2")).isFalse();
  }

  @Test
  void oneCaseHasItsPublicColumnsAndOnlyItsPublicEntriesInOrder() {
    long id = insert("FX-1", "hualin", "streetlight", CaseStatus.IN_PROGRESS, T0);
    jdbc.sql("update yishi_case set urgency = 'YELLOW', tier = 'ROOM', disposal = 'COMMITTED', responsible_unit = 'water',"
        + " deadline = :deadline where id = :id").param("deadline", T0.plusDays(5)).param("id", id).update();
    event(id, T0.plusHours(1), "ACCEPTED", null, true);
    event(id, T0.plusHours(2), "ASSIGNED", "内部备注", false);
    event(id, T0.plusHours(3), "PROGRESS", "已更换灯泡", true);

    Found found = records.find("FX-1").orElseThrow();
    Case c = found.record();
    assertThat(c.caseNo()).isEqualTo("FX-1");
    assertThat(c.status()).isEqualTo("IN_PROGRESS");
    assertThat(c.title()).isEqualTo("标题FX-1");
    assertThat(c.compound()).isEqualTo("御苑小区");
    assertThat(c.urgency()).isEqualTo("YELLOW");
    assertThat(c.responsibleUnit()).isEqualTo("water");
    assertThat(c.deadline().toInstant()).isEqualTo(T0.plusDays(5).toInstant());
    assertThat(c.createdAt().toInstant()).isEqualTo(T0.toInstant());
    assertThat(found.timeline()).extracting(Entry::action).containsExactly("ACCEPTED", "PROGRESS");
    assertThat(found.timeline()).extracting(Entry::note).containsExactly(null, "已更换灯泡");
  }

  @Test
  void aSearchFiltersByStatusTimeCommunityAndCategoryNewestFirst() {
    insert("FX-1", "hualin", "streetlight", CaseStatus.ACCEPTED, T0);
    insert("FX-2", "hualin", "streetlight", CaseStatus.CLOSED, T0.plusHours(1));
    insert("FX-3", "hualin", "fitness-equipment", CaseStatus.IN_PROGRESS, T0.plusHours(2));
    insert("FX-4", "shengdian", "streetlight", CaseStatus.IN_PROGRESS, T0.plusHours(3));
    insert("FX-5", "hualin", "streetlight", CaseStatus.IN_PROGRESS, T0.plusDays(10));

    assertThat(caseNos(records.find(criteria(List.of(), null, List.of(), ALL)))).containsExactly("FX-4", "FX-3", "FX-2", "FX-1");
    assertThat(caseNos(records.find(criteria(List.of(), "hualin", List.of("streetlight"), ALL)))).containsExactly("FX-2", "FX-1");
    assertThat(caseNos(records.find(criteria(List.of(), null, List.of(), EnumSet.of(CaseStatus.CLOSED))))).containsExactly("FX-2");
    assertThat(records.find(criteria(List.of(), null, List.of(), EnumSet.of(CaseStatus.REGISTERED)))).isEmpty();
    assertThat(records.find(criteria(List.of(), null, List.of(), Set.of()))).isEmpty();
  }

  @Test
  void caseNumbersIgnoreStatusesTimeAndCategoriesButNotTheCommunity() {
    insert("FX-1", "hualin", "streetlight", CaseStatus.CLOSED, T0.minusYears(1));
    insert("FX-2", "shengdian", "streetlight", CaseStatus.ACCEPTED, T0);
    insert("FX-3", "hualin", "streetlight", CaseStatus.REGISTERED, T0);

    List<String> all = List.of("FX-1", "FX-2", "FX-3", "FX-9");
    assertThat(caseNos(records.find(criteria(all, null, List.of("unicorns"), Set.of())))).containsExactly("FX-2", "FX-1");
    assertThat(caseNos(records.find(criteria(all, "hualin", List.of(), Set.of())))).containsExactly("FX-1");
  }

  @Test
  void pagesWalkTheListWithLimitAndOffset() {
    for (int i = 1; i <= 5; i++) {
      insert("FX-" + i, "hualin", "streetlight", CaseStatus.ACCEPTED, T0.plusMinutes(i));
    }
    assertThat(caseNos(records.find(page(2, 0)))).containsExactly("FX-5", "FX-4");
    assertThat(caseNos(records.find(page(2, 2)))).containsExactly("FX-3", "FX-2");
    assertThat(caseNos(records.find(page(2, 4)))).containsExactly("FX-1");
    assertThat(records.find(page(2, 6))).isEmpty();
  }

  private static Criteria criteria(List<String> caseNos, String community, List<String> categories, Set<CaseStatus> statuses) {
    return new Criteria(caseNos, community, categories, statuses, T0.minusMinutes(1), T0.plusDays(1), 100, 0);
  }

  private static Criteria page(int limit, long offset) {
    return new Criteria(List.of(), null, List.of(), ALL, T0, T0.plusDays(1), limit, offset);
  }

  private static List<String> caseNos(List<Found> found) {
    return found.stream().map(f -> f.record().caseNo()).toList();
  }

  private long insert(String caseNo, String community, String category, CaseStatus status, OffsetDateTime at) {
    jdbc.sql("""
            insert into yishi_case (case_no, channel, category, title, description, community, compound, status,
              created_at, updated_at)
            values (:caseNo, 'HOTLINE_12345', :category, :title, '私密描述', :community, '御苑小区', :status, :at, :at)""")
        .param("caseNo", caseNo).param("category", category).param("title", "标题" + caseNo)
        .param("community", community).param("status", status.name()).param("at", at)
        .update();
    return jdbc.sql("select id from yishi_case where case_no = :caseNo").param("caseNo", caseNo).query(Long.class).single();
  }

  private void event(long caseId, OffsetDateTime at, String action, String note, boolean publicNote) {
    jdbc.sql("""
            insert into yishi_case_event (case_id, occurred_at, actor, action, note, public_note)
            values (:caseId, :at, 'tester', :action, :note, :publicNote)""")
        .param("caseId", caseId).param("at", at).param("action", action).param("note", note)
        .param("publicNote", publicNote).update();
  }
}
