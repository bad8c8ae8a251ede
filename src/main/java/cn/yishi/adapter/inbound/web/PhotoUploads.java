package cn.yishi.adapter.inbound.web;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.photo.PhotoRules;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/** The photos of a multipart request ({@code photos}); an empty file input sends an empty part without a name: not a photo. */
public final class PhotoUploads {
  private PhotoUploads() {}

  public static List<PhotoRules.Upload> of(HttpServletRequest request, List<FieldError> errors) {
    MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) {
      return List.of();
    }
    List<PhotoRules.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : multipart.getFiles(PhotoRules.FIELD)) {
      if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
        continue;
      }
      try {
        uploads.add(new PhotoRules.Upload(file.getOriginalFilename(), file.getBytes()));
      } catch (java.io.IOException e) {
        errors.add(new FieldError(PhotoRules.FIELD, "unreadable", "照片未能完整上传，请重新选择"));
      }
    }
    return uploads;
  }
}
