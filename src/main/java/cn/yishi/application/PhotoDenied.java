package cn.yishi.application;

/** The caller's role may not do this with the case's photos; the message says what, in Chinese. */
public class PhotoDenied extends RuntimeException {
  public PhotoDenied(String message) {
    super(message);
  }
}
