package cn.yishi.adapter.process.convention;

import cn.yishi.application.convention.Conventions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** The comment window has closed: the draft goes to revision, with one entry per comment for the staff to answer. */
@Component("closeCommentsDelegate")
public class CloseCommentsDelegate implements JavaDelegate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Conventions conventions;

  public CloseCommentsDelegate(Conventions conventions) {
    this.conventions = conventions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Conventions.OpenComment> comments = conventions.closeComments(Convention.Var.VERSION_ID.required(execution));
    Convention.Var.COMMENT_COUNT.on(execution, comments.size());
    Convention.Var.COMMENTS.on(execution, list(comments));
  }

  /** The revision form's list (a Json variable, as Tasklist's dynamic lists read and submit it). */
  static Object list(List<Conventions.OpenComment> comments) {
    ArrayNode array = JSON.createArrayNode();
    for (Conventions.OpenComment c : comments) {
      array.addObject().put("commentId", c.id())
          .put("comment", c.no() + ". " + c.content() + (c.signature() == null ? "" : "（署名：" + c.signature() + "）"))
          .put("handling", "");
    }
    return SpinValues.jsonValue(array.toString()).create();
  }
}
