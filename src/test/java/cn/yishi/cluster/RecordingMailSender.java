package cn.yishi.cluster;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Instant;
import java.util.Queue;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

/**
 * A node's real mail sender, with every SMTP attempt recorded: which node, which mail (its Message-ID),
 * when it began and ended, and whether the server took it. Only MIME messages are sent by the outbox.
 */
final class RecordingMailSender implements JavaMailSender {
  record Attempt(String node, String messageId, Instant start, Instant end, boolean delivered) {}

  private final String node;
  private final JavaMailSender smtp;
  private final Queue<Attempt> attempts;

  RecordingMailSender(String node, JavaMailSender smtp, Queue<Attempt> attempts) {
    this.node = node;
    this.smtp = smtp;
    this.attempts = attempts;
  }

  @Override
  public MimeMessage createMimeMessage() {
    return smtp.createMimeMessage();
  }

  @Override
  public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
    return smtp.createMimeMessage(contentStream);
  }

  @Override
  public void send(MimeMessage... messages) throws MailException {
    for (MimeMessage message : messages) {
      String id;
      try {
        id = message.getMessageID();
      } catch (MessagingException e) {
        throw new MailPreparationException(e);
      }
      Instant start = Instant.now();
      boolean delivered = false;
      try {
        smtp.send(message);
        delivered = true;
      } finally {
        attempts.add(new Attempt(node, id, start, Instant.now(), delivered));
      }
    }
  }

  @Override
  public void send(MimeMessagePreparator... preparators) throws MailException {
    throw new UnsupportedOperationException("the outbox sends MIME messages only");
  }

  @Override
  public void send(SimpleMailMessage... messages) throws MailException {
    throw new UnsupportedOperationException("the outbox sends MIME messages only");
  }
}
