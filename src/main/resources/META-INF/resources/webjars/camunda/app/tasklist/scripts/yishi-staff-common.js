/*
 * Yishi: what the staff plugins in Tasklist share (进展与回访, 积分管理, 住户名册/选票, 资源清单, 院坝管理, 代办事项清单).
 *
 * Tasklist 7.24 loads each customScripts entry of config.js with a dynamic import() (ES modules, in parallel) and
 * registers the plugins of its default export. This module has no plugin and is not listed there: the plugins import
 * it (import { … } from './yishi-staff-common.js'), so the browser evaluates it once, before any plugin that needs it.
 *
 * - API: the project's /api beside the webapp (…/camunda → …/api);
 * - call(method, url, body) and api(method, path, body): JSON over fetch with the webapp session and, for writing,
 *   Camunda's CSRF token (the XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN), which /api accepts
 *   (WebappSessionAuthenticationProvider); the reply is {ok, status, json}, json null when the body is not JSON;
 * - messageOf(reply): the Chinese message of a refusal ({"errors":[{field, code, message}]}) or a general one;
 * - el(tag, attributes, ...children): DOM nodes with textContent only (no HTML strings, no library, no CDN);
 * - dialogCss and openDialog: the modal overlay of a header entry, closed by a click beside it or on 关闭.
 */

export const APP_ROOT = (document.querySelector('base') || { getAttribute: () => '/camunda' }).getAttribute('app-root') || '/camunda';
export const API = APP_ROOT.replace(/\/[^/]*$/, '') + '/api';

export function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

export async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(url, {
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

// a request to the project's /api: path such as '/points' or '/tasks/{id}/panels'
export function api(method, path, body) {
  return call(method, API + path, body);
}

export function messageOf(reply) {
  const errors = reply.json && reply.json.errors;
  if (errors && errors.length) {
    return errors.map(e => e.message).join('；');
  }
  return reply.status === 401 ? '登录已失效，请刷新页面后重新登录' : '操作未成功，请稍后再试';
}

// attributes: undefined, null and false are left out, true is an empty attribute (checked, selected);
// children: nodes as they are, anything else as text, arrays flattened
export function el(tag, attributes, ...children) {
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

// the overlay, the dialog box and its heading, for the classes <prefix>-overlay and <prefix>-dialog
export function dialogCss({ prefix = 'yishi', top, width, maxWidth = '96vw', height, padding }) {
  return `
.${prefix}-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 2000; display: flex;
  align-items: flex-start; justify-content: center; padding-top: ${top}; }
.${prefix}-dialog { background: #fff; border-radius: 4px; box-shadow: 0 4px 24px rgba(0,0,0,.3); width: ${width}; max-width: ${maxWidth};
  max-height: ${height}; overflow: auto; padding: ${padding}; }
.${prefix}-dialog h3 { margin-top: 0; border-bottom: 2px solid #b5152b; padding-bottom: 6px; }
`;
}

/*
 * Opens the modal dialog of a header entry in place of any open one of the same prefix: <div class="<prefix>-overlay"
 * id=overlayId><style>style</style><div class="<prefix>-dialog" id=dialogId role="dialog" aria-modal="true">content
 * </div></div>. A click on the overlay beside the dialog or on an element of the class <prefix>-close closes it.
 */
export function openDialog({ prefix = 'yishi', overlayId, dialogId, style }, ...content) {
  document.querySelectorAll('.' + prefix + '-overlay').forEach(o => o.remove());
  const overlay = el('div', { class: prefix + '-overlay', id: overlayId },
    el('style', null, style),
    el('div', { class: prefix + '-dialog', id: dialogId, role: 'dialog', 'aria-modal': 'true' }, content));
  overlay.addEventListener('click', event => {
    if (event.target === overlay || event.target.classList.contains(prefix + '-close')) {
      overlay.remove();
    }
  });
  document.body.appendChild(overlay);
  return overlay;
}

// the link of a header entry (plugin point tasklist.navbar.action): <a href="" id role="button" title><span
// class="glyphicon glyphicon-<icon>"></span> label</a>; a click opens what open() shows instead of following the link
export function headerLink({ id, title, icon, label }, open) {
  const link = el('a', { href: '', id, role: 'button', title }, el('span', { class: 'glyphicon glyphicon-' + icon }), ' ' + label);
  link.addEventListener('click', event => {
    event.preventDefault();
    open();
  });
  return link;
}
