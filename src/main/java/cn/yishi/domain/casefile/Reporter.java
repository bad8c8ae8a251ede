package cn.yishi.domain.casefile;

/**
 * Personal data of whoever reported a case. It is stored apart from the case record and never
 * reaches public pages, exports or process variables. Every field is optional: anonymous reports
 * are allowed.
 */
public record Reporter(String name, String phone, String email, String address) {

  public static final Reporter ANONYMOUS = new Reporter(null, null, null, null);

  public Reporter {
    name = Text.trimToNull(name);
    phone = Text.trimToNull(phone);
    email = Text.trimToNull(email);
    address = Text.trimToNull(address);
  }

  public boolean isAnonymous() {
    return name == null && phone == null && email == null && address == null;
  }
}
