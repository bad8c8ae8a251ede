/*
 * Yishi: resident votes (一户一票) in Tasklist.
 *
 * 1. The task tab 选票 (point tasklist.task.detail) on the tasks of a resident vote (录入纸质选票): how many households
 *    the vote has and the link to its printable ballot sheets (A4, one per household, with the QR code of the
 *    household's online ballot page: paper and online share one token). Other tasks say that they have no vote.
 *    The task's voteId comes from Tasklist's own engine API (the webapp session); the sheets from
 *      GET /api/votes/{voteId}/sheets      staff of the vote's community, its 会客室 and the dispatch centre only
 *    The tab 评价单 does the same for 民事民评 (itemEvaluation's 发放评价单): one A4 sheet per rater with the QR code of
 *    its rating page, from GET /api/item-evaluations/{evaluationId}/sheets (the community's 居务监督委员会 and 两委, the
 *    dispatch centre).
 * 2. The header entry 住户名册 (point tasklist.navbar.action): the register of the caller's communities, the electorates
 *    a vote can have (小区 / 楼栋 / 单元, with households and floor area), and the upload of a CSV file that replaces
 *    the registers of the compounds it names, with a report line by line; a file with any bad line stores nothing.
 *      GET  /api/registers                 the caller's communities and their electorates
 *      POST /api/registers {csv}           the upload (Camunda's CSRF token, X-XSRF-TOKEN)
 * 3. The meeting record's field 表决范围 (voteCompound) offers the electorates of the caller's registers as suggestions
 *    (a datalist on form-js's own input, so the value stays form-js's): 御苑小区全体住户, 御苑小区 1栋, 御苑小区 1栋 2单元 …
 *
 * Everything is built with DOM nodes and textContent; no library, no CDN.
 */

import { API, APP_ROOT, call, dialogCss, el, headerLink, messageOf, openDialog } from './yishi-staff-common.js';

const ENGINE = APP_ROOT + '/api/engine/engine/default';
const HEADER = 'compound,building,unit,household,area';

const STYLE = dialogCss({ top: '6vh', width: '900px', maxWidth: '94vw', height: '88vh', padding: '20px 24px' }) + `
.yishi-dialog .yishi-actions { margin-top: 18px; text-align: right; }
.yishi-dialog .yishi-hint { color: #777; font-size: 12px; }
.yishi-register-report td.refused { color: #b5152b; font-weight: bold; }
`;

function variable(taskId, name) {
  return call('GET', ENGINE + '/task/' + encodeURIComponent(taskId) + '/variables/' + name)
    .then(reply => (reply.ok && reply.json ? reply.json.value : null));
}

function ballotTab(node, taskId) {
  node.textContent = '';
  const box = el('div', { class: 'yishi-ballots', style: 'padding: 15px' }, el('p', { class: 'text-muted' }, '正在读取…'));
  node.appendChild(box);
  Promise.all([variable(taskId, 'voteId'), variable(taskId, 'households')]).then(([voteId, households]) => {
    box.textContent = '';
    if (voteId === null || voteId === undefined) {
      box.appendChild(el('p', { class: 'text-muted' }, '本任务不涉及一户一票表决。'));
      return;
    }
    box.appendChild(el('h4', null, '选票'));
    box.appendChild(el('p', null, '本次表决共 ' + (households || '—') + ' 户，每户一张选票（A4）。选票上的二维码就是该户的网上投票链接，'
      + '网上投票和纸质选票合计每户一票。'));
    box.appendChild(el('a', { class: 'btn btn-primary', id: 'yishi-ballot-sheets', target: '_blank', rel: 'noopener',
      href: API + '/votes/' + encodeURIComponent(voteId) + '/sheets' }, '打印选票'));
    box.appendChild(el('p', { class: 'text-muted', style: 'margin-top: 10px' },
      '收回的纸质选票，请在“表单”中按选票编码逐张录入；选票只供本社区工作人员打印，请勿外传。'));
  });
}

function ratingSheetTab(node, taskId) {
  node.textContent = '';
  const box = el('div', { class: 'yishi-rating-sheets', style: 'padding: 15px' }, el('p', { class: 'text-muted' }, '正在读取…'));
  node.appendChild(box);
  Promise.all([variable(taskId, 'evaluationId'), variable(taskId, 'evaluationRatersSummary')]).then(([evaluationId, raters]) => {
    box.textContent = '';
    if (evaluationId === null || evaluationId === undefined) {
      box.appendChild(el('p', { class: 'text-muted' }, '本任务还没有开启民事民评。'));
      return;
    }
    box.appendChild(el('h4', null, '评价单'));
    box.appendChild(el('p', null, raters || ''));
    box.appendChild(el('p', null, '每位评价人一张评价单（A4），单上的二维码就是其手机评价链接，每个链接只能评价一次。'));
    box.appendChild(el('a', { class: 'btn btn-primary', id: 'yishi-rating-sheets', target: '_blank', rel: 'noopener',
      href: API + '/item-evaluations/' + encodeURIComponent(evaluationId) + '/sheets' }, '打印评价单'));
    box.appendChild(el('p', { class: 'text-muted', style: 'margin-top: 10px' }, '评价单只供居务监督委员会发放，请勿外传。'));
  });
}

function electorateTable(community) {
  if (!community.electorates.length) {
    return el('p', { class: 'yishi-hint' }, '本社区还没有住户名册。');
  }
  return el('table', { class: 'table table-condensed' },
    el('thead', null, el('tr', null, el('th', null, '表决范围'), el('th', null, '编码（填入“表决范围”）'),
      el('th', { style: 'text-align:right' }, '户数'), el('th', { style: 'text-align:right' }, '面积（平方米）'))),
    el('tbody', null, community.electorates.map(o => el('tr', null,
      el('td', null, o.label), el('td', null, el('code', null, o.code)),
      el('td', { style: 'text-align:right' }, o.households), el('td', { style: 'text-align:right' }, Number(o.area).toFixed(2))))));
}

function report(lines) {
  return el('table', { class: 'table table-condensed yishi-register-report', id: 'yishi-register-report' },
    el('thead', null, el('tr', null, el('th', { style: 'width:5em' }, '行号'), el('th', { style: 'width:6em' }, '结果'),
      el('th', null, '说明'))),
    el('tbody', null, lines.map(l => el('tr', null, el('td', null, l.number),
      el('td', { class: l.accepted ? '' : 'refused' }, l.accepted ? '通过' : '有误'),
      el('td', null, l.message || (l.household || '')))))) ;
}

async function showRegister() {
  const body = el('div', null, el('p', null, '加载中……'));
  const result = el('div', { id: 'yishi-register-result' });
  // the browser's own file button speaks the browser's language: a Chinese label stands in for it
  const file = el('input', { type: 'file', id: 'yishi-register-file', accept: '.csv,text/csv',
    style: 'position:absolute; width:1px; height:1px; opacity:0' });
  const chosen = el('span', { class: 'yishi-hint', id: 'yishi-register-file-name' }, '未选择文件');
  file.addEventListener('change', () => { chosen.textContent = file.files.length ? file.files[0].name : '未选择文件'; });
  const upload = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-register-upload' }, '上传并替换名册');
  openDialog({ overlayId: 'yishi-register', style: STYLE }, el('h3', null, '住户名册'), body,
    el('h4', null, '导入或更正名册'),
    el('p', { class: 'yishi-hint' }, 'CSV 文件（UTF-8），第一行为表头 ' + HEADER + '：小区编码（党群会客站编码）、楼栋、单元、户号、'
      + '专有部分面积（平方米）。文件是所列小区的完整名册，上传后替换这些小区的现有名册；正在进行的表决不受影响。'
      + '任何一行有误时整份文件不导入，请按逐行报告改正后重新上传。'),
    el('div', { style: 'display:flex; gap:12px; align-items:center' },
      el('label', { class: 'btn btn-default', for: 'yishi-register-file', style: 'margin:0' }, '选择 CSV 文件', file), chosen, upload),
    result,
    el('div', { class: 'yishi-actions' }, el('button', { type: 'button', class: 'btn btn-default yishi-close' }, '关闭')));
  const load = async () => {
    const reply = await call('GET', API + '/registers');
    if (!reply.ok) {
      body.replaceChildren(el('p', { class: 'alert alert-warning' }, messageOf(reply)));
      upload.disabled = true;
      return;
    }
    body.replaceChildren(...reply.json.map(c => el('div', null, el('h4', null, c.name), electorateTable(c))));
  };
  upload.addEventListener('click', async () => {
    if (!file.files.length) {
      result.replaceChildren(el('p', { class: 'alert alert-warning' }, '请先选择 CSV 文件'));
      return;
    }
    upload.disabled = true;
    const csv = await file.files[0].text();
    const reply = await call('POST', API + '/registers', { csv });
    upload.disabled = false;
    if (reply.ok) {
      result.replaceChildren(
        el('p', { class: 'alert alert-success' }, '已导入：' + reply.json.compounds.map(c => c.label + ' ' + c.households + ' 户').join('，')),
        report(reply.json.lines));
      load();
    } else if (reply.status === 400 && reply.json && reply.json.errors) {
      const lines = reply.json.errors.filter(e => e.field.startsWith('line['));
      result.replaceChildren(el('p', { class: 'alert alert-danger' },
        lines.length ? '未导入：' + lines.length + ' 行有误，名册没有任何改动。' : messageOf(reply)),
        report(lines.map(e => ({ number: Number(e.field.slice(5, -1)), accepted: false, message: e.message.replace(/^第\d+行：/, '') }))));
    } else {
      result.replaceChildren(el('p', { class: 'alert alert-danger' }, messageOf(reply)));
    }
  });
  load();
}

let electorates = null;

function suggestElectorates() {
  const inputs = document.querySelectorAll('.fjs-container input[id$="field_voteCompound"]:not([list])');
  if (!inputs.length) {
    return;
  }
  inputs.forEach(input => input.setAttribute('list', 'yishi-electorates'));
  if (electorates === null) {
    electorates = call('GET', API + '/registers').then(reply => (reply.ok ? reply.json : []));
  }
  electorates.then(communities => {
    if (document.getElementById('yishi-electorates')) {
      return;
    }
    document.body.appendChild(el('datalist', { id: 'yishi-electorates' },
      communities.flatMap(c => c.electorates.map(o => el('option', { value: o.code, label: o.label + '（' + o.households + '户）' })))));
  });
}

if (document.body) {
  new MutationObserver(suggestElectorates).observe(document.body, { childList: true, subtree: true });
}

export default [
  {
    id: 'yishi-votes-ballots',
    pluginPoint: 'tasklist.task.detail',
    priority: 40,
    properties: { label: '选票' },
    render: (node, { taskId }) => ballotTab(node, taskId),
  },
  {
    id: 'yishi-item-rating-sheets',
    pluginPoint: 'tasklist.task.detail',
    priority: 39,
    properties: { label: '评价单' },
    render: (node, { taskId }) => ratingSheetTab(node, taskId),
  },
  {
    id: 'yishi.votes.register',
    pluginPoint: 'tasklist.navbar.action',
    priority: 290,
    render: (node) => {
      node.replaceChildren(headerLink({ id: 'yishi-register-link', title: '住户名册：一户一票的表决范围', icon: 'home', label: '住户名册' },
        showRegister));
    },
  },
];
