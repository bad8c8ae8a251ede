/*
 * Yishi: the receipt (回执) after a staff member registers a case through Tasklist's start form (诉求办理 → 登记群众诉求),
 * and the view 我登记的诉求 (a button in Tasklist's header).
 *
 * Tasklist itself only says 流程已发起 after a start form. This script watches Tasklist's own request that submits a
 * start form (POST …/process-definition/…/submit-form); when it succeeds, it asks the project's API for the case
 * that process instance registered and shows its number, date, category and public address, with a link to the
 * printable receipt (an A4 page), and 添加照片 (the upload of yishi-task-photos.js). A process that registers no case (another start form) answers 404 and nothing
 * is shown.
 *
 * Data comes from /api with the Tasklist login (the session cookie; /api accepts the webapps' session, see
 * WebappSessionAuthenticationProvider and yishi-staff-common.js). Only the staff member who registered a case reads it:
 *   GET /api/receipts/process-instance/{id}   the case a start form registered
 *   GET /api/receipts                         the caller's cases, newest first
 *   GET /api/receipts/{caseNo}/print          the receipt as a page to print
 *
 * config.js lists this file in customScripts; Tasklist imports it as an ES module and registers the plugins of the
 * default export. Everything is built with DOM nodes and textContent (titles come from residents).
 */

import { API, api, dialogCss, el, headerLink, openDialog } from './yishi-staff-common.js';

const START_FORM = /\/process-definition\/[^?#]+\/submit-form(\?|$)/;

const STYLE = dialogCss({ top: '8vh', width: '560px', maxWidth: '94vw', height: '84vh', padding: '20px 24px' }) + `
.yishi-dialog.wide { width: 960px; }
.yishi-case-no { font-size: 26px; font-weight: bold; letter-spacing: 1px; margin: 8px 0 14px; }
.yishi-dialog dl { display: grid; grid-template-columns: 6em 1fr; gap: 6px 12px; }
.yishi-dialog dt { color: #666; font-weight: normal; }
.yishi-dialog dd { margin: 0; word-break: break-all; }
.yishi-dialog .yishi-actions { margin-top: 18px; text-align: right; }
.yishi-dialog .yishi-actions > * { margin-left: 8px; }
.yishi-dialog .yishi-hint { color: #777; font-size: 12px; }
`;

function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hour12: false,
  }) : '—';
}

// the JSON of a GET to /api; a refusal is thrown as an error with the status
async function get(path) {
  const reply = await api('GET', path);
  if (!reply.ok || reply.json === null) {
    const error = new Error('HTTP ' + reply.status);
    error.status = reply.status;
    throw error;
  }
  return reply.json;
}

function printAddress(caseNo) {
  return API + '/receipts/' + encodeURIComponent(caseNo) + '/print';
}

function dialog(id, wide, ...content) {
  const overlay = openDialog({ overlayId: id, style: STYLE }, ...content);
  overlay.querySelector('.yishi-dialog').classList.toggle('wide', wide);
  return overlay;
}

function showReceipt(receipt) {
  dialog('yishi-receipt', false,
    el('h3', null, '诉求已登记'),
    el('p', null, '请将办件编号告知群众，凭编号可查询办理进度。'),
    el('div', { class: 'yishi-case-no', id: 'yishi-receipt-case-no' }, receipt.caseNo),
    el('dl', null,
      el('dt', null, '登记时间'), el('dd', null, dateTime(receipt.registeredAt)),
      el('dt', null, '诉求类别'), el('dd', null, receipt.categoryName),
      el('dt', null, '诉求标题'), el('dd', null, receipt.title),
      el('dt', null, '所属社区'), el('dd', null, receipt.communityName),
      el('dt', null, '当前状态'), el('dd', null, receipt.statusName),
      el('dt', null, '查询地址'), el('dd', null, receipt.publicAddress,
        receipt.publicNow ? null : el('div', { class: 'yishi-hint' }, '审核受理后即可在此地址查看'))),
    window.yishiPhotos ? el('div', { id: 'yishi-receipt-photos', style: 'margin-top: 12px; border-top: 1px solid #eee' },
      window.yishiPhotos.uploadControl(receipt.caseNo)) : null,
    el('div', { class: 'yishi-actions' },
      el('a', { class: 'btn btn-primary', id: 'yishi-receipt-print', href: printAddress(receipt.caseNo), target: '_blank',
        rel: 'noopener' }, '打印回执'),
      el('button', { type: 'button', class: 'btn btn-default yishi-close' }, '关闭')));
}

// Tasklist's start form is submitted with XMLHttpRequest; its answer carries the new process instance's id
function watchStartForms() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (String(method).toUpperCase() === 'POST' && START_FORM.test(String(url))) {
      this.addEventListener('load', () => {
        if (this.status !== 200) {
          return;
        }
        let instance;
        try {
          instance = JSON.parse(this.responseText);
        } catch (e) {
          return;
        }
        if (instance && instance.id) {
          get('/receipts/process-instance/' + encodeURIComponent(instance.id)).then(showReceipt, error => {
            if (error.status !== 404) {
              console.warn('yishi-intake-receipt: the receipt could not be loaded', error);
            }
          });
        }
      });
    }
    return open.apply(this, arguments);
  };
}

async function showMine() {
  const body = el('div', null, el('p', null, '加载中……'));
  dialog('yishi-my-cases', true, el('h3', null, '我登记的诉求'), body,
    el('div', { class: 'yishi-actions' }, el('button', { type: 'button', class: 'btn btn-default yishi-close' }, '关闭')));
  try {
    const cases = await get('/receipts');
    if (!cases.length) {
      body.replaceChildren(el('p', { class: 'yishi-hint' }, '您还没有登记过诉求。'));
      return;
    }
    body.replaceChildren(
      el('p', { class: 'yishi-hint' }, '最近登记的 ' + cases.length + ' 件，最新的在前。'),
      el('table', { class: 'table table-striped table-condensed', id: 'yishi-my-cases-table' },
        el('thead', null, el('tr', null, ['办件编号', '标题', '类别', '社区', '登记时间', '状态', '回执'].map(h => el('th', null, h)))),
        el('tbody', null, cases.map(c => el('tr', { 'data-case-no': c.caseNo },
          el('td', null, c.caseNo),
          el('td', null, c.title),
          el('td', null, c.categoryName),
          el('td', null, c.communityName),
          el('td', null, dateTime(c.registeredAt)),
          el('td', { class: 'yishi-state' }, c.statusName),
          el('td', null, el('a', { href: printAddress(c.caseNo), target: '_blank', rel: 'noopener' }, '打印')))))));
  } catch (e) {
    body.replaceChildren(el('p', { class: 'alert alert-danger' }, '加载失败，请稍后重试。'));
  }
}

watchStartForms();

export default [
  {
    id: 'yishi.intake.myCases',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render: (node) => {
      node.replaceChildren(headerLink({ id: 'yishi-my-cases-link', title: '查看我登记的诉求及其状态', icon: 'list-alt',
        label: '我登记的诉求' }, showMine));
    },
  },
];
