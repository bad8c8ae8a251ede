package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.CasePhotos;
import cn.yishi.application.port.PublicCaseRecords;
import cn.yishi.domain.casefile.CaseStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The photos of cases in {@code yishi_case_photo} (Flyway V13): bytea on PostgreSQL, binary varying on H2. */
@Repository
class JdbcCasePhotos implements CasePhotos {
  private static final String COLUMNS = """
      p.public_id, c.case_no, p.content_type, p.size_bytes, p.sha256, p.uploaded_by, p.uploaded_at, p.released,
      p.released_by, p.released_at""";
  private static final List<String> PUBLIC = PublicCaseRecords.PUBLIC_STATUSES.stream().map(CaseStatus::name).sorted().toList();

  private final JdbcClient jdbc;

  JdbcCasePhotos(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int countLocked(long caseId) {
    jdbc.sql("select id from yishi_case where id = ? for update").param(caseId).query(Long.class).list();
    return jdbc.sql("select count(*) from yishi_case_photo where case_id = ?").param(caseId).query(Integer.class).single();
  }

  @Override
  public void add(long caseId, NewPhoto p) {
    jdbc.sql("""
            insert into yishi_case_photo (public_id, case_id, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at)
            values (:publicId, :caseId, :contentType, :size, :sha256, :data, :uploadedBy, :uploadedAt)""")
        .param("publicId", p.publicId())
        .param("caseId", caseId)
        .param("contentType", p.contentType())
        .param("size", p.size())
        .param("sha256", p.sha256())
        .param("data", p.data())
        .param("uploadedBy", p.uploadedBy())
        .param("uploadedAt", p.uploadedAt())
        .update();
  }

  @Override
  public List<Photo> list(long caseId) {
    return jdbc.sql("select " + COLUMNS + " from yishi_case_photo p join yishi_case c on c.id = p.case_id"
            + " where p.case_id = ? order by p.id")
        .param(caseId).query(JdbcCasePhotos::photo).list();
  }

  @Override
  public Optional<Content> content(long caseId, String publicId) {
    return jdbc.sql("select p.public_id, c.case_no, p.content_type, p.sha256, p.data from yishi_case_photo p"
            + " join yishi_case c on c.id = p.case_id where p.case_id = :caseId and p.public_id = :publicId")
        .param("caseId", caseId).param("publicId", publicId)
        .query(JdbcCasePhotos::content).optional();
  }

  @Override
  public boolean release(long caseId, String publicId, String by, OffsetDateTime at) {
    return jdbc.sql("""
            update yishi_case_photo set released = true, released_by = :by, released_at = :at
            where case_id = :caseId and public_id = :publicId and released = false""")
        .param("by", by).param("at", at).param("caseId", caseId).param("publicId", publicId)
        .update() > 0;
  }

  @Override
  public Optional<Content> publicContent(String publicId) {
    return jdbc.sql("select p.public_id, c.case_no, p.content_type, p.sha256, p.data from yishi_case_photo p"
            + " join yishi_case c on c.id = p.case_id"
            + " where p.public_id = :publicId and p.released = true and c.status in (:statuses)")
        .param("publicId", publicId).param("statuses", PUBLIC)
        .query(JdbcCasePhotos::content).optional();
  }

  @Override
  public Map<String, List<String>> released(Collection<String> caseNos) {
    Map<String, List<String>> byCase = new LinkedHashMap<>();
    if (caseNos.isEmpty()) {
      return byCase;
    }
    jdbc.sql("select c.case_no, p.public_id from yishi_case_photo p join yishi_case c on c.id = p.case_id"
            + " where c.case_no in (:caseNos) and p.released = true and c.status in (:statuses) order by p.id")
        .param("caseNos", List.copyOf(caseNos)).param("statuses", PUBLIC)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> byCase.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    return byCase;
  }

  private static Photo photo(ResultSet rs, int n) throws SQLException {
    return new Photo(rs.getString("public_id"), rs.getString("case_no"), rs.getString("content_type"),
        rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class), rs.getBoolean("released"), rs.getString("released_by"),
        rs.getObject("released_at", OffsetDateTime.class));
  }

  private static Content content(ResultSet rs, int n) throws SQLException {
    return new Content(rs.getString("public_id"), rs.getString("case_no"), rs.getString("content_type"),
        rs.getString("sha256"), rs.getBytes("data"));
  }
}
