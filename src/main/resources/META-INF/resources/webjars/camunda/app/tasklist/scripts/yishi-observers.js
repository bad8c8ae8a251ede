/*
 * Yishi: 议事观察员 (couriers, riders, ride-hailing drivers who report what they see: 码上拍), for the county dispatch
 * centre (all observers) and a street's staff (their street's). A button in Tasklist's header, shown only to them:
 *   GET  /api/observers/options           the kinds and the streets the caller may register observers for
 *   GET  /api/observers                   the observers the caller maintains (name and phone: personal data)
 *   POST /api/observers                   register {name, phone, kind, company, street}: answers the personal link once
 *   POST /api/observers/{id}/withdraw     停用: the link stops working
 *   POST /api/observers/{id}/link         a new link for a lost one: the old link stops working
 * Only the digest of a link's token is stored, so a link is shown once, when it is issued.
 *
 * Requests go with the webapp session and Camunda's CSRF token. Built with DOM nodes and textContent, no library.
 */

const APP_ROOT = (document.querySelector('base') || { getAttribute: () => '/camunda' }).getAttribute('app-root') || '/camunda';
const API = APP_ROOT.replace(/\/[^/]*$/, '') + '/api';

const STYLE = `
.yishi-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 2000; display: flex;
  align-items: flex-start; justify-content: center; padding-top: 4vh; }
.yishi-dialog { background: #fff; border-radius: 4px; box-shadow: 0 4px 24px rgba(0,0,0,.3); width: 980px; max-width: 96vw;
  max-height: 92vh; overflow: auto; padding: 20px 24px; }
.yishi-dialog h3 { margin-top: 0; border-bottom: 2px solid #b5152b; padding-bottom: 6px; }
#yishi-observers .yishi-obs-x { border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px; margin-bottom: 14px; }
#yishi-observers .yishi-obs-x h4 { margin: 0 0 4px; }
#yishi-observers .yishi-obs-x .yishi-area { color: #666; margin-bottom: 6px; }
#yishi-observers .yishi-obs-x table { margin-bottom: 4px; }
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

function messageOf(reply) {
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

function field(label, input, wide) {
  return el('label', { class: wide ? 'yishi-wide' : null }, el('span', null, label), input);
}

function input(name, attributes) {
  return el('input', Object.assign({ class: 'form-control input-sm', name, type: 'text' }, attributes || {}));
}

function select(name, options) {
  return el('select', { class: 'form-control input-sm', name }, options.map(([value, label]) => el('option', { value }, label)));
}

function dateText(iso) {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}

function linkNotice(title, link) {
  const box = el('input', { class: 'form-control input-sm', readonly: true, value: link, id: 'yishi-observer-link' });
  box.addEventListener('focus', () => box.select());
  return el('div', { class: 'alert alert-success', id: 'yishi-observer-issued' },
    el('div', null, title + '专属链接只显示这一次，请复制后发给观察员（可生成二维码张贴或私信发送）：'), box);
}

async function show() {
  document.querySelectorAll('.yishi-overlay').forEach(o => o.remove());
  const notices = el('div');
  const body = el('div', null, el('p', null, '加载中……'));
  const overlay = el('div', { class: 'yishi-overlay', id: 'yishi-observers' }, el('style', null, STYLE),
    el('div', { class: 'yishi-dialog', role: 'dialog', 'aria-modal': 'true' },
      el('h3', null, '议事观察员'),
      el('p', { class: 'yishi-hint' },
        '聘请快递员、外卖骑手、网约车司机担任社区议事观察员，通过专属链接“码上拍”反映看到的问题。姓名和电话仅工作人员可见。'),
      notices, body,
      el('div', { class: 'yishi-actions' }, el('button', { type: 'button', class: 'btn btn-default yishi-close' }, '关闭'))));
  overlay.addEventListener('click', event => {
    if (event.target === overlay || event.target.classList.contains('yishi-close')) {
      overlay.remove();
    }
  });
  document.body.appendChild(overlay);
  const options = await call('GET', '/observers/options');
  if (!options.ok) {
    body.replaceChildren(el('p', { class: 'alert alert-warning' }, messageOf(options)));
    return;
  }
  const kinds = options.json.kinds.map(k => [k.code, k.name]);
  const streets = options.json.streets.map(s => [s.code, s.name]);
  if (options.json.county) {
    streets.unshift(['', '县级（不属街道）']);
  }
  const load = async () => {
    const reply = await call('GET', '/observers');
    if (!reply.ok) {
      body.replaceChildren(el('p', { class: 'alert alert-danger' }, messageOf(reply)));
      return;
    }
    const act = async (o, what) => {
      const done = await call('POST', '/observers/' + o.id + '/' + what);
      notices.replaceChildren(done.ok
        ? (what === 'link' ? linkNotice('已为 ' + o.name + ' 生成新链接，原链接已失效。', done.json.link)
          : el('div', { class: 'alert alert-success', id: 'yishi-observer-saved' }, '已停用：' + o.name))
        : el('div', { class: 'alert alert-danger' }, messageOf(done)));
      load();
    };
    const rows = reply.json.map(o => {
      const buttons = el('td', null);
      if (o.active) {
        const stop = el('button', { type: 'button', class: 'btn btn-default btn-xs yishi-withdraw' }, '停用');
        stop.addEventListener('click', () => {
          const sure = el('button', { type: 'button', class: 'btn btn-danger btn-xs yishi-withdraw-confirm' }, '确认停用');
          const cancel = el('button', { type: 'button', class: 'btn btn-default btn-xs', style: 'margin-left:4px' }, '取消');
          sure.addEventListener('click', () => act(o, 'withdraw'));
          cancel.addEventListener('click', () => load());
          buttons.replaceChildren(el('span', { class: 'yishi-hint' }, '停用后链接立即失效。'), sure, cancel);
        });
        const relink = el('button', { type: 'button', class: 'btn btn-default btn-xs yishi-relink', style: 'margin-left:4px' }, '重新生成链接');
        relink.addEventListener('click', () => act(o, 'link'));
        buttons.append(stop, relink);
      }
      return el('tr', { 'data-id': o.id, class: o.active ? null : 'text-muted' },
        el('td', { class: 'yishi-observer-name' }, o.name), el('td', null, o.phone), el('td', null, o.kindName),
        el('td', null, o.company || '—'), el('td', null, o.streetName), el('td', null, String(o.reports)),
        el('td', { class: 'yishi-observer-state' }, o.active ? '在用' : '已停用（' + dateText(o.withdrawnAt) + '）'), buttons);
    });
    const list = rows.length
      ? el('table', { class: 'table table-condensed', id: 'yishi-observer-list' },
        el('thead', null, el('tr', null, ['姓名', '手机号', '类别', '所在企业', '所属', '反映数', '状态', ''].map(t => el('th', null, t)))),
        el('tbody', null, rows))
      : el('p', { class: 'yishi-hint' }, '尚未登记观察员。');
    const error = el('div', { class: 'alert alert-danger', style: 'display:none; grid-column: 1 / -1; margin: 0', id: 'yishi-observer-error' });
    const add = el('form', { class: 'yishi-form', id: 'yishi-observer-add' },
      field('姓名', input('name', { maxlength: 20 })),
      field('手机号', input('phone', { maxlength: 20 })),
      field('类别', select('kind', [['', '请选择']].concat(kinds))),
      field('所在企业（选填）', input('company', { maxlength: 60 })),
      field('所属街道（乡镇）', select('street', streets)),
      error,
      el('div', { class: 'yishi-buttons' }, el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '登记观察员')));
    add.addEventListener('submit', async event => {
      event.preventDefault();
      const value = name => add.elements[name].value;
      const created = await call('POST', '/observers', {
        name: value('name'), phone: value('phone'), kind: value('kind'), company: value('company'), street: value('street')
      });
      add.querySelectorAll('.yishi-field-error').forEach(n => n.remove());
      if (created.ok) {
        notices.replaceChildren(linkNotice('已登记 ' + created.json.observer.name + '。', created.json.link));
        load();
      } else {
        // each refusal under its field, and all of them above the buttons
        ((created.json && created.json.errors) || []).forEach(e => {
          const input = add.elements[e.field];
          if (input) {
            input.after(el('div', { class: 'text-danger yishi-field-error', 'data-field': e.field, style: 'font-size:12px; color:#a94442' }, e.message));
          }
        });
        error.textContent = messageOf(created);
        error.style.display = '';
      }
    });
    body.replaceChildren(list, el('h4', null, '登记观察员'), add);
  };
  load();
}

export default [
  {
    id: 'yishi.observers',
    pluginPoint: 'tasklist.navbar.action',
    priority: 240,
    render: (node) => {
      node.replaceChildren();
      call('GET', '/observers/options').then(reply => {
        if (!reply.ok) {
          return;
        }
        const link = el('a', { href: '', id: 'yishi-observers-link', role: 'button', title: '快递员、外卖骑手、网约车司机（码上拍）' },
          el('span', { class: 'glyphicon glyphicon-camera' }), ' 议事观察员');
        link.addEventListener('click', event => {
          event.preventDefault();
          show();
        });
        node.appendChild(link);
      });
    },
  },
];
