/*
 * Yishi: 代办事项清单 (the proxy-service catalogue of 开州“院坝汇”) in Tasklist, a button in the header (plugin point
 * tasklist.navbar.action). The county's dispatch centre adds, edits and retires (停用) services — name, office (办理部门),
 * time limit in working days (办理时限), documents (办理要件) and procedure (办理流程), one per line — and adds offices;
 * street (township) staff and the 代办员 read the list. A change reaches the phone page and 发起流程 → 代办 at once; a
 * running request keeps the service as it started. Nothing is deleted; every change is kept with who made it.
 *
 *   GET  /api/proxy/services                {services, offices, maintains}
 *   POST /api/proxy/services                a new service
 *   PUT  /api/proxy/services/{code}         an edit (with the version read)
 *   POST /api/proxy/services/{code}/retire  停用
 *   POST /api/proxy/services/offices       a new office
 *
 * Requests go with the webapp session and Camunda's CSRF token (yishi-staff-common.js). A refusal names each wrong field
 * in Chinese under the field.
 */

import { api, dialogCss, el, headerLink, messageOf, openDialog } from './yishi-staff-common.js';

const PATH = '/proxy/services';

const STYLE = dialogCss({ prefix: 'yishi-px', top: '4vh', width: '1150px', height: '92vh', padding: '18px 24px' }) + `
.yishi-px-dialog h4 { margin: 18px 0 8px; }
.yishi-px-dialog .yishi-hint { color: #777; font-size: 12px; }
.yishi-px-dialog tr.retired td { color: #999; }
.yishi-px-dialog td ol { margin: 0; padding-left: 1.3em; }
.yishi-px-dialog td .btn { margin: 0 4px 4px 0; }
.yishi-px-form { display: grid; grid-template-columns: 8em 1fr; gap: 8px 12px; align-items: start; }
.yishi-px-form label { padding-top: 6px; font-weight: normal; }
.yishi-px-form .yishi-field-error { color: #a94442; font-size: 12px; margin-top: 2px; }
.yishi-px-form .has-error .form-control { border-color: #a94442; }
.yishi-px-actions { margin-top: 14px; text-align: right; }
.yishi-px-actions > * { margin-left: 8px; }
.yishi-px-office { display: flex; gap: 8px; margin-top: 6px; }
`;

function call(method, path, body) {
  return api(method, PATH + path, body);
}

function open() {
  const body = el('div', null, el('p', null, '加载中……'));
  openDialog({ prefix: 'yishi-px', dialogId: 'yishi-proxy-services', style: STYLE },
    el('h3', null, '代办事项清单'), body,
    el('div', { class: 'yishi-px-actions' }, el('button', { type: 'button', class: 'btn btn-default yishi-px-close' }, '关闭')));
  load(body, false);
}

async function load(body, showRetired, notice) {
  const reply = await call('GET', '');
  if (!reply.ok) {
    body.replaceChildren(el('p', { class: 'alert alert-warning', id: 'yishi-proxy-services-refused' },
      reply.status === 403 ? messageOf(reply) : '加载失败：' + messageOf(reply)));
    return;
  }
  const { services, offices, maintains } = reply.json;
  const shown = services.filter(s => showRetired || s.active);
  const retiredCount = services.filter(s => !s.active).length;
  const toggle = el('label', { class: 'yishi-hint' },
    el('input', { type: 'checkbox', id: 'yishi-proxy-services-show-retired', checked: showRetired }), ' 显示已停用（' + retiredCount + ' 项）');
  toggle.querySelector('input').addEventListener('change', e => load(body, e.target.checked));
  const form = maintains ? serviceForm(body, offices, showRetired) : null;
  const rows = shown.map(s => {
    const actions = el('td', null);
    if (maintains && s.active) {
      const edit = el('button', { type: 'button', class: 'btn btn-xs btn-default yishi-proxy-service-edit' }, '修改');
      edit.addEventListener('click', () => form.edit(s));
      const retire = el('button', { type: 'button', class: 'btn btn-xs btn-danger yishi-proxy-service-retire' }, '停用');
      retire.addEventListener('click', async () => {
        if (retire.dataset.confirm !== 'yes') {
          retire.dataset.confirm = 'yes';
          retire.textContent = '确认停用';
          return;
        }
        const r = await call('POST', '/' + encodeURIComponent(s.code) + '/retire');
        if (r.ok) {
          load(body, showRetired, '已停用：' + s.name + '（不再受理新申请，办理中的申请按原要件和时限办完）');
        } else {
          form.message(messageOf(r));
        }
      });
      actions.append(edit, retire);
    }
    return el('tr', { 'data-code': s.code, class: s.active ? '' : 'retired' },
      el('td', { class: 'yishi-proxy-service-name' }, s.name), el('td', null, s.office),
      el('td', { class: 'yishi-proxy-service-limit' }, s.timeLimitDays + ' 个工作日'),
      el('td', null, el('ol', null, s.documents.map(d => el('li', null, d)))),
      el('td', null, el('ol', null, s.steps.map(d => el('li', null, d)))),
      el('td', { class: 'yishi-proxy-service-state' }, s.active ? '受理中' : '已停用'), actions);
  });
  body.replaceChildren(...[
    el('p', { class: 'yishi-hint' }, maintains
      ? '全县统一的代办事项清单：修改后，手机代办页面和“发起流程 → 代办”立即使用新的清单；办理中的申请仍按申请时的要件和时限办理。停用的事项保留记录。'
      : '代办事项清单由调度中心统一维护，您可以查看，向群众告知办理要件、流程和时限。'),
    notice ? el('p', { class: 'alert alert-success', id: 'yishi-proxy-services-notice' }, notice) : null,
    toggle,
    el('table', { class: 'table table-striped table-condensed', id: 'yishi-proxy-services-table' },
      el('thead', null, el('tr', null, ['事项', '办理部门', '办理时限', '办理要件', '办理流程', '状态', ''].map(h => el('th', null, h)))),
      el('tbody', null, rows.length ? rows : el('tr', null, el('td', { colspan: 7, class: 'yishi-hint' }, '暂无事项')))),
    form ? form.node : null].filter(n => n !== null));
}

function serviceForm(body, offices, showRetired) {
  let editing = null;
  const title = el('h4', { id: 'yishi-proxy-service-form-title' }, '新增代办事项');
  const general = el('p', { class: 'alert alert-danger', id: 'yishi-proxy-service-error', style: 'display:none' });
  const inputs = {
    code: el('input', { class: 'form-control', id: 'yishi-proxy-service-code', maxlength: 64, placeholder: '小写字母、数字和连字符，如 elderly-allowance（保存后不可改）' }),
    name: el('input', { class: 'form-control', id: 'yishi-proxy-service-name', maxlength: 100 }),
    office: el('select', { class: 'form-control', id: 'yishi-proxy-service-office' }, el('option', { value: '' }, '请选择'),
      offices.map(o => el('option', { value: o }, o))),
    timeLimitDays: el('input', { class: 'form-control', id: 'yishi-proxy-service-limit', type: 'number', min: 1, max: 60, placeholder: '1 到 60' }),
    documents: el('textarea', { class: 'form-control', id: 'yishi-proxy-service-documents', rows: 4, placeholder: '每行一项，如：居民身份证' }),
    steps: el('textarea', { class: 'form-control', id: 'yishi-proxy-service-steps', rows: 4, placeholder: '每行一步，如：代办员核对材料' }),
  };
  const labels = { code: '事项编码', name: '事项名称', office: '办理部门', timeLimitDays: '办理时限（工作日）', documents: '办理要件', steps: '办理流程' };
  const errorNodes = {};
  const rows = Object.keys(inputs).map(key => {
    errorNodes[key] = el('div', { class: 'yishi-field-error', id: 'yishi-proxy-service-' + key + '-error' });
    const extra = key === 'office' ? officeAdder() : null;
    return [el('label', { for: inputs[key].id }, labels[key]), el('div', { 'data-field': key }, inputs[key], extra, errorNodes[key])];
  });
  const save = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-proxy-service-save' }, '保存');
  const cancel = el('button', { type: 'button', class: 'btn btn-default', id: 'yishi-proxy-service-cancel' }, '取消修改');
  cancel.style.display = 'none';

  function officeAdder() {
    const name = el('input', { class: 'form-control input-sm', id: 'yishi-proxy-office-name', maxlength: 100, placeholder: '名单中没有的办理部门' });
    const add = el('button', { type: 'button', class: 'btn btn-sm btn-default', id: 'yishi-proxy-office-add' }, '添加部门');
    add.addEventListener('click', async () => {
      clearErrors();
      const r = await call('POST', '/offices', { name: name.value });
      if (!r.ok) {
        showError('office', messageOf(r));
        return;
      }
      const added = name.value.trim();
      inputs.office.append(el('option', { value: added }, added));
      inputs.office.value = added;
      name.value = '';
    });
    return el('div', { class: 'yishi-px-office' }, name, add);
  }

  function showError(key, text) {
    errorNodes[key].textContent = text;
    errorNodes[key].parentNode.classList.add('has-error');
  }

  function clearErrors() {
    general.style.display = 'none';
    Object.keys(errorNodes).forEach(k => {
      errorNodes[k].textContent = '';
      errorNodes[k].parentNode.classList.remove('has-error');
    });
  }

  function reset() {
    editing = null;
    title.textContent = '新增代办事项';
    cancel.style.display = 'none';
    inputs.code.disabled = false;
    Object.values(inputs).forEach(i => { i.value = ''; });
    clearErrors();
  }

  function message(text) {
    general.textContent = text;
    general.style.display = '';
  }

  cancel.addEventListener('click', reset);
  save.addEventListener('click', async () => {
    clearErrors();
    const days = inputs.timeLimitDays.value.trim();
    const payload = {
      code: inputs.code.value, name: inputs.name.value, office: inputs.office.value || null,
      timeLimitDays: days === '' || isNaN(Number(days)) ? null : Math.trunc(Number(days)),
      documents: [inputs.documents.value], steps: [inputs.steps.value],
    };
    let reply;
    if (editing) {
      payload.version = editing.version;
      reply = await call('PUT', '/' + encodeURIComponent(editing.code), payload);
    } else {
      reply = await call('POST', '', payload);
    }
    if (reply.ok) {
      load(body, showRetired, (editing ? '已保存修改：' : '已新增：') + reply.json.name);
      return;
    }
    const errors = (reply.json && reply.json.errors) || [];
    const unplaced = [];
    errors.forEach(e => {
      if (errorNodes[e.field]) {
        showError(e.field, e.message);
      } else {
        unplaced.push(e.message);
      }
    });
    if (unplaced.length || !errors.length) {
      message(unplaced.length ? unplaced.join('；') : messageOf(reply));
    }
  });

  reset();
  return {
    node: el('div', { id: 'yishi-proxy-service-form' }, title, general, el('div', { class: 'yishi-px-form' }, rows.flat()),
      el('div', { class: 'yishi-px-actions' }, cancel, save)),
    message,
    edit(service) {
      clearErrors();
      editing = service;
      title.textContent = '修改：' + service.name;
      cancel.style.display = '';
      inputs.code.value = service.code;
      inputs.code.disabled = true;
      inputs.name.value = service.name;
      inputs.office.value = service.office;
      inputs.timeLimitDays.value = service.timeLimitDays;
      inputs.documents.value = service.documents.join('\n');
      inputs.steps.value = service.steps.join('\n');
      inputs.name.focus();
    },
  };
}

export default [
  {
    id: 'yishi.proxyServices',
    pluginPoint: 'tasklist.navbar.action',
    priority: 240,
    render: (node) => {
      node.replaceChildren(headerLink({ id: 'yishi-proxy-services-link', title: '查看和维护代办事项清单', icon: 'list-alt',
        label: '代办事项清单' }, open));
    },
  },
];
