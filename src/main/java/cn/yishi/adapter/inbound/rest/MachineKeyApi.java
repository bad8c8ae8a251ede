package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.MachineKeys;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The machine clients' keys, for admins (camunda-admin) only: the listing (no secrets), a new key for a channel
 * account (shown once; its previous key stops working at once) and the withdrawal of a key.
 */
@RestController
@RequestMapping("/api/machine-keys")
class MachineKeyApi {
  private final MachineKeys keys;
  private final Caller caller;

  MachineKeyApi(MachineKeys keys, Caller caller) {
    this.keys = keys;
    this.caller = caller;
  }

  record RotateBody(String channel) {}

  @GetMapping
  List<MachineKeys.Listed> list() {
    requireAdmin();
    return keys.list();
  }

  /** 201 with the new key; the only time it is ever shown. */
  @PostMapping("/{client}/rotate")
  ResponseEntity<MachineKeys.Rotated> rotate(@PathVariable String client, @RequestBody(required = false) RotateBody body) {
    requireAdmin();
    MachineKeys.Rotated rotated = keys.rotate(client, body == null ? null : body.channel(), caller.userId());
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(rotated);
  }

  @DeleteMapping("/{client}")
  ResponseEntity<Void> revoke(@PathVariable String client) {
    requireAdmin();
    if (!keys.revoke(client)) {
      throw new ApiErrors.Refused(HttpStatus.NOT_FOUND, "client", "not_found", "该账号没有密钥");
    }
    return ResponseEntity.noContent().build();
  }

  private void requireAdmin() {
    caller.userId();
    if (!caller.isAdmin()) {
      throw new ApiErrors.Forbidden("只有系统管理员可以管理接入密钥");
    }
  }
}
