package cn.yishi.adapter.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/**
 * The task's name is the model's plain name and what the task is about: the case number and title, else
 * the month, else the community; a task without any of them keeps the model's name.
 */
class TaskTitleListenerTest {
  private final TaskTitleListener listener = new TaskTitleListener();

  private static DelegateTask task(String name, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    DelegateTask task = mock(DelegateTask.class);
    when(task.getName()).thenReturn(name);
    when(task.getVariable(anyString())).thenAnswer(a -> values.get(a.<String>getArgument(0)));
    return task;
  }

  @Test
  void aCaseTaskCarriesTheCaseNumberAndTitle() {
    DelegateTask review = task("前置把关", "caseNo", "FX-2026-000001", "title", "御苑小区路灯不亮", "month", "2026-11");
    listener.notify(review);
    verify(review).setName("前置把关 FX-2026-000001 御苑小区路灯不亮");
  }

  @Test
  void aCommunityMatterWithoutACaseCarriesItsTitle() {
    DelegateTask opinion = task("会前沟通", "caseNo", null, "title", "御苑小区居民公约修订");
    listener.notify(opinion);
    verify(opinion).setName("会前沟通 御苑小区居民公约修订");
  }

  @Test
  void theMonthlyReviewCarriesTheMonth() {
    DelegateTask review = task("月调度审核", "month", "2026-11", "caseNo", " ");
    listener.notify(review);
    verify(review).setName("月调度审核 2026-11");
  }

  @Test
  void aReceptionCarriesTheCommunity() {
    DelegateTask reception = task("定期听接待", "communityName", "华林社区", "community", "hualin");
    listener.notify(reception);
    verify(reception).setName("定期听接待 华林社区");
  }

  @Test
  void aTaskAboutNothingKnownKeepsItsName() {
    DelegateTask other = task("办理", "caseNo", "", "title", null);
    listener.notify(other);
    verify(other, never()).setName(any());
  }

  @Test
  void aTaskWithoutANameIsNamedByItsSubject() {
    DelegateTask unnamed = task(null, "caseNo", "FX-2026-000002", "title", "楼道堆物");
    listener.notify(unnamed);
    verify(unnamed).setName("FX-2026-000002 楼道堆物");
  }
}
