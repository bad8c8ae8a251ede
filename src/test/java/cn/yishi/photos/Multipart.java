package cn.yishi.photos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A multipart/form-data body as a browser sends it: text fields and files. */
public final class Multipart {
  static final String BOUNDARY = "----yishi-photos-7d1f";
  private final List<byte[]> parts = new ArrayList<>();

  public Multipart field(String name, String value) {
    parts.add(("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public Multipart file(String name, String filename, String contentType, byte[] data) {
    byte[] head = ("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] part = new byte[head.length + data.length];
    System.arraycopy(head, 0, part, 0, head.length);
    System.arraycopy(data, 0, part, head.length, data.length);
    parts.add(part);
    return this;
  }

  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(p);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  public static String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }
}
