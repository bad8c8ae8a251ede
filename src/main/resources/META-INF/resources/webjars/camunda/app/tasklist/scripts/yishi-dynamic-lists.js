/*
 * Yishi: 完成 in Tasklist on Camunda Forms with a dynamic list.
 *
 * Tasklist 7.24 (cam-tasklist-form-camunda) enables 完成 on form-js's "changed" event with
 *   notifyFormValidated(!!Object.keys(event.errors).length)
 * and form-js 1.x (Form#_update) stores the result of validating a field inside a dynamic list under
 * [fieldId, rowIndex]: min-dash's set() creates errors[fieldId] = [] for the row and then deletes the row's entry when
 * the field is valid. The empty list stays behind, Tasklist counts its key, and 完成 stays disabled as soon as anyone
 * types into a list. Form#validate() (used on 完成 itself) only records non-empty lists, so the completion is right.
 *
 * This script wraps form-js's Form#_setState so that the errors held in the state (and handed to "changed") carry
 * no empty lists or rows: a field with a message (a required field, a pattern, a range) still blocks 完成 and shows
 * its message (yishi-form-placeholders.js shows form-js's English validator messages in Chinese).
 * The Form class is the one Tasklist itself uses: it is taken from the webapps' shared webpack runtime (the chunk
 * array self.webpackChunkcamunda_bpm_webapp, which lib/deps.js fills), by the module Tasklist 7.24 imports it from
 * and, if that ever differs, by looking for the module whose exports hold a Form with _setState and validate.
 *
 * config.js lists it in customScripts; Tasklist imports it before it bootstraps, after lib/deps.js.
 */
const TASKLIST_FORM_JS_MODULE = 57661;

// an error tree without empty lists or rows; undefined when nothing is left
export function prune(errors) {
  if (Array.isArray(errors)) {
    if (errors.some(e => typeof e === 'string')) {
      return errors.length ? errors : undefined; // a field's messages
    }
    const rows = [];
    let any = false;
    for (let i = 0; i < errors.length; i++) {
      const row = prune(errors[i]);
      if (row !== undefined) {
        rows[i] = row;
        any = true;
      }
    }
    return any ? rows : undefined;
  }
  if (errors && typeof errors === 'object') {
    const kept = {};
    let any = false;
    Object.keys(errors).forEach(key => {
      const value = prune(errors[key]);
      if (value !== undefined) {
        kept[key] = value;
        any = true;
      }
    });
    return any ? kept : undefined;
  }
  return errors === null ? undefined : errors;
}

function isForm(candidate) {
  return typeof candidate === 'function' && candidate.prototype
    && typeof candidate.prototype._setState === 'function' && typeof candidate.prototype.validate === 'function'
    && typeof candidate.prototype.importSchema === 'function';
}

function webpackRequire() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return null;
  }
  let require = null;
  chunks.push([['yishi-dynamic-lists-' + Date.now()], {}, r => { require = r; }]);
  return require;
}

function findForm(require) {
  try {
    const known = require(TASKLIST_FORM_JS_MODULE);
    if (known && isForm(known.Form)) {
      return known.Form;
    }
  } catch (e) {
    // another webapp version: look below
  }
  for (const id of Object.keys(require.m || {})) {
    const source = Function.prototype.toString.call(require.m[id]);
    if (source.includes('importSchema') && source.includes('_setState') && source.includes('form.init')) {
      try {
        const exports = require(id);
        const Form = exports && (isForm(exports.Form) ? exports.Form
          : Object.values(exports).find(isForm));
        if (Form) {
          return Form;
        }
      } catch (e) {
        // not loadable on its own: go on
      }
    }
  }
  return null;
}

function install() {
  const require = webpackRequire();
  const Form = require && findForm(require);
  if (!Form) {
    console.warn('yishi-dynamic-lists: form-js not found; 完成 stays disabled on forms with a dynamic list');
    return;
  }
  const proto = Form.prototype;
  if (proto._yishiPrunesErrors) {
    return;
  }
  const setState = proto._setState;
  proto._setState = function (state) {
    if (state && state.errors) {
      state = { ...state, errors: prune(state.errors) || {} };
    }
    return setState.call(this, state);
  };
  proto._yishiPrunesErrors = true;
}

install();

/*
 * A second Tasklist 7.24 slip on the same forms: a list (an object value) is submitted with the type of the task's
 * existing variable of that name, and a list a process starts empty (an input parameter without a value, e.g.
 * 定期听接待's issues) has the type Null, which the engine cannot convert. Tasklist posts its forms through
 * XMLHttpRequest; on .../submit-form, a variable typed Null whose value is a JSON array or object is sent as Json
 * (what Tasklist sends for a list without an existing variable). Nothing else in the request changes.
 */
export function jsonForNullLists(body) {
  let request;
  try {
    request = JSON.parse(body);
  } catch (e) {
    return body;
  }
  const variables = request && request.variables;
  if (!variables || typeof variables !== 'object') {
    return body;
  }
  let changed = false;
  Object.values(variables).forEach(v => {
    if (v && v.type === 'Null' && typeof v.value === 'string' && /^\s*[[{]/.test(v.value)) {
      try {
        JSON.parse(v.value);
        v.type = 'Json';
        v.valueInfo = null;
        changed = true;
      } catch (e) {
        // not JSON: left for the engine to refuse
      }
    }
  });
  return changed ? JSON.stringify(request) : body;
}

if (typeof XMLHttpRequest !== 'undefined' && !XMLHttpRequest.prototype._yishiSubmitForm) {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this._yishiSubmitForm = method && method.toUpperCase() === 'POST' && /\/submit-form(\?|$)/.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    return send.call(this, this._yishiSubmitForm && typeof body === 'string' ? jsonForNullLists(body) : body);
  };
  XMLHttpRequest.prototype._yishiSubmitForm = false;
}
