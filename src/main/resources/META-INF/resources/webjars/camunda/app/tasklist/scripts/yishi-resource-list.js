/*
 * Yishi: 资源清单 (the resource list and talent pool) in Tasklist, a button in the header (plugin point
 * tasklist.navbar.action). Community staff, street staff and the dispatch centre add, edit and retire (停用) the
 * entries of their scope: departments (部门), the talent pool with expertise (人才), social resources (社会资源) and venues
 * (场地). The meeting's problem list (问题清单) is matched against the active entries at once; nothing is deleted,
 * every change is kept with who made it.
 *
 *   GET  /api/resources                  entries, the scopes the user maintains, the kinds
 *   POST /api/resources                  a new entry
 *   PUT  /api/resources/{id}             an edit (with the version read)
 *   POST /api/resources/{id}/retire      停用
 *
 * Requests go with the webapp session and Camunda's CSRF token (yishi-staff-common.js).
 * A refusal names each wrong field in Chinese under the field. Everything is built with DOM nodes and textContent.
 */

import { api, dialogCss, el, headerLink, messageOf, openDialog } from './yishi-staff-common.js';

const STYLE = dialogCss({ prefix: 'yishi-res', top: '4vh', width: '1100px', height: '92vh', padding: '18px 24px' }) + `
.yishi-res-dialog h4 { margin: 18px 0 8px; }
.yishi-res-dialog .yishi-hint { color: #777; font-size: 12px; }
.yishi-res-dialog tr.retired td { color: #999; }
.yishi-res-dialog td .btn { margin-right: 4px; }
.yishi-res-form { display: grid; grid-template-columns: 8em 1fr; gap: 8px 12px; align-items: start; }
.yishi-res-form label { padding-top: 6px; font-weight: normal; }
.yishi-res-form .yishi-field-error { color: #a94442; font-size: 12px; margin-top: 2px; }
.yishi-res-form .has-error .form-control { border-color: #a94442; }
.yishi-res-actions { margin-top: 14px; text-align: right; }
.yishi-res-actions > * { margin-left: 8px; }
`;

function scopeKey(community, street) {
  return community ? 'c:' + community : street ? 's:' + street : 'county';
}

function open() {
  const body = el('div', null, el('p', null, '加载中……'));
  openDialog({ prefix: 'yishi-res', dialogId: 'yishi-resources', style: STYLE },
    el('h3', null, '资源清单与人才库'), body,
    el('div', { class: 'yishi-res-actions' }, el('button', { type: 'button', class: 'btn btn-default yishi-res-close' }, '关闭')));
  load(body, false);
}

async function load(body, showRetired, notice) {
  const reply = await api('GET', '/resources');
  if (!reply.ok) {
    body.replaceChildren(el('p', { class: 'alert alert-warning', id: 'yishi-resources-refused' },
      reply.status === 403 ? messageOf(reply) : '加载失败：' + messageOf(reply)));
    return;
  }
  const { entries, scopes, kinds } = reply.json;
  const shown = entries.filter(e => showRetired || e.active);
  const retiredCount = entries.length - entries.filter(e => e.active).length;
  const maintainable = new Set(scopes.map(s => scopeKey(s.community, s.street)));
  const toggle = el('label', { class: 'yishi-hint' },
    el('input', { type: 'checkbox', id: 'yishi-resources-show-retired', checked: showRetired }), ' 显示已停用（' + retiredCount + ' 条）');
  toggle.querySelector('input').addEventListener('change', e => load(body, e.target.checked));
  const form = entryForm(body, scopes, kinds, showRetired);
  const rows = shown.map(e => {
    const own = maintainable.has(scopeKey(e.community, e.street));
    const actions = el('td', null);
    if (own && e.active) {
      const edit = el('button', { type: 'button', class: 'btn btn-xs btn-default yishi-resource-edit' }, '修改');
      edit.addEventListener('click', () => form.edit(e));
      const retire = el('button', { type: 'button', class: 'btn btn-xs btn-danger yishi-resource-retire' }, '停用');
      retire.addEventListener('click', async () => {
        if (retire.dataset.confirm !== 'yes') {
          retire.dataset.confirm = 'yes';
          retire.textContent = '确认停用';
          return;
        }
        const r = await api('POST', '/resources/' + e.id + '/retire');
        if (r.ok) {
          load(body, showRetired, '已停用：' + e.name + '（保留记录，不再参与问题清单匹配）');
        } else {
          form.message(messageOf(r));
        }
      });
      actions.append(edit, retire);
    }
    return el('tr', { 'data-id': e.id, class: e.active ? '' : 'retired' },
      el('td', null, e.kindName), el('td', { class: 'yishi-resource-name' }, e.name), el('td', null, e.expertise || '—'),
      el('td', null, e.keywords.join('、')), el('td', null, e.contact || '—'), el('td', null, e.scopeName),
      el('td', { class: 'yishi-resource-state' }, e.active ? '在用' : '已停用'), actions);
  });
  body.replaceChildren(...[
    el('p', { class: 'yishi-hint' }, '协商议事的问题清单按关键词匹配在用的资源。停用的条目保留记录，不再参与匹配；联系方式只对工作人员显示。'),
    notice ? el('p', { class: 'alert alert-success', id: 'yishi-resources-notice' }, notice) : null,
    toggle,
    el('table', { class: 'table table-striped table-condensed', id: 'yishi-resources-table' },
      el('thead', null, el('tr', null, ['类别', '名称', '专长/说明', '匹配关键词', '联系方式', '服务范围', '状态', ''].map(h => el('th', null, h)))),
      el('tbody', null, rows.length ? rows : el('tr', null, el('td', { colspan: 8, class: 'yishi-hint' }, '暂无条目')))),
    form.node].filter(n => n !== null));
}

function entryForm(body, scopes, kinds, showRetired) {
  let editing = null;
  const title = el('h4', { id: 'yishi-resource-form-title' }, '新增资源');
  const general = el('p', { class: 'alert alert-danger', id: 'yishi-resource-error', style: 'display:none' });
  const inputs = {
    kind: el('select', { class: 'form-control', id: 'yishi-resource-kind' }, el('option', { value: '' }, '请选择'),
      kinds.map(k => el('option', { value: k.code }, k.name))),
    name: el('input', { class: 'form-control', id: 'yishi-resource-name', maxlength: 100 }),
    expertise: el('input', { class: 'form-control', id: 'yishi-resource-expertise', maxlength: 200,
      placeholder: '如：婚姻家庭、物业纠纷调解' }),
    keywords: el('input', { class: 'form-control', id: 'yishi-resource-keywords', placeholder: '用顿号或逗号分隔，如：纠纷、合同' }),
    contact: el('input', { class: 'form-control', id: 'yishi-resource-contact', maxlength: 200, placeholder: '仅工作人员可见' }),
    scope: el('select', { class: 'form-control', id: 'yishi-resource-scope' },
      scopes.map(s => el('option', { value: scopeKey(s.community, s.street) }, s.name))),
  };
  const labels = { kind: '类别', name: '名称', expertise: '专长/说明', keywords: '匹配关键词', contact: '联系方式', scope: '服务范围' };
  const errorNodes = {};
  const rows = Object.keys(inputs).map(key => {
    errorNodes[key] = el('div', { class: 'yishi-field-error', id: 'yishi-resource-' + key + '-error' });
    return [el('label', { for: inputs[key].id }, labels[key]), el('div', { 'data-field': key }, inputs[key], errorNodes[key])];
  });
  const save = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-resource-save' }, '保存');
  const cancel = el('button', { type: 'button', class: 'btn btn-default', id: 'yishi-resource-cancel' }, '取消修改');
  cancel.style.display = 'none';

  function clearErrors() {
    general.style.display = 'none';
    Object.keys(errorNodes).forEach(k => {
      errorNodes[k].textContent = '';
      errorNodes[k].parentNode.classList.remove('has-error');
    });
  }

  function reset() {
    editing = null;
    title.textContent = '新增资源';
    cancel.style.display = 'none';
    Object.values(inputs).forEach(i => { i.value = ''; });
    inputs.scope.selectedIndex = scopes.length ? scopes.length - 1 : 0;
    clearErrors();
  }

  function message(text) {
    general.textContent = text;
    general.style.display = '';
  }

  cancel.addEventListener('click', reset);
  save.addEventListener('click', async () => {
    clearErrors();
    const scope = scopes.find(s => scopeKey(s.community, s.street) === inputs.scope.value) || {};
    const payload = {
      kind: inputs.kind.value || null, name: inputs.name.value, expertise: inputs.expertise.value,
      keywords: [inputs.keywords.value], contact: inputs.contact.value,
      community: scope.community || null, street: scope.street || null,
    };
    let reply;
    if (editing) {
      payload.version = editing.version;
      reply = await api('PUT', '/resources/' + editing.id, payload);
    } else {
      reply = await api('POST', '/resources', payload);
    }
    if (reply.ok) {
      load(body, showRetired, (editing ? '已保存修改：' : '已新增：') + reply.json.name);
      return;
    }
    const errors = (reply.json && reply.json.errors) || [];
    const unplaced = [];
    errors.forEach(e => {
      const key = e.field === 'community' || e.field === 'street' ? 'scope' : e.field;
      if (errorNodes[key]) {
        errorNodes[key].textContent = e.message;
        errorNodes[key].parentNode.classList.add('has-error');
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
    node: el('div', { id: 'yishi-resource-form' }, title, general, el('div', { class: 'yishi-res-form' }, rows.flat()),
      el('div', { class: 'yishi-res-actions' }, cancel, save)),
    message,
    edit(entry) {
      clearErrors();
      editing = entry;
      title.textContent = '修改：' + entry.name;
      cancel.style.display = '';
      inputs.kind.value = entry.kind;
      inputs.name.value = entry.name;
      inputs.expertise.value = entry.expertise || '';
      inputs.keywords.value = entry.keywords.join('、');
      inputs.contact.value = entry.contact || '';
      inputs.scope.value = scopeKey(entry.community, entry.street);
      inputs.name.focus();
    },
  };
}

export default [
  {
    id: 'yishi.resources',
    pluginPoint: 'tasklist.navbar.action',
    priority: 250,
    render: (node) => {
      node.replaceChildren(headerLink({ id: 'yishi-resources-link', title: '维护资源清单与人才库', icon: 'th-list', label: '资源清单' },
        open));
    },
  },
];
