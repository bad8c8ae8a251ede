package cn.yishi.adapter.inbound.open311;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an {@link Open311Document} tree as UTF-8 XML with the JDK's own StAX implementation. */
final class Open311Xml {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private Open311Xml() {}

  static byte[] write(String root, Object body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      element(w, root, body);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
    if (value == null) {
      w.writeEmptyElement(name);
      return;
    }
    w.writeStartElement(name);
    if (value instanceof Open311Document.Node n) {
      for (Map.Entry<String, Object> e : n.fields.entrySet()) {
        element(w, e.getKey(), e.getValue());
      }
    } else if (value instanceof Open311Document.Items i) {
      for (Object item : i.values()) {
        element(w, i.item(), item);
      }
    } else {
      w.writeCharacters(clean(String.valueOf(value)));
    }
    w.writeEndElement();
  }

  /** Drops the characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF). */
  static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && b != null) {
        b.appendCodePoint(cp);
      }
      i += n;
    }
    return b == null ? s : b.toString();
  }
}
