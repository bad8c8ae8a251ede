package cn.yishi.application;

/** No case with that number. */
public class CaseNotFound extends RuntimeException {
  public CaseNotFound(String caseNo) {
    super("办件不存在：" + caseNo);
  }
}
