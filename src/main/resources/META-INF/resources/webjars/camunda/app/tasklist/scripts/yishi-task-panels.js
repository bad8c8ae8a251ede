/*
 * Yishi: the task panel 进展与回访 in Tasklist (a Camunda 7.24 frontend plugin, point tasklist.task.detail).
 *
 * config.js lists this file in customScripts; Tasklist imports it as an ES module and registers the plugin of the
 * default export as a tab beside 表单/历史/流程图. render(node, {taskId}) fills the tab when it is opened. What it
 * shows comes from the project's /api, which answers only the task's handlers:
 *   GET  /api/tasks/{taskId}/panels          what this task offers (progress notes, the reporter's contact)
 *   POST /api/tasks/{taskId}/progress        a progress note (办理进展), public or internal; the task stays open
 *   GET  /api/tasks/{taskId}/visit-contact   the reporter's name and phone on the open 回访 task
 *
 * Requests go with the webapp session and Camunda's CSRF token (the XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN),
 * which /api accepts for writing (WebappSessionAuthenticationProvider); yishi-staff-common.js sends them. Nothing is
 * kept in the page after it is left; everything is built with DOM nodes and textContent, no library, no CDN.
 */

import { api, el, messageOf } from './yishi-staff-common.js';

const NOTE_MAX = 2000;

function progressPanel(taskId, caseNo) {
  const text = el('textarea', { class: 'form-control', rows: '4', maxlength: String(NOTE_MAX), id: 'yishi-progress-note',
    placeholder: '例如：已联系物业，约定周五上门维修' });
  const publicChoice = el('input', { type: 'radio', name: 'yishi-progress-visibility', value: 'public', checked: 'checked' });
  const internalChoice = el('input', { type: 'radio', name: 'yishi-progress-visibility', value: 'internal' });
  const status = el('p', { class: 'yishi-progress-status', role: 'status' });
  const submit = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-progress-submit' }, '提交进展');
  submit.addEventListener('click', async () => {
    status.className = 'yishi-progress-status';
    status.textContent = '';
    submit.disabled = true;
    const reply = await api('POST', '/tasks/' + encodeURIComponent(taskId) + '/progress',
      { note: text.value, public: publicChoice.checked });
    submit.disabled = false;
    if (reply.ok) {
      text.value = '';
      status.className = 'yishi-progress-status text-success';
      status.textContent = (reply.json && reply.json.public === 'false' ? '内部进展' : '公开进展') + '已记入办件 ' + caseNo
        + ' 的办理记录，任务仍在办理中。';
    } else {
      status.className = 'yishi-progress-status text-danger';
      status.textContent = messageOf(reply);
    }
  });
  return el('div', { class: 'yishi-progress' },
    el('h4', null, '填写办理进展'),
    el('p', { class: 'text-muted' }, '进展记入办件 ' + caseNo + ' 的办理记录，不结束本任务。公开的进展在公示栏可见；内部进展只有工作人员可见。'),
    el('label', { for: 'yishi-progress-note' }, '进展内容'), text,
    el('div', { class: 'radio-inline', style: 'margin-right: 16px' }, el('label', null, publicChoice, ' 公开')),
    el('div', { class: 'radio-inline' }, el('label', null, internalChoice, ' 内部')),
    el('div', { style: 'margin-top: 10px' }, submit), status);
}

async function contactPanel(taskId) {
  const reply = await api('GET', '/tasks/' + encodeURIComponent(taskId) + '/visit-contact');
  if (!reply.ok) {
    return el('p', { class: 'text-danger' }, messageOf(reply));
  }
  const c = reply.json;
  const row = (label, value) => el('tr', null, el('th', { style: 'width: 8em' }, label), el('td', null, value || '未留'));
  return el('div', { class: 'yishi-visit-contact' },
    el('h4', null, '反映人联系方式'),
    el('p', { class: 'text-muted' }, '仅供本次回访使用，请勿转告他人。任务完成后不再显示。'),
    el('table', { class: 'table table-condensed' }, el('tbody', null, row('姓名', c.name), row('电话', c.phone))));
}

export default {
  id: 'yishi-task-panels',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: { label: '进展与回访' },
  render: (node, { taskId }) => {
    node.textContent = '';
    const box = el('div', { class: 'yishi-task-panels', style: 'padding: 15px' }, el('p', { class: 'text-muted' }, '正在读取…'));
    node.appendChild(box);
    api('GET', '/tasks/' + encodeURIComponent(taskId) + '/panels').then(async reply => {
      box.textContent = '';
      if (!reply.ok) {
        box.appendChild(el('p', { class: 'text-muted' },
          reply.status === 403 ? '只有本任务的办理人可以填写进展或查看回访联系方式。' : messageOf(reply)));
        return;
      }
      const panels = reply.json;
      if (panels.progress) {
        box.appendChild(progressPanel(taskId, panels.caseNo));
      }
      if (panels.contact) {
        box.appendChild(await contactPanel(taskId));
      }
      if (!panels.progress && !panels.contact) {
        box.appendChild(el('p', { class: 'text-muted' }, '本任务无需填写办理进展；进展在办理和落实决议任务中填写。'));
      }
    });
  }
};
