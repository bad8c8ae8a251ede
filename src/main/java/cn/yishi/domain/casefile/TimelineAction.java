package cn.yishi.domain.casefile;

/** What a timeline (台账) entry records. */
public enum TimelineAction {
  REGISTERED("登记诉求"),
  SUPPORTED("附议：同一问题再次反映"),
  ACCEPTED("前置把关：予以受理"),
  DECLINED("前置把关：不予受理"),
  /** 三级前置把关: the reviewer passed the review to the party organisation of the tier above, with a reason. */
  REVIEW_PASSED_UP("提交上级党组织把关"),
  /** The tier above sent the review back to the tier below, with a reason. */
  REVIEW_SENT_DOWN("退回下级党组织把关"),
  CLASSIFICATION_OVERRIDDEN("调整分级分类"),
  SCREENING_OVERRIDDEN("改变五议五不议建议"),
  REFERRED("不议事项转交主管部门"),
  ASSIGNED("派单（点将）"),
  PUBLISHED_TO_POOL("发布至项目池（揭榜）"),
  CLAIMED("揭榜认领"),
  /** 组团: co-units (协办单位) named beside the lead unit, each with its own task. */
  CO_UNITS_ASSIGNED("组团：指定协办单位"),
  /** A co-unit reported its result (协办结果). */
  CO_HANDLED("协办单位办结"),
  PROGRESS("办理进展"),
  ESCALATED("上报升级"),
  OVERDUE("逾期督办"),
  SUPERVISED("督办单"),
  LISTED("挂牌督办"),
  SUPERVISION_HANDLED("督办处理"),
  MEETING_SCHEDULED("安排协商议事"),
  MEETING_HELD("召开协商议事会"),
  MEETING_PAUSED("议事会暂停，改期"),
  /** The meeting put its plan to the experts; from now on they may read the case. */
  EXPERT_REVIEW_REQUESTED("提交评审团审查"),
  EXPERT_REVIEWED("评审团审查"),
  VOTE_OPENED("发起居民表决（一户一票）"),
  VOTE_COUNTED("居民表决计票"),
  PUBLICITY_STARTED("决议张榜公示"),
  OBJECTIONS_DECIDED("公示异议处理"),
  RESOLUTION_ADOPTED("决议生效"),
  ITEM_COMPLETED("决议事项落实"),
  /** 民事民评: the 居务监督委员会 opened an evaluation of a resolution item. */
  ITEM_EVALUATION_OPENED("民事民评"),
  ITEM_EVALUATED("民事民评结果"),
  RESOLVED("办结"),
  RESULT_CONFIRMED("办理结果核查属实"),
  RESULT_REJECTED("办理结果不实，督办纠偏"),
  EVALUATION_REQUESTED("邀请评价"),
  EVALUATED("群众评价"),
  REWORK("不满意，整改"),
  CLOSED("销号"),
  /** A deadline counted into a year without the State Council's holiday notice: weekends only, for now. */
  CALENDAR_PENDING("节假日安排未发布，按周末计算"),
  /** The deadline counted anew after a year's holidays were loaded. */
  DEADLINE_RECOUNTED("按节假日安排重新计算办理期限"),
  /** Photos added to the case (随手拍): by the resident with the report, or by staff. */
  PHOTO_ADDED("添加照片"),
  /** A reviewer released a photo to the public case page. */
  PHOTO_RELEASED("公开照片");

  private final String label;

  TimelineAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
