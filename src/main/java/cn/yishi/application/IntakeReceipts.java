package cn.yishi.application;

import cn.yishi.application.port.RegisteredCases.Registered;
import cn.yishi.application.port.RegisteredCases;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.directory.Directory;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receipt (回执) a staff member gives the resident after registering a case in Tasklist, and the list of the
 * cases they registered (我登记的诉求). Only the staff member who registered a case reads its receipt; it names the
 * case, never the reporter: number, date, category, title, community, status in Chinese and the public address
 * where the resident follows it once it is accepted.
 */
@Service
public class IntakeReceipts {
  /** How many of one's own cases the list shows, newest first. */
  public static final int LIST_MAX = 100;

  private final RegisteredCases cases;
  private final Catalogue catalogue;
  private final Directory directory;
  private final String publicBaseUrl;

  public IntakeReceipts(RegisteredCases cases, Catalogue catalogue, Directory directory,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.cases = cases;
    this.catalogue = catalogue;
    this.directory = directory;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /**
   * One receipt. {@code publicNow}: whether the public address shows the case already (after review), else it will
   * once the case is accepted.
   */
  public record Receipt(String caseNo, OffsetDateTime registeredAt, String categoryName, String title,
      String communityName, String statusName, boolean open, String publicAddress, boolean publicNow) {}

  /** A case registered by someone else than the caller. */
  public static class NotRegisteredByCaller extends RuntimeException {
    public NotRegisteredByCaller() {
      super("只能查看本人登记的诉求");
    }
  }

  /**
   * The receipt of the case a start form registered in process instance {@code processInstanceId}; empty when that
   * instance registered no case (it is not an intake, or it failed).
   */
  @Transactional(readOnly = true)
  public Optional<Receipt> ofProcessInstance(String userId, String processInstanceId) {
    return cases.findByProcessInstance(processInstanceId).map(c -> own(userId, c));
  }

  /** The receipt of case {@code caseNo}. */
  @Transactional(readOnly = true)
  public Receipt ofCase(String userId, String caseNo) {
    return cases.findByCaseNo(caseNo).map(c -> own(userId, c)).orElseThrow(() -> new CaseNotFound(caseNo));
  }

  /** The cases {@code userId} registered, newest first (at most {@value #LIST_MAX}). */
  @Transactional(readOnly = true)
  public List<Receipt> registeredBy(String userId) {
    return cases.findRegisteredBy(userId, LIST_MAX).stream().map(this::receipt).toList();
  }

  private Receipt own(String userId, Registered c) {
    if (userId == null || !userId.equals(c.registeredBy())) {
      throw new NotRegisteredByCaller();
    }
    return receipt(c);
  }

  private Receipt receipt(Registered c) {
    return new Receipt(
        c.caseNo(),
        c.registeredAt(),
        catalogue.find(c.category()).map(Catalogue.Category::name).orElse("其他"),
        c.title(),
        directory.community(c.community()).map(Directory.Community::name).orElse(""),
        c.status().label(),
        c.status().isOpen(),
        publicBaseUrl + "/public/cases/" + c.caseNo(),
        c.status() != CaseStatus.REGISTERED);
  }
}
