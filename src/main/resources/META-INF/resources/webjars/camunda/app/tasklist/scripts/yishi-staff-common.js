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
 *   (WebappSessionAuthenticationProvider); a FormData body goes as multipart, anything else as JSON; the reply is
 *   {ok, status, json}, json null when the body is not JSON, status 0 when the server was not reached;
 * - messageOf(reply): the Chinese message of a refusal ({"errors":[{field, code, message}]}) or a general one;
 * - el(tag, attributes, ...children): DOM nodes with textContent only (no HTML strings, no library, no CDN);
 * - dialogCss and openDialog: the modal overlay of a header entry, closed by a click beside it or on 关闭;
 * - FORM_CSS with field, input and select: the small grid form of such a dialog (院坝管理, 议事观察员);
 * - fieldErrors and editForm: the form that adds and edits the entries of a maintained list (资源清单, 代办事项清单),
 *   a refusal's messages under its fields; retireButton: 停用 in two clicks.
 */

export const APP_ROOT = (document.querySelector('base') || { getAttribute: () => '/camunda' }).getAttribute('app-root') || '/camunda';
export const API = APP_ROOT.replace(/\/[^/]*$/, '') + '/api';

export function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

export async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  const multipart = body instanceof FormData;
  if (method !== 'GET') {
    if (!multipart) {
      headers['Content-Type'] = 'application/json';
    }
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(url, {
      method, credentials: 'same-origin', headers, body: body === undefined || multipart ? body : JSON.stringify(body)
    });
  } catch (e) {
    return { ok: false, status: 0, json: null };
  }
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
// children: nodes as they are, anything else as text, arrays (of arrays) flattened
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach(child => {
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


// <form class="yishi-form">: four columns, each field's label above its input, a .yishi-wide field over three columns,
// the .yishi-buttons on a line of their own
export const FORM_CSS = `
.yishi-form { background: #f7f7f7; border: 1px solid #e3e3e3; padding: 10px; margin: 6px 0; display: grid;
  grid-template-columns: repeat(4, 1fr); gap: 8px 12px; }
.yishi-form label { font-weight: normal; display: block; margin: 0; }
.yishi-form label span { display: block; color: #555; font-size: 12px; }
.yishi-form .yishi-wide { grid-column: span 3; }
.yishi-form .yishi-buttons { grid-column: 1 / -1; text-align: right; }
.yishi-form .yishi-buttons > * { margin-left: 8px; }
`;

export function field(label, input, wide) {
  return el('label', { class: wide ? 'yishi-wide' : null }, el('span', null, label), input);
}

export function input(name, attributes) {
  return el('input', Object.assign({ class: 'form-control input-sm', name, type: 'text' }, attributes || {}));
}

// options: [value, label] pairs; chosen: the value selected at first
export function select(name, options, chosen) {
  return el('select', { class: 'form-control input-sm', name },
    options.map(([value, label]) => el('option', { value, selected: value === chosen }, label)));
}

/*
 * The refusals shown on an edit form: errorNodes maps each field's key to the node under it (inside the field's box,
 * which gets Bootstrap's has-error), general is the alert above the form, hidden while empty. show(key, text) marks a
 * field, message(text) fills the alert, clear() empties both, and refusal(reply) puts each error of a reply under its
 * field (keyOf: the key of an error's field) and what has no field, or the general message of messageOf, above.
 */
export function fieldErrors(general, errorNodes, keyOf = field => field) {
  const show = (key, text) => {
    errorNodes[key].textContent = text;
    errorNodes[key].parentNode.classList.add('has-error');
  };
  const message = text => {
    general.textContent = text;
    general.style.display = '';
  };
  const clear = () => {
    general.style.display = 'none';
    Object.values(errorNodes).forEach(node => {
      node.textContent = '';
      node.parentNode.classList.remove('has-error');
    });
  };
  const refusal = reply => {
    const errors = (reply.json && reply.json.errors) || [];
    const unplaced = [];
    errors.forEach(e => {
      const key = keyOf(e.field);
      if (errorNodes[key]) {
        show(key, e.message);
      } else {
        unplaced.push(e.message);
      }
    });
    if (unplaced.length || !errors.length) {
      message(unplaced.length ? unplaced.join('；') : messageOf(reply));
    }
  };
  return { show, message, clear, refusal };
}

/*
 * The form under a maintained list that adds an entry (title newTitle) or edits one (修改：<name>, after edit(entry)):
 * a row per input (its label, the input, extras[key] if any, the field's error), then 取消修改 and 保存. ids <id>-form,
 * <id>-form-title, <id>-error (the general alert), <id>-<key>-error, <id>-cancel, <id>-save; classes <prefix>-form and
 * <prefix>-actions. inputs and labels: key → input (with an id) and its label; keyOf: the key of a refused field;
 * emptied(): after a reset has emptied the inputs; fill(entry): an entry into the inputs; payload(): what they say;
 * request(entry, payload): the PUT of an edit (payload with the version read) or, entry null, the POST of a new one;
 * saved(notice): after a success. Answers {node, message, edit}.
 */
export function editForm({ id, prefix, newTitle, inputs, labels, extras = {}, keyOf, emptied = () => {}, fill, payload, request, saved }) {
  let editing = null;
  const title = el('h4', { id: id + '-form-title' }, newTitle);
  const general = el('p', { class: 'alert alert-danger', id: id + '-error', style: 'display:none' });
  const errorNodes = {};
  const rows = Object.keys(inputs).map(key => {
    errorNodes[key] = el('div', { class: 'yishi-field-error', id: id + '-' + key + '-error' });
    return [el('label', { for: inputs[key].id }, labels[key]), el('div', { 'data-field': key }, inputs[key], extras[key], errorNodes[key])];
  });
  const errors = fieldErrors(general, errorNodes, keyOf);
  const save = el('button', { type: 'button', class: 'btn btn-primary', id: id + '-save' }, '保存');
  const cancel = el('button', { type: 'button', class: 'btn btn-default', id: id + '-cancel' }, '取消修改');

  function reset() {
    editing = null;
    title.textContent = newTitle;
    cancel.style.display = 'none';
    Object.values(inputs).forEach(i => { i.value = ''; });
    emptied();
    errors.clear();
  }

  cancel.addEventListener('click', reset);
  save.addEventListener('click', async () => {
    errors.clear();
    const body = payload();
    if (editing) {
      body.version = editing.version;
    }
    const reply = await request(editing, body);
    if (reply.ok) {
      saved((editing ? '已保存修改：' : '已新增：') + reply.json.name);
    } else {
      errors.refusal(reply);
    }
  });

  reset();
  return {
    node: el('div', { id: id + '-form' }, title, general, el('div', { class: prefix + '-form' }, rows.flat()),
      el('div', { class: prefix + '-actions' }, cancel, save)),
    errors,
    message: errors.message,
    edit(entry) {
      errors.clear();
      editing = entry;
      title.textContent = '修改：' + entry.name;
      cancel.style.display = '';
      fill(entry);
    },
  };
}

// 停用 of a list's entry: the first click asks (确认停用), the second sends request(); done() after a success,
// refused(message) otherwise
export function retireButton(className, request, done, refused) {
  const retire = el('button', { type: 'button', class: 'btn btn-xs btn-danger ' + className }, '停用');
  retire.addEventListener('click', async () => {
    if (retire.dataset.confirm !== 'yes') {
      retire.dataset.confirm = 'yes';
      retire.textContent = '确认停用';
      return;
    }
    const reply = await request();
    if (reply.ok) {
      done();
    } else {
      refused(messageOf(reply));
    }
  });
  return retire;
}
