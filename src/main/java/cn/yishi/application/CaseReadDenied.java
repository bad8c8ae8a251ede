package cn.yishi.application;

/** The caller's role may not read this case (see {@link cn.yishi.domain.directory.CaseReadPolicy}). */
public class CaseReadDenied extends RuntimeException {
  public CaseReadDenied(String caseNo) {
    super("无权查看该办件：" + caseNo);
  }
}
