package cn.yishi.application;

/** The case has no photo with that id. */
public class PhotoNotFound extends RuntimeException {
  public PhotoNotFound(String photoId) {
    super("照片不存在：" + photoId);
  }
}
