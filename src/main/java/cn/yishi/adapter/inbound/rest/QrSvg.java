package cn.yishi.adapter.inbound.rest;

import io.nayuki.qrcodegen.QrCode;

/** A QR code as an SVG image (one path of dark modules, a quiet zone of four modules), for printing. */
final class QrSvg {
  private static final int BORDER = 4;

  private QrSvg() {}

  static String of(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + BORDER * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\""
        + " role=\"img\" aria-label=\"网上投票二维码\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path
        + "\" fill=\"#000\"/></svg>";
  }
}
