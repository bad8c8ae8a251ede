package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.variable.ProcessVariable;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Glue for bpmn/proxyService.bpmn (代办): its key, element ids, message and variables. A 代办员 starts it in Tasklist
 * (start form: the service from the catalogue, the resident's name and phone, the community), or the phone page
 * registers the request and starts it with the request id. The resident's name and phone leave the process in its
 * first step ({@link Var#PERSONAL}, never in history either).
 */
public final class ProxyService {
  public static final String PROCESS_KEY = "proxyService";
  public static final String MESSAGE_RATED = "proxy.rated";
  /** 旬跟进 raises 代办督办 for an overdue request (event sub-process, non-interrupting). */
  public static final String MESSAGE_SUPERVISE = "proxy.supervise";

  public static final String START_EVENT = "startEvent_proxyRequested";
  public static final String SERVICE_TASK_REGISTER = "serviceTask_registerProxyRequest";
  public static final String SUB_PROCESS_HANDLING = "subProcess_proxyHandling";
  public static final String USER_TASK_CHECK = "userTask_checkDocuments";
  public static final String SERVICE_TASK_RECORD_CHECK = "serviceTask_recordDocumentCheck";
  public static final String USER_TASK_HAND_OVER = "userTask_handOver";
  public static final String SERVICE_TASK_RECORD_HAND_OVER = "serviceTask_recordHandOver";
  public static final String GATEWAY_HAND_OVER_JOIN = "gateway_handOverJoin";
  public static final String GATEWAY_MORE_HAND_OVERS = "gateway_moreHandOvers";
  public static final String USER_TASK_CLOSE = "userTask_closeProxyRequest";
  public static final String SERVICE_TASK_CLOSE = "serviceTask_closeProxyRequest";
  public static final String END_EVENT_HANDLED = "endEvent_proxyHandled";
  public static final String BOUNDARY_OVERDUE = "boundary_proxyOverdue";
  public static final String SERVICE_TASK_MARK_OVERDUE = "serviceTask_markProxyOverdue";
  public static final String USER_TASK_SUPERVISE = "userTask_superviseProxy";
  public static final String SERVICE_TASK_RECORD_SUPERVISION = "serviceTask_recordProxySupervision";
  public static final String END_EVENT_SUPERVISED = "endEvent_proxySupervised";
  public static final String SUB_PROCESS_SWEEP_SUPERVISION = "subProcess_proxySweepSupervision";
  public static final String START_EVENT_SUPERVISE = "startEvent_proxySupervise";
  public static final String USER_TASK_SWEEP_SUPERVISE = "userTask_sweepSuperviseProxy";
  public static final String SERVICE_TASK_RECORD_SWEEP_SUPERVISION = "serviceTask_recordSweepSupervision";
  public static final String END_EVENT_SWEEP_SUPERVISED = "endEvent_sweepSupervised";
  public static final String GATEWAY_RATING_JOIN = "gateway_ratingJoin";
  public static final String RECEIVE_TASK_RATING = "receiveTask_awaitProxyRating";
  public static final String BOUNDARY_RATING_TIMEOUT = "boundary_proxyRatingTimeout";
  public static final String SERVICE_TASK_UNRATED = "serviceTask_recordProxyUnrated";
  public static final String END_EVENT_UNRATED = "endEvent_proxyUnrated";
  public static final String GATEWAY_SATISFIED = "gateway_proxySatisfied";
  public static final String USER_TASK_REWORK = "userTask_proxyRework";
  public static final String SERVICE_TASK_RECORD_REWORK = "serviceTask_recordProxyRework";
  public static final String END_EVENT_DONE = "endEvent_proxyDone";

  /** Variables: ids and routing facts, what each form submits, and the start form's personal data. */
  public static final class Var {
    public static final ProcessVariable<Long> REQUEST_ID = ProcessVariable.id("proxyRequestId");
    public static final ProcessVariable<String> REQUEST_NO = ProcessVariable.string("proxyRequestNo");
    public static final ProcessVariable<String> SERVICE_CODE = ProcessVariable.string("serviceCode");
    public static final ProcessVariable<String> SERVICE_NAME = ProcessVariable.string("serviceName");
    public static final ProcessVariable<String> OFFICE = ProcessVariable.string("proxyOffice");
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.string("community");
    public static final ProcessVariable<String> COMPOUND = ProcessVariable.string("compound");
    public static final ProcessVariable<String> RESIDENT_NAME = ProcessVariable.string("residentName");
    public static final ProcessVariable<String> RESIDENT_PHONE = ProcessVariable.string("residentPhone");
    /** The candidate group of the handling tasks: the community's 代办员 (GroupIds.proxy). */
    public static final ProcessVariable<String> PROXY_GROUP = ProcessVariable.string("proxyGroup");
    /** The candidate group of 代办督办: the street's staff. */
    public static final ProcessVariable<String> STREET_GROUP = ProcessVariable.string("proxyStreetGroup");
    /** The time limit (办理时限), counted in working days from the request: the overdue timer. */
    public static final ProcessVariable<OffsetDateTime> DUE_DATE = ProcessVariable.dateTime("proxyDueDate");
    /** The checklist's options: the service's documents (a Json list of {label, value}). */
    public static final ProcessVariable<Object> DOCUMENT_OPTIONS = ProcessVariable.raw("documentOptions");
    /** The documents ticked in 材料核对 (a Json list of texts). */
    public static final ProcessVariable<Object> DOCUMENTS_CHECKED = ProcessVariable.raw("documentsChecked");
    public static final ProcessVariable<String> MODE = ProcessVariable.string("proxyMode");
    public static final ProcessVariable<String> HAND_OVER_DETAIL = ProcessVariable.string("handOverDetail");
    public static final ProcessVariable<String> OFFICE_ANSWER = ProcessVariable.string("officeAnswer");
    /** Another hand-over is needed (补充材料, a further office): back to 递交与答复. */
    public static final ProcessVariable<Boolean> MORE_HAND_OVERS = ProcessVariable.bool("moreHandOvers");
    public static final ProcessVariable<Boolean> SUCCEEDED = ProcessVariable.bool("proxySucceeded");
    public static final ProcessVariable<String> RESULT = ProcessVariable.string("proxyResult");
    /** The resident's status and rating page (full address), for the 代办员 to send when the request came from Tasklist. */
    public static final ProcessVariable<String> STATUS_URL = ProcessVariable.string("proxyStatusUrl");
    public static final ProcessVariable<String> SUPERVISION_NOTE = ProcessVariable.string("supervisionNote");
    /** The supervision order (yishi_supervision_order) that 代办督办 answers: the timer's, or 旬跟进's in its own scope. */
    public static final ProcessVariable<Long> ORDER_ID = ProcessVariable.id("proxyOrderId");
    /** Why 代办督办 was raised, shown on its form. */
    public static final ProcessVariable<String> SUPERVISION_REASON = ProcessVariable.string("proxySupervisionReason");
    public static final ProcessVariable<String> REWORK_NOTE = ProcessVariable.string("reworkNote");
    /** The resident's rating, 1 to 5, delivered with {@link #MESSAGE_RATED}. */
    public static final ProcessVariable<Integer> RATING = ProcessVariable.integer("proxyRating");
    public static final ProcessVariable<Boolean> SATISFIED = ProcessVariable.bool("proxySatisfied");

    /** The resident's personal data: removed at registration, never in the history tables. */
    public static final Set<String> PERSONAL = Set.of(RESIDENT_NAME.name(), RESIDENT_PHONE.name());

    private Var() {}
  }

  private ProxyService() {}
}
