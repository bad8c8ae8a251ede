package cn.yishi.domain.casefile;

/** One refused field: a stable machine code and a Chinese message for people. */
public record FieldError(String field, String code, String message) {}
