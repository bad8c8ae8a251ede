/*
 * Yishi: 议事机构 (the deliberating bodies) in Tasklist, a button in the header (plugin point tasklist.navbar.action),
 * built like 资源清单 (yishi-resource-list.js). A body's own group, the community's 两委 (its stations and room), the
 * street's staff (its hall) and the dispatch centre (every body) set each body's place, fixed deliberation days, party
 * model (五方, 城市 5+N, 农村 4+N, 宜昌 4+N) with its standing parties, and whether a station is active. A changed
 * fixed day applies to sessions not yet created. Every change is kept with who made it.
 *
 *   GET /api/bodies          the bodies the user maintains, the party models, the standing parties
 *   PUT /api/bodies/{key}    an edit (with the version read; 409 when someone changed it meanwhile)
 *
 * Requests go with the webapp session and Camunda's CSRF token. A refusal names each wrong field in Chinese under the
 * field. Everything is built with DOM nodes and textContent.
 */

const APP_ROOT = (document.querySelector('base') || { getAttribute: () => '/camunda' }).getAttribute('app-root') || '/camunda';
const API = APP_ROOT.replace(/\/[^/]*$/, '') + '/api';

const STYLE = `
.yishi-body-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 2000; display: flex;
  align-items: flex-start; justify-content: center; padding-top: 4vh; }
.yishi-body-dialog { background: #fff; border-radius: 4px; box-shadow: 0 4px 24px rgba(0,0,0,.3); width: 1100px; max-width: 96vw;
  max-height: 92vh; overflow: auto; padding: 18px 24px; }
.yishi-body-dialog h3 { margin-top: 0; border-bottom: 2px solid #b5152b; padding-bottom: 6px; }
.yishi-body-dialog .yishi-hint { color: #777; font-size: 12px; }
.yishi-body-dialog tr.inactive td { color: #999; }
.yishi-body-form { display: grid; grid-template-columns: 8em 1fr; gap: 8px 12px; align-items: start; margin-top: 12px; }
.yishi-body-form label { padding-top: 6px; font-weight: normal; }
.yishi-body-form .yishi-parties label { padding: 0 14px 0 0; }
.yishi-body-form .yishi-field-error { color: #a94442; font-size: 12px; margin-top: 2px; }
.yishi-body-actions { margin-top: 14px; text-align: right; }
.yishi-body-actions > * { margin-left: 8px; }
`;

function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(API + path, {
    method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body)
  });
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  return { ok: response.ok, status: response.status, json };
}

function generalMessage(reply) {
  const errors = reply.json && reply.json.errors;
  if (errors && errors.length) {
    return errors.map(e => e.message).join('；');
  }
  return reply.status === 401 ? '登录已失效，请刷新页面后重新登录' : '操作未成功，请稍后再试';
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function when(iso) {
  const d = new Date(iso);
  const two = n => (n < 10 ? '0' : '') + n;
  return (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + two(d.getHours()) + ':' + two(d.getMinutes());
}

function open() {
  document.querySelectorAll('.yishi-body-overlay').forEach(o => o.remove());
  const body = el('div', null, el('p', null, '加载中……'));
  const overlay = el('div', { class: 'yishi-body-overlay' },
    el('style', null, STYLE),
    el('div', { class: 'yishi-body-dialog', id: 'yishi-bodies', role: 'dialog', 'aria-modal': 'true' },
      el('h3', null, '议事机构'), body,
      el('div', { class: 'yishi-body-actions' }, el('button', { type: 'button', class: 'btn btn-default yishi-body-close' }, '关闭'))));
  overlay.addEventListener('click', event => {
    if (event.target === overlay || event.target.classList.contains('yishi-body-close')) {
      overlay.remove();
    }
  });
  document.body.appendChild(overlay);
  load(body);
}

async function load(body, notice) {
  const reply = await call('GET', '/bodies');
  if (!reply.ok) {
    body.replaceChildren(el('p', { class: 'alert alert-warning', id: 'yishi-bodies-refused' },
      reply.status === 403 ? generalMessage(reply) : '加载失败：' + generalMessage(reply)));
    return;
  }
  const { bodies, partyModels, parties } = reply.json;
  const formHolder = el('div', { id: 'yishi-body-form-holder' });
  const rows = bodies.map(b => {
    const edit = el('button', { type: 'button', class: 'btn btn-xs btn-default yishi-body-edit' }, '修改');
    edit.addEventListener('click', () => formHolder.replaceChildren(bodyForm(body, b, partyModels, parties)));
    return el('tr', { 'data-key': b.key, class: b.active ? '' : 'inactive' },
      el('td', null, b.kindName), el('td', { class: 'yishi-body-name' }, b.name), el('td', null, b.placeShown),
      el('td', { class: 'yishi-body-days' }, b.fixedDaysText), el('td', null, b.partyModelName),
      el('td', { class: 'yishi-body-parties' }, b.standingParties.map(p => p.name).join('、')),
      el('td', { class: 'yishi-body-state' }, b.active ? '在用' : '已停用（议题改由社区党群会客室议事）'),
      el('td', { class: 'yishi-body-updated' }, b.updatedByName + (b.updatedBy && b.updatedAt ? '（' + when(b.updatedAt) + '）' : '')),
      el('td', null, edit));
  });
  body.replaceChildren(...[
    el('p', { class: 'yishi-hint' }, '黄、绿色议题列入议事机构的下一个固定议事日；修改固定议事日只影响此后新安排的议事会，已安排的议事会日期不变。'
      + '会前沟通按协商主体模式的常设主体派发，“N”（相关利益方）在每次确定议程时增加。'),
    notice ? el('p', { class: 'alert alert-success', id: 'yishi-bodies-notice' }, notice) : null,
    el('table', { class: 'table table-striped table-condensed', id: 'yishi-bodies-table' },
      el('thead', null, el('tr', null, ['层级', '议事机构', '地点', '固定议事日', '协商主体模式', '常设协商主体', '状态', '最后修改', '']
        .map(h => el('th', null, h)))),
      el('tbody', null, rows)),
    formHolder].filter(n => n !== null));
}

function bodyForm(body, b, partyModels, parties) {
  const general = el('p', { class: 'alert alert-danger', id: 'yishi-body-error', style: 'display:none' });
  const inputs = {
    place: el('input', { class: 'form-control', id: 'yishi-body-place', maxlength: 200, placeholder: b.name }),
    fixedDays: el('input', { class: 'form-control', id: 'yishi-body-fixed-days', placeholder: '每月几日，如：15 或 5、20' }),
    partyModel: el('select', { class: 'form-control', id: 'yishi-body-model' },
      partyModels.map(m => el('option', { value: m.code }, m.name))),
    standingParties: el('div', { class: 'yishi-parties', id: 'yishi-body-parties' }, parties.map(p =>
      el('label', null, el('input', { type: 'checkbox', value: p.code, name: 'yishi-body-party' }), ' ' + p.name))),
    active: el('label', { id: 'yishi-body-active-label' }, el('input', { type: 'checkbox', id: 'yishi-body-active' }), ' 在用'),
  };
  const labels = { place: '地点', fixedDays: '固定议事日', partyModel: '协商主体模式', standingParties: '常设协商主体', active: '状态' };
  const errorNodes = {};
  const rows = Object.keys(inputs).map(key => {
    errorNodes[key] = el('div', { class: 'yishi-field-error', id: 'yishi-body-' + key + '-error' });
    return [el('label', null, labels[key]), el('div', { 'data-field': key }, inputs[key], errorNodes[key])];
  });
  inputs.place.value = b.place || '';
  inputs.fixedDays.value = b.fixedDays.join('、');
  inputs.partyModel.value = b.partyModel;
  const tick = codes => inputs.standingParties.querySelectorAll('input').forEach(i => { i.checked = codes.includes(i.value); });
  tick(b.standingParties.map(p => p.code));
  inputs.partyModel.addEventListener('change', () =>
    tick((partyModels.find(m => m.code === inputs.partyModel.value) || { parties: [] }).parties));
  inputs.active.querySelector('input').checked = b.active;
  const save = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-body-save' }, '保存');
  save.addEventListener('click', async () => {
    general.style.display = 'none';
    Object.values(errorNodes).forEach(n => { n.textContent = ''; });
    const payload = {
      place: inputs.place.value,
      fixedDays: inputs.fixedDays.value.split(/[、,，\s]+/).filter(s => s !== ''),
      partyModel: inputs.partyModel.value,
      standingParties: [...inputs.standingParties.querySelectorAll('input:checked')].map(i => i.value),
      active: inputs.active.querySelector('input').checked,
      version: b.version,
    };
    const reply = await call('PUT', '/bodies/' + encodeURIComponent(b.key), payload);
    if (reply.ok) {
      load(body, '已保存：' + reply.json.name + '（' + reply.json.fixedDaysText + '，' + reply.json.partyModelName + '）');
      return;
    }
    const errors = (reply.json && reply.json.errors) || [];
    const unplaced = [];
    errors.forEach(e => {
      if (errorNodes[e.field]) {
        errorNodes[e.field].textContent = e.message;
      } else {
        unplaced.push(e.message);
      }
    });
    if (unplaced.length || !errors.length) {
      general.textContent = unplaced.length ? unplaced.join('；') : generalMessage(reply);
      general.style.display = '';
    }
  });
  return el('div', { id: 'yishi-body-form' }, el('h4', { id: 'yishi-body-form-title' }, '修改：' + b.name), general,
    el('div', { class: 'yishi-body-form' }, rows.flat()), el('div', { class: 'yishi-body-actions' }, save));
}

export default [
  {
    id: 'yishi.bodies',
    pluginPoint: 'tasklist.navbar.action',
    priority: 245,
    render: (node) => {
      node.replaceChildren(el('a', { href: '', id: 'yishi-bodies-link', role: 'button', title: '维护议事机构的地点、固定议事日和协商主体' },
        el('span', { class: 'glyphicon glyphicon-calendar' }), ' 议事机构'));
      node.firstChild.addEventListener('click', event => {
        event.preventDefault();
        open();
      });
    },
  },
];
