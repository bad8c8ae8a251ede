package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.CasePhotoService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.photo.PhotoRules;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Photos of a case (随手拍): staff list, view and add them (the Tasklist tab 照片, scripts/yishi-task-photos.js, with the
 * webapp session and its CSRF token), reviewers release one; the public sees released photos only, without their
 * metadata. A photo is always answered with its own type (never sniffed: {@code X-Content-Type-Options: nosniff})
 * and {@code inline} with a file name.
 */
@RestController
class PhotoApi {
  private final CasePhotoService photos;
  private final Caller caller;

  PhotoApi(CasePhotoService photos, Caller caller) {
    this.photos = photos;
    this.caller = caller;
  }

  @GetMapping(value = "/api/cases/{caseNo}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CasePhotoService.CasePhotoList> list(@PathVariable String caseNo) {
    staff();
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(photos.list(caseNo, caller.groups()));
  }

  @GetMapping("/api/cases/{caseNo}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable String caseNo, @PathVariable String photoId) {
    staff();
    CasePhotoService.PhotoContent p = photos.content(caseNo, photoId, caller.groups());
    return image(p, CacheControl.noCache().cachePrivate());
  }

  /** {@code photos}: one or more files (multipart/form-data); all are stored, or none. */
  @PostMapping(value = "/api/cases/{caseNo}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<CasePhotoService.PhotoView>> add(@PathVariable String caseNo, HttpServletRequest request) {
    String user = staff();
    MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) {
      throw new ValidationException(List.of(new FieldError(PhotoRules.FIELD, "required",
          "请以表单文件（multipart/form-data，字段 photos）上传照片")));
    }
    List<PhotoRules.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : multipart.getFiles(PhotoRules.FIELD)) {
      try {
        uploads.add(new PhotoRules.Upload(file.getOriginalFilename(), file.getBytes()));
      } catch (IOException e) {
        throw new ValidationException(List.of(new FieldError(PhotoRules.FIELD, "unreadable", "照片未能完整上传，请重新选择")));
      }
    }
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
        .body(photos.add(caseNo, uploads, user, caller.groups()));
  }

  @PostMapping(value = "/api/cases/{caseNo}/photos/{photoId}/release", produces = MediaType.APPLICATION_JSON_VALUE)
  CasePhotoService.PhotoView release(@PathVariable String caseNo, @PathVariable String photoId) {
    String user = staff();
    return photos.release(caseNo, photoId, user, caller.groups());
  }

  /** A released photo of a public case, without metadata (EXIF, GPS); anything else is 404. */
  @GetMapping("/public/photos/{photoId}")
  ResponseEntity<byte[]> publicPhoto(@PathVariable String photoId) {
    CasePhotoService.PhotoContent p = photos.publicPhoto(photoId)
        .orElseThrow(() -> ApiErrors.notFound("photoId", "照片不存在或尚未公开"));
    return image(p, CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic());
  }

  private String staff() {
    String user = caller.userId();
    if (!caller.isStaff()) {
      throw new ApiErrors.Forbidden("只有工作人员可以查看和上传办件照片");
    }
    return user;
  }

  private static ResponseEntity<byte[]> image(CasePhotoService.PhotoContent p, CacheControl cache) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(p.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("photo-" + p.id().substring(0, Math.min(8, p.id().length())) + "." + p.extension()).build().toString())
        .cacheControl(cache)
        .eTag("\"" + p.sha256() + "\"")
        .body(p.data());
  }
}
