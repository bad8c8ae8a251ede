package cn.yishi.adapter.inbound.web;

import org.springframework.ui.Model;

/** The one-message page (public/message) for the page controllers that render a view by name with a Model. */
final class MessageView {
  private MessageView() {}

  /** Puts the title and the message into the model and names the view. */
  static String of(Model model, String title, String message) {
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "public/message";
  }
}
