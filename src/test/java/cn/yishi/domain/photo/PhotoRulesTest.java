package cn.yishi.domain.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.support.PhotoSamples;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotoRulesTest {
  private final PhotoRules rules = new PhotoRules(100_000, 3);

  @Test
  void theTypeIsTakenFromTheFirstBytesNotFromTheName() {
    assertThat(PhotoType.detect(PhotoSamples.jpegWithExif(40, 30))).contains(PhotoType.JPEG);
    assertThat(PhotoType.detect(PhotoSamples.png(40, 30))).contains(PhotoType.PNG);
    assertThat(PhotoType.detect(PhotoSamples.webpWithExif())).contains(PhotoType.WEBP);
    assertThat(PhotoType.detect(PhotoSamples.gif())).isEmpty();
    assertThat(PhotoType.detect(PhotoSamples.htmlPretendingToBeJpeg())).isEmpty();
    assertThat(PhotoType.detect(new byte[] {(byte) 0xff, (byte) 0xd8})).isEmpty();
    assertThat(PhotoType.detect("RIFF0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).as("RIFF but not WebP").isEmpty();
    assertThat(PhotoType.detect(null)).isEmpty();
    assertThat(PhotoType.ofMediaType("image/png")).contains(PhotoType.PNG);
    assertThat(PhotoType.ofMediaType("text/html")).isEmpty();
  }

  @Test
  void goodPhotosPassWithTheirTypes() {
    PhotoRules.Result r = rules.check(List.of(new PhotoRules.Upload("路灯.jpg", PhotoSamples.jpegWithExif(40, 30)),
        new PhotoRules.Upload("x.png", PhotoSamples.png(40, 30)), new PhotoRules.Upload(null, PhotoSamples.webpWithExif())), 0);
    assertThat(r.ok()).isTrue();
    assertThat(r.photos()).extracting(PhotoRules.Checked::type).containsExactly(PhotoType.JPEG, PhotoType.PNG, PhotoType.WEBP);
  }

  @Test
  void everyRefusalIsNamedAtOnceAndNothingPasses() {
    byte[] big = Arrays.copyOf(PhotoSamples.jpegWithExif(40, 30), 100_001);
    PhotoRules.Result r = rules.check(List.of(
        new PhotoRules.Upload("动图.gif", PhotoSamples.gif()),
        new PhotoRules.Upload("page.jpg", PhotoSamples.htmlPretendingToBeJpeg()),
        new PhotoRules.Upload("大图.jpg", big),
        new PhotoRules.Upload("", new byte[0]),
        new PhotoRules.Upload("ok.png", PhotoSamples.png(10, 10))), 0);
    assertThat(r.ok()).isFalse();
    assertThat(r.photos()).isEmpty();
    assertThat(r.errors()).extracting(FieldError::field).containsOnly("photos");
    assertThat(r.errors()).extracting(FieldError::code)
        .containsExactly("too_many", "unsupported_type", "unsupported_type", "too_large", "empty");
    assertThat(r.errors()).extracting(FieldError::message).containsExactly(
        "每件诉求最多上传 3 张照片",
        "照片“动图.gif”不是 JPEG、PNG 或 WebP 格式的图片",
        "照片“page.jpg”不是 JPEG、PNG 或 WebP 格式的图片",
        "照片“大图.jpg”超过 0.1 MB，请压缩后再上传",
        "第 4 张照片是空文件");
  }

  @Test
  void exactlyTheLimitsPass() {
    byte[] jpeg = PhotoSamples.jpegWithExif(40, 30);
    PhotoRules tight = new PhotoRules(jpeg.length, 2);
    assertThat(tight.check(List.of(new PhotoRules.Upload("a.jpg", jpeg)), 1).ok()).isTrue();
    PhotoRules.Result full = tight.check(List.of(new PhotoRules.Upload("a.jpg", jpeg)), 2);
    assertThat(full.errors()).extracting(FieldError::message).containsExactly("每件诉求最多 2 张照片，已有 2 张，最多还能上传 0 张");
    assertThat(tight.check(List.of(new PhotoRules.Upload("a.jpg", Arrays.copyOf(jpeg, jpeg.length + 1))), 0).errors())
        .extracting(FieldError::code).containsExactly("too_large");
    assertThat(new PhotoRules(5 * 1024 * 1024, 6).check(Collections.nCopies(7, new PhotoRules.Upload("a.jpg", jpeg)), 0)
        .errors()).extracting(FieldError::code).containsExactly("too_many");
  }

  @Test
  void aJpegWhoseSegmentsDoNotHoldTogetherIsRefusedAsDamaged() {
    byte[] jpeg = PhotoSamples.jpegWithExif(40, 30);
    byte[] cut = Arrays.copyOf(jpeg, 30);
    assertThat(rules.check(List.of(new PhotoRules.Upload("cut.jpg", cut)), 0).errors())
        .extracting(FieldError::code).containsExactly("damaged");
  }

  @Test
  void controlCharactersOfAFileNameAreNotEchoed() {
    PhotoRules.Result r = rules.check(List.of(new PhotoRules.Upload("a\u0000b\u202e\ud800.gif", PhotoSamples.gif())), 0);
    assertThat(r.errors().get(0).message()).startsWith("照片“ab").doesNotContain("\u0000", "\ud800");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new PhotoRules(0, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhotoRules(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
