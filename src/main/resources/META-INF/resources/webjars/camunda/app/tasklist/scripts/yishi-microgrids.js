/*
 * Yishi: 院坝管理, the micro-grids (院坝汇) of a village or community and their 一长三员 (院坝长, 宣传员, 代办员, 信息员),
 * for the township (street-<s>) and the village/community 两委 (<c>-community). A button in Tasklist's header, shown
 * only to those who maintain at least one village or community, opens the page:
 *   GET  /api/microgrids/communities          the villages and communities the caller maintains
 *   GET  /api/microgrids?community=<c>        their 院坝, the current holders and the history of each role
 *   POST /api/microgrids                      a new 院坝 {community, name, area}
 *   POST /api/microgrids/{code}/holders       assign or replace a holder {role, name, phone, userId, from, reason, note}
 *   POST /api/yuanba-evaluations              双向评价: a round for a 院坝 {yuanba, electorate, cadres} or for every 院坝 of
 *                                             a community {community, cadres}; electorate = compound[/building[/unit]]
 * The task tab 评价表 (tasklist.task.detail) on the tasks of a round links to its printable sheets:
 *   GET  /api/yuanba-evaluations/{roundId}/sheets   A4, one per household, with its QR code (staff only)
 * A replacement (换届选举, 评价不及格调整, 其他) ends the current term on the new one's first day; the history stays, and
 * the logins (Camunda groups yuanba-<code> and yuanba-<code>-<role>) follow at once.
 *
 * Requests go with the webapp session and Camunda's CSRF token (yishi-staff-common.js).
 * Everything is built with DOM nodes and textContent, no library, no CDN.
 */

import { api, dialogCss, el, headerLink, messageOf, openDialog } from './yishi-staff-common.js';

const ROLES = [['HEAD', '院坝长'], ['PUBLICITY', '宣传员'], ['AGENT', '代办员'], ['INFORMATION', '信息员']];
const REASONS = [['ELECTION', '换届选举'], ['FAILED_EVALUATION', '评价不及格调整'], ['OTHER', '其他']];

const STYLE = dialogCss({ top: '4vh', width: '980px', height: '92vh', padding: '20px 24px' }) + `
.yishi-grid { border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px; margin-bottom: 14px; }
.yishi-grid h4 { margin: 0 0 4px; }
.yishi-grid .yishi-area { color: #666; margin-bottom: 6px; }
.yishi-grid table { margin-bottom: 4px; }
.yishi-history { color: #555; font-size: 12px; }
.yishi-form { background: #f7f7f7; border: 1px solid #e3e3e3; padding: 10px; margin: 6px 0; display: grid;
  grid-template-columns: repeat(4, 1fr); gap: 8px 12px; }
.yishi-form label { font-weight: normal; display: block; margin: 0; }
.yishi-form label span { display: block; color: #555; font-size: 12px; }
.yishi-form .yishi-wide { grid-column: span 3; }
.yishi-form .yishi-buttons { grid-column: 1 / -1; text-align: right; }
.yishi-form .yishi-buttons > * { margin-left: 8px; }
.yishi-dialog .yishi-actions { margin-top: 12px; text-align: right; }
.yishi-hint { color: #777; font-size: 12px; }
`;

function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function dateText(iso) {
  if (!iso) {
    return '—';
  }
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function field(label, input, wide) {
  return el('label', { class: wide ? 'yishi-wide' : null }, el('span', null, label), input);
}

function select(name, options, chosen) {
  return el('select', { class: 'form-control input-sm', name },
    options.map(([value, label]) => el('option', { value, selected: value === chosen }, label)));
}

function input(name, attributes) {
  return el('input', Object.assign({ class: 'form-control input-sm', name, type: 'text' }, attributes || {}));
}

function holderForm(grid, role, done) {
  const error = el('div', { class: 'alert alert-danger', style: 'display:none; grid-column: 1 / -1; margin: 0' });
  const form = el('form', { class: 'yishi-form yishi-holder-form', 'data-code': grid.code },
    field('岗位', select('role', ROLES, role)),
    field('姓名', input('name', { maxlength: 20 })),
    field('联系电话（仅工作人员可见）', input('phone', { maxlength: 20 })),
    field('登录账号（选填）', input('userId', { maxlength: 64 })),
    field('任职日期', input('from', { type: 'date', value: today() })),
    field('调整原因', select('reason', REASONS, 'ELECTION')),
    field('说明', input('note', { maxlength: 200 }), false),
    el('div', { style: 'grid-column: span 1' }),
    error,
    el('div', { class: 'yishi-buttons' },
      el('button', { type: 'button', class: 'btn btn-default btn-sm yishi-cancel' }, '取消'),
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '保存')));
  form.querySelector('.yishi-cancel').addEventListener('click', () => form.remove());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const value = name => form.elements[name].value;
    const reply = await api('POST', '/microgrids/' + encodeURIComponent(grid.code) + '/holders', {
      role: value('role'), name: value('name'), phone: value('phone'), userId: value('userId'), from: value('from'),
      reason: value('reason'), note: value('note')
    });
    if (reply.ok) {
      done(reply.json);
    } else {
      error.textContent = messageOf(reply);
      error.style.display = '';
    }
  });
  return form;
}

function lines(text) {
  return text.split('\n').map(l => l.trim()).filter(l => l);
}

/** 发起双向评价 for one 院坝 (code) or a whole community: who the households are (first round) and the cadres. */
function evaluationForm(target, done) {
  const error = el('div', { class: 'alert alert-danger', style: 'display:none; grid-column: 1 / -1; margin: 0' });
  const form = el('form', { class: 'yishi-form yishi-evaluation-form' },
    target.yuanba ? field('评价范围（住户名册的小区[/楼栋[/单元]]编码；已设置过的可不填）', input('electorate', { maxlength: 200 }), true) : null,
    field('服务本院坝的干部（每行一位：“职务 姓名”，如“包片干部 张卫东”，最多4位）',
      el('textarea', { class: 'form-control input-sm', name: 'cadres', rows: 2 }), true),
    error,
    el('div', { class: 'yishi-buttons' },
      el('button', { type: 'button', class: 'btn btn-default btn-sm yishi-cancel' }, '取消'),
      el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '开启评价')));
  form.querySelector('.yishi-cancel').addEventListener('click', () => form.remove());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const reply = await call('POST', '/yuanba-evaluations', Object.assign({}, target, {
      electorate: form.elements.electorate ? form.elements.electorate.value : null,
      cadres: lines(form.elements.cadres.value)
    }));
    if (reply.ok) {
      form.replaceWith(el('div', { class: 'alert alert-success yishi-evaluation-opened' }, '已开启双向评价：'
        + reply.json.map(o => o.yuanbaName + ' ' + o.households + ' 户，截止 ' + dateText(String(o.closesAt).substring(0, 10))).join('；')
        + '。评价表在“录入纸质评价表”任务的“评价表”页签中打印。'));
      done && done();
    } else {
      error.textContent = messageOf(reply);
      error.style.display = '';
    }
  });
  return form;
}

function gridCard(grid, replace) {
  const card = el('div', { class: 'yishi-grid', 'data-code': grid.code });
  const rows = ROLES.map(([role, label]) => {
    const h = grid.current.find(c => c.role === role);
    const button = el('button', { type: 'button', class: 'btn btn-default btn-xs yishi-replace', 'data-role': role },
      h ? '更换' : '指定');
    button.addEventListener('click', () => {
      card.querySelectorAll('.yishi-holder-form').forEach(f => f.remove());
      card.querySelector('table').after(holderForm(grid, role, replace));
    });
    return el('tr', { 'data-role': role },
      el('td', null, label),
      el('td', { class: 'yishi-holder-name' }, h ? h.name : '（空缺）'),
      el('td', null, h && h.phone ? h.phone : '—'),
      el('td', null, h ? dateText(h.from) : '—'),
      el('td', null, h ? h.startReason : '—'),
      el('td', null, button));
  });
  const evaluate = el('button', { type: 'button', class: 'btn btn-default btn-xs yishi-evaluate', style: 'float:right' }, '发起双向评价');
  evaluate.addEventListener('click', () => {
    card.querySelectorAll('.yishi-evaluation-form').forEach(f => f.remove());
    card.querySelector('table').after(evaluationForm({ yuanba: grid.code }));
  });
  card.append(
    evaluate,
    el('h4', null, grid.name),
    el('div', { class: 'yishi-area' }, grid.area || ''),
    el('table', { class: 'table table-condensed' },
      el('thead', null, el('tr', null, ['岗位', '姓名', '联系电话', '任职日期', '任职原因', ''].map(t => el('th', null, t)))),
      el('tbody', null, rows)));
  if (grid.history.length) {
    card.append(el('div', { class: 'yishi-history' }, el('strong', null, '历任：'),
      grid.history.map(h => el('div', null,
        `${h.roleName} ${h.name}，${dateText(h.from)} 至 ${dateText(h.to)}，离任原因：${h.endReason}`))));
  }
  return card;
}

async function show() {
  const body = el('div', null, el('p', null, '加载中……'));
  const chooser = el('select', { class: 'form-control', id: 'yishi-microgrid-community', style: 'width: auto; display: inline-block' });
  openDialog({ overlayId: 'yishi-microgrids', style: STYLE },
    el('h3', null, '院坝管理'),
    el('p', { class: 'yishi-hint' },
      '每个院坝明确院坝长1名和宣传员、代办员、信息员各1名。换届选举或评价不及格调整时在此更换，原任职记录保留。'),
    el('p', null, '村（社区）：', chooser),
    body,
    el('div', { class: 'yishi-actions' }, el('button', { type: 'button', class: 'btn btn-default yishi-close' }, '关闭')));

  const communities = await api('GET', '/microgrids/communities');
  if (!communities.ok || !communities.json.length) {
    body.replaceChildren(el('p', { class: 'alert alert-warning' }, communities.ok ? '您没有可管理的村（社区）。' : messageOf(communities)));
    return;
  }
  communities.json.forEach(c => chooser.appendChild(el('option', { value: c.code }, c.streetName + ' ' + c.name)));
  const load = async () => {
    const reply = await api('GET', '/microgrids?community=' + encodeURIComponent(chooser.value));
    if (!reply.ok) {
      body.replaceChildren(el('p', { class: 'alert alert-danger' }, messageOf(reply)));
      return;
    }
    const list = el('div', { id: 'yishi-microgrid-list' });
    const render = grids => {
      list.replaceChildren(...(grids.length ? grids.map(g => gridCard(g, updated => {
        const i = grids.findIndex(x => x.code === updated.code);
        grids[i] = updated;
        render(grids);
        const notice = el('div', { class: 'alert alert-success', id: 'yishi-microgrid-saved' }, '已保存：' + updated.name);
        list.prepend(notice);
      })) : [el('p', { class: 'yishi-hint' }, '尚未划分院坝。')]));
    };
    render(reply.json);
    const error = el('div', { class: 'alert alert-danger', style: 'display:none; grid-column: 1 / -1; margin: 0' });
    const add = el('form', { class: 'yishi-form', id: 'yishi-microgrid-add' },
      field('新院坝名称', input('name', { maxlength: 40 })),
      field('范围说明（如所含村民小组、户数）', input('area', { maxlength: 200 }), true),
      error,
      el('div', { class: 'yishi-buttons' }, el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '添加院坝')));
    add.addEventListener('submit', async event => {
      event.preventDefault();
      const created = await api('POST', '/microgrids', { community: chooser.value, name: add.elements.name.value, area: add.elements.area.value });
      if (created.ok) {
        load();
      } else {
        error.textContent = messageOf(created);
        error.style.display = '';
      }
    });
    const evaluateAll = el('button', { type: 'button', class: 'btn btn-default btn-sm', id: 'yishi-evaluate-all' }, '本村（社区）全部院坝发起双向评价');
    evaluateAll.addEventListener('click', () => evaluateAll.after(evaluationForm({ community: chooser.value })));
    body.replaceChildren(list, el('h4', null, '双向评价'),
      el('p', { class: 'yishi-hint' }, '每半年一轮（按配置的月份自动开启，也可在此发起）：院坝内每户一份评价（手机或纸质评价表），院坝长自评，截止后统计，不及格人员交乡镇研究调整。'),
      evaluateAll, el('h4', null, '添加院坝'), add);
  };
  chooser.addEventListener('change', load);
  load();
}

function sheetsTab(node, taskId) {
  node.textContent = '';
  const box = el('div', { style: 'padding: 15px' }, el('p', { class: 'text-muted' }, '正在读取…'));
  node.appendChild(box);
  const engine = APP_ROOT + '/api/engine/engine/default/task/' + encodeURIComponent(taskId) + '/variables/';
  const variable = name => fetch(engine + name, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : null)).then(v => (v ? v.value : null)).catch(() => null);
  Promise.all([variable('evaluationRoundId'), variable('households')]).then(([roundId, households]) => {
    box.textContent = '';
    if (roundId === null || roundId === undefined) {
      box.appendChild(el('p', { class: 'text-muted' }, '本任务不涉及院坝双向评价。'));
      return;
    }
    box.append(el('h4', null, '评价表'),
      el('p', null, '本轮评价共 ' + (households || '—') + ' 户，每户一张评价表（A4）。评价表上的二维码就是该户的手机评价链接，手机评价和纸质评价表合计每户一次。'),
      el('a', { class: 'btn btn-primary', id: 'yishi-evaluation-sheets', target: '_blank', rel: 'noopener',
        href: API + '/yuanba-evaluations/' + encodeURIComponent(roundId) + '/sheets' }, '打印评价表'),
      el('p', { class: 'text-muted', style: 'margin-top: 10px' }, '评价表只供本村（社区）和乡镇工作人员打印，请勿外传。'));
  });
}

export default [
  {
    id: 'yishi-evaluation-sheets',
    pluginPoint: 'tasklist.task.detail',
    priority: 35,
    properties: { label: '评价表' },
    render: (node, { taskId }) => sheetsTab(node, taskId),
  },
  {
    id: 'yishi.microgrids',
    pluginPoint: 'tasklist.navbar.action',
    priority: 250,
    render: (node) => {
      node.replaceChildren();
      api('GET', '/microgrids/communities').then(reply => {
        if (!reply.ok || !reply.json.length) {
          return;
        }
        node.appendChild(headerLink({ id: 'yishi-microgrids-link', title: '院坝及其一长三员', icon: 'home', label: '院坝管理' }, show));
      });
    },
  },
];
