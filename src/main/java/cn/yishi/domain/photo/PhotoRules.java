package cn.yishi.domain.photo;

import cn.yishi.domain.casefile.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * What a photo of a case must be: JPEG, PNG or WebP by its first bytes, not empty, at most {@code maxBytes}, its
 * metadata removable (see {@link PhotoMetadata}); and a case holds at most {@code maxPerCase} photos. Every refusal
 * names the field ({@code photos}), a code and the file in Chinese, all at once.
 */
public record PhotoRules(long maxBytes, int maxPerCase) {
  public static final String FIELD = "photos";

  public PhotoRules {
    if (maxBytes < 1 || maxPerCase < 1) {
      throw new IllegalArgumentException("photo limits must be positive: max-bytes " + maxBytes + ", max-per-case " + maxPerCase);
    }
  }

  /** A file as uploaded: its name (only for messages; may be null) and its bytes. */
  public record Upload(String filename, byte[] data) {}

  /** A checked photo: its type by signature. */
  public record Checked(Upload upload, PhotoType type) {}

  /**
   * Checks {@code uploads} to be added to a case that holds {@code existing} photos.
   *
   * @return the checked photos, or every refusal (nothing is checked as good when one is refused)
   */
  public Result check(List<Upload> uploads, int existing) {
    List<FieldError> errors = new ArrayList<>();
    List<Checked> checked = new ArrayList<>();
    if (existing + uploads.size() > maxPerCase) {
      errors.add(new FieldError(FIELD, "too_many", existing == 0
          ? "每件诉求最多上传 " + maxPerCase + " 张照片"
          : "每件诉求最多 " + maxPerCase + " 张照片，已有 " + existing + " 张，最多还能上传 " + Math.max(0, maxPerCase - existing) + " 张"));
    }
    for (int i = 0; i < uploads.size(); i++) {
      Upload u = uploads.get(i);
      String name = label(u, i);
      byte[] data = u.data();
      if (data == null || data.length == 0) {
        errors.add(new FieldError(FIELD, "empty", name + "是空文件"));
        continue;
      }
      if (data.length > maxBytes) {
        errors.add(new FieldError(FIELD, "too_large", name + "超过 " + megabytes(maxBytes) + "，请压缩后再上传"));
        continue;
      }
      PhotoType type = PhotoType.detect(data).orElse(null);
      if (type == null) {
        errors.add(new FieldError(FIELD, "unsupported_type", name + "不是 JPEG、PNG 或 WebP 格式的图片"));
        continue;
      }
      if (PhotoMetadata.strip(type, data).isEmpty()) {
        errors.add(new FieldError(FIELD, "damaged", name + "已损坏，无法识别"));
        continue;
      }
      checked.add(new Checked(u, type));
    }
    return errors.isEmpty() ? new Result(checked, List.of()) : new Result(List.of(), errors);
  }

  /** The outcome of {@link #check}: the photos when all are good, else the refusals. */
  public record Result(List<Checked> photos, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  static String label(Upload u, int index) {
    String name = printable(u.filename() == null ? "" : u.filename()).strip();
    if (name.isEmpty()) {
      return "第 " + (index + 1) + " 张照片";
    }
    if (name.length() > 40) {
      name = name.substring(0, 40) + "…";
    }
    return "照片“" + name + "”";
  }

  /** The name without control characters or halves of characters (it is only echoed in the message). */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().filter(c -> !Character.isISOControl(c) && Character.isDefined(c)
        && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.PRIVATE_USE).forEach(b::appendCodePoint);
    return b.toString();
  }

  static String megabytes(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
