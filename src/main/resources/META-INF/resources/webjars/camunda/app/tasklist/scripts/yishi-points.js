/*
 * Yishi: 积分管理 in Tasklist (a button in the header, plugin point tasklist.navbar.action), for the staff of a
 * community's points (积分): the community committee (社区两委) keeps the residents on the ledger with their consent to
 * publish the name, the rules (积分细则) and the shop's items (积分超市), and corrects entries by counter-entries; the
 * shop keeper records redemptions; proposers look up a resident's number and a rule's code for the start form
 * 积分申报. Awards themselves are proposed and approved in Tasklist (process 积分申报).
 *
 *   GET  /api/points                               the communities in which the caller has a points role
 *   GET  /api/points/{c}                           rules, items, persons and what the caller may do
 *   GET  /api/points/{c}/persons/{id}/entries      a person's ledger
 *   POST /api/points/{c}/persons, PUT …/{id}       residents (committee)
 *   PUT  /api/points/{c}/rules/{code}              rules (committee)
 *   POST /api/points/{c}/items, PUT …/{id}         shop items (committee)
 *   POST /api/points/{c}/corrections               a counter-entry (committee)
 *   POST /api/points/{c}/redemptions               a redemption (shop keeper), with a request key per click
 *
 * Requests go with the webapp session and Camunda's CSRF token (X-XSRF-TOKEN), see yishi-staff-common.js. Built with
 * DOM nodes and textContent only.
 */

import { api, dialogCss, el, headerLink, messageOf, openDialog } from './yishi-staff-common.js';

const ROLES = [['points-officers', '院坝长、积分评议员'], ['grid', '网格员'], ['community', '社区两委']];
const KINDS = { AWARD: '加分', REDEMPTION: '兑换', CORRECTION: '更正' };

const STYLE = dialogCss({ top: '5vh', width: '1000px', height: '90vh', padding: '20px 24px' }) + `
.yishi-dialog h4 { margin-top: 18px; }
.yishi-points-tabs { margin: 10px 0; }
.yishi-points-tabs button { margin-right: 6px; }
.yishi-points-form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; background: #f7f7f7; padding: 10px; border-radius: 4px; }
.yishi-points-form label { display: flex; flex-direction: column; font-weight: normal; margin: 0; }
.yishi-points-form input[type=text], .yishi-points-form input[type=number], .yishi-points-form select { min-width: 120px; }
.yishi-points-message { margin: 10px 0; }
.yishi-hint { color: #777; font-size: 12px; }
`;

function field(label, input) {
  return el('label', null, label, input);
}

function requestKey() {
  if (window.crypto && window.crypto.randomUUID) {
    return window.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}

function table(id, headers, rows) {
  return el('table', { class: 'table table-striped table-condensed', id },
    el('thead', null, el('tr', null, headers.map(h => el('th', null, h)))),
    el('tbody', null, rows));
}

class PointsDialog {
  constructor() {
    this.message = el('div', { class: 'yishi-points-message', id: 'yishi-points-message', role: 'status' });
    this.body = el('div', null, el('p', null, '加载中……'));
    this.tab = null;
  }

  show(kind, text) {
    this.message.replaceChildren(text ? el('div', { class: 'alert alert-' + kind }, text) : '');
  }

  async open() {
    this.select = el('select', { class: 'form-control', id: 'yishi-points-community', style: 'display:inline-block;width:auto' });
    openDialog({ overlayId: 'yishi-points', style: STYLE },
      el('h3', null, '积分管理'),
      el('div', null, '社区（村）：', this.select),
      this.message, this.body,
      el('div', { style: 'text-align:right;margin-top:16px' },
        el('button', { type: 'button', class: 'btn btn-default yishi-close' }, '关闭')));
    const reply = await api('GET', '/points');
    if (!reply.ok) {
      this.body.replaceChildren(el('p', { class: 'alert alert-danger' }, messageOf(reply)));
      return;
    }
    if (!reply.json.length) {
      this.body.replaceChildren(el('p', { class: 'yishi-hint' }, '您在任何社区（村）都没有积分工作的角色。'));
      return;
    }
    reply.json.forEach(c => this.select.appendChild(el('option', { value: c.code }, c.name)));
    this.select.addEventListener('change', () => this.load());
    await this.load();
  }

  async load() {
    this.community = this.select.value;
    const reply = await api('GET', '/points/' + encodeURIComponent(this.community));
    if (!reply.ok) {
      this.body.replaceChildren(el('p', { class: 'alert alert-danger' }, messageOf(reply)));
      return;
    }
    this.data = reply.json;
    this.render();
  }

  // draws the tabs and the chosen tab from the data loaded last
  render() {
    const tabs = [];
    if (this.data.redeems) {
      tabs.push(['redeem', '积分兑换']);
    }
    tabs.push(['persons', '积分对象'], ['rules', '积分规则'], ['items', '积分超市商品']);
    if (!this.tab || !tabs.some(t => t[0] === this.tab)) {
      this.tab = tabs[0][0];
    }
    const bar = el('div', { class: 'yishi-points-tabs' }, tabs.map(([key, label]) => {
      const b = el('button', { type: 'button', class: 'btn ' + (key === this.tab ? 'btn-primary' : 'btn-default'),
        id: 'yishi-points-tab-' + key }, label);
      b.addEventListener('click', () => {
        this.tab = key;
        this.show();
        this.render();
      });
      return b;
    }));
    const content = this[this.tab]();
    this.body.replaceChildren(bar, content,
      el('p', { class: 'yishi-hint' }, '公开的红色积分表：/public/points?community=' + this.community));
  }

  redeem() {
    const persons = el('select', { class: 'form-control', id: 'yishi-redeem-person' },
      el('option', { value: '' }, '请选择居民'),
      this.data.persons.map(p => el('option', { value: p.id }, p.id + ' ' + p.name + (p.compound ? '（' + p.compound + '）' : '') + ' · 余额 ' + p.balance)));
    const items = el('select', { class: 'form-control', id: 'yishi-redeem-item' },
      el('option', { value: '' }, '请选择商品'),
      this.data.items.filter(i => i.active).map(i => el('option', { value: i.id }, i.name + ' · ' + i.price + ' 分 · 库存 ' + i.stock)));
    const quantity = el('input', { type: 'number', class: 'form-control', id: 'yishi-redeem-quantity', min: 1, max: 100, value: 1 });
    const submit = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-redeem-submit' }, '兑换');
    let key = requestKey();
    [persons, items, quantity].forEach(i => i.addEventListener('change', () => { key = requestKey(); }));
    submit.addEventListener('click', async () => {
      submit.disabled = true;
      const reply = await api('POST', '/points/' + encodeURIComponent(this.community) + '/redemptions', {
        personId: persons.value ? Number(persons.value) : null, itemId: items.value ? Number(items.value) : null,
        quantity: quantity.value === '' ? null : Number(quantity.value), requestKey: key });
      submit.disabled = false;
      if (reply.ok) {
        key = requestKey();
        const r = reply.json;
        await this.load();
        this.show('success', '已兑换：' + r.itemName + ' × ' + r.quantity + '，扣减 ' + r.points + ' 分，余额 ' + r.balance + ' 分。');
      } else {
        this.show('danger', '未兑换：' + messageOf(reply));
      }
    });
    return el('div', null,
      el('p', null, '核对居民身份后登记兑换：余额和库存在同一事务中检查并扣减，余额或库存不足时不兑换。'),
      el('div', { class: 'yishi-points-form' }, field('居民', persons), field('商品', items), field('数量', quantity), submit));
  }

  persons() {
    const rows = this.data.persons.map(p => {
      const ledger = el('button', { type: 'button', class: 'btn btn-xs btn-default' }, '台账');
      ledger.addEventListener('click', () => this.ledger(p));
      const cells = [el('td', null, p.id), el('td', null, p.name), el('td', null, p.compound || ''),
        el('td', null, p.household || ''), el('td', null, p.publishName ? '同意' : '不同意'), el('td', null, p.pseudonym),
        el('td', null, p.balance), el('td', null, ledger)];
      if (this.data.maintains) {
        const consent = el('button', { type: 'button', class: 'btn btn-xs btn-default' }, p.publishName ? '撤回公示同意' : '登记公示同意');
        consent.addEventListener('click', async () => {
          const reply = await api('PUT', '/points/' + encodeURIComponent(this.community) + '/persons/' + p.id, {
            name: p.name, household: p.household, compound: p.compound, pseudonym: p.pseudonym, publishName: !p.publishName });
          await this.load();
          this.show(reply.ok ? 'success' : 'danger', reply.ok ? '已更新公示意愿。' : messageOf(reply));
        });
        cells[7].appendChild(document.createTextNode(' '));
        cells[7].appendChild(consent);
      }
      return el('tr', { 'data-person-id': p.id }, cells);
    });
    const parts = [el('p', { class: 'yishi-hint' }, '姓名、户和院坝属个人信息，仅本社区（村）积分工作人员可见；红色积分表只公示同意公示者的姓名，其余显示化名。'),
      table('yishi-points-persons', ['编号', '姓名', '院坝/小区', '户', '公示姓名', '化名', '余额', ''], rows)];
    if (this.data.maintains) {
      const name = el('input', { type: 'text', class: 'form-control', id: 'yishi-person-name', maxlength: 32 });
      const compound = el('input', { type: 'text', class: 'form-control', id: 'yishi-person-compound', maxlength: 64 });
      const household = el('input', { type: 'text', class: 'form-control', id: 'yishi-person-household', maxlength: 64 });
      const publish = el('input', { type: 'checkbox', id: 'yishi-person-publish' });
      const add = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-person-add' }, '登记');
      add.addEventListener('click', async () => {
        const reply = await api('POST', '/points/' + encodeURIComponent(this.community) + '/persons', {
          name: name.value, compound: compound.value, household: household.value, publishName: publish.checked });
        if (reply.ok) {
          await this.load();
        }
        this.show(reply.ok ? 'success' : 'danger', reply.ok ? '已登记，编号 ' + reply.json.id + '，化名 ' + reply.json.pseudonym + '。' : messageOf(reply));
      });
      parts.push(el('h4', null, '登记居民'), el('div', { class: 'yishi-points-form' }, field('姓名', name), field('院坝/小区', compound),
        field('户（门牌）', household), el('label', null, el('span', null, publish, ' 本人同意公示姓名')), add));
    }
    this.ledgerBox = el('div', { id: 'yishi-points-ledger' });
    parts.push(this.ledgerBox);
    return el('div', null, parts);
  }

  async ledger(person) {
    const reply = await api('GET', '/points/' + encodeURIComponent(this.community) + '/persons/' + person.id + '/entries');
    if (!reply.ok) {
      this.show('danger', messageOf(reply));
      return;
    }
    const rows = reply.json.map(e => {
      const cells = [el('td', null, dateTime(e.recordedAt)), el('td', null, KINDS[e.kind] || e.kind),
        el('td', null, (e.points > 0 ? '+' : '') + e.points), el('td', null, e.reason), el('td', null, e.recordedBy)];
      if (this.data.maintains) {
        const correct = el('button', { type: 'button', class: 'btn btn-xs btn-default' }, '更正');
        correct.addEventListener('click', () => this.correction(person, e));
        cells.push(el('td', null, correct));
      }
      return el('tr', { 'data-entry-id': e.id }, cells);
    });
    this.ledgerBox.replaceChildren(el('h4', null, '积分台账：' + person.name + '（余额 ' + person.balance + ' 分）'),
      el('p', { class: 'yishi-hint' }, '台账只增不改；记错时以更正记录冲正，并写明理由。'),
      rows.length ? table('yishi-points-entries', ['时间', '类别', '分值', '事由', '记录人'], rows) : el('p', null, '暂无记录。'),
      el('div', { id: 'yishi-points-correction' }));
  }

  correction(person, entry) {
    const points = el('input', { type: 'number', class: 'form-control', id: 'yishi-correction-points', value: -entry.points });
    const reason = el('input', { type: 'text', class: 'form-control', id: 'yishi-correction-reason', maxlength: 200, size: 40 });
    const submit = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-correction-submit' }, '记更正');
    submit.addEventListener('click', async () => {
      const reply = await api('POST', '/points/' + encodeURIComponent(this.community) + '/corrections', {
        entryId: entry.id, points: points.value === '' ? null : Number(points.value), reason: reason.value });
      if (reply.ok) {
        await this.load();
        this.tab = 'persons';
      }
      this.show(reply.ok ? 'success' : 'danger', reply.ok ? '已记更正。' : messageOf(reply));
    });
    document.getElementById('yishi-points-correction').replaceChildren(el('h4', null, '更正：' + entry.reason),
      el('div', { class: 'yishi-points-form' }, field('更正分值（负数为扣回）', points), field('更正理由', reason), submit));
  }

  rules() {
    const rows = this.data.rules.map(r => el('tr', { 'data-rule-code': r.code }, el('td', null, r.code), el('td', null, r.reason),
      el('td', null, r.points), el('td', null, r.awardedByLabel), el('td', null, r.active ? '在用' : '停用')));
    const parts = [el('p', { class: 'yishi-hint' }, '申报加分时在「积分申报」表单中填写规则代码；谁可以申报由规则规定。'),
      table('yishi-points-rules', ['代码', '加分事由', '分值', '谁可以申报', '状态'], rows)];
    if (this.data.maintains) {
      const code = el('input', { type: 'text', class: 'form-control', id: 'yishi-rule-code', maxlength: 32, placeholder: '如 land-for-road' });
      const reason = el('input', { type: 'text', class: 'form-control', id: 'yishi-rule-reason', maxlength: 100, size: 36 });
      const points = el('input', { type: 'number', class: 'form-control', id: 'yishi-rule-points', min: 1, max: 1000 });
      const roles = ROLES.map(([value, label]) => el('label', null, el('span', null,
        el('input', { type: 'checkbox', value, class: 'yishi-rule-role' }), ' ' + label)));
      const active = el('input', { type: 'checkbox', id: 'yishi-rule-active', checked: true });
      const save = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-rule-save' }, '保存规则');
      save.addEventListener('click', async () => {
        const reply = await api('PUT', '/points/' + encodeURIComponent(this.community) + '/rules/' + encodeURIComponent(code.value.trim()), {
          reason: reason.value, points: points.value === '' ? null : Number(points.value),
          awardedBy: roles.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value), active: active.checked });
        if (reply.ok) {
          await this.load();
        }
        this.show(reply.ok ? 'success' : 'danger', reply.ok ? '已保存规则。' : messageOf(reply));
      });
      parts.push(el('h4', null, '新增或修改规则（同一代码即修改）'), el('div', { class: 'yishi-points-form' }, field('代码', code),
        field('加分事由', reason), field('分值', points), roles, el('label', null, el('span', null, active, ' 在用')), save));
    }
    return el('div', null, parts);
  }

  items() {
    const rows = this.data.items.map(i => {
      const cells = [el('td', null, i.name), el('td', null, i.price), el('td', null, i.stock), el('td', null, i.active ? '在售' : '下架')];
      if (this.data.maintains) {
        const stock = el('input', { type: 'number', class: 'form-control input-sm', min: 0, value: i.stock, style: 'width:90px;display:inline-block' });
        const save = el('button', { type: 'button', class: 'btn btn-xs btn-default' }, '改库存');
        const toggle = el('button', { type: 'button', class: 'btn btn-xs btn-default' }, i.active ? '下架' : '上架');
        const put = async (body, done) => {
          const reply = await api('PUT', '/points/' + encodeURIComponent(this.community) + '/items/' + i.id, body);
          if (reply.ok) {
            await this.load();
          }
          this.show(reply.ok ? 'success' : 'danger', reply.ok ? done : messageOf(reply));
        };
        save.addEventListener('click', () => put({ name: i.name, price: i.price, active: i.active,
          stock: stock.value === '' ? null : Number(stock.value) }, '已更新库存。'));
        toggle.addEventListener('click', () => put({ name: i.name, price: i.price, stock: i.stock, active: !i.active }, '已更新。'));
        cells.push(el('td', null, stock, ' ', save, ' ', toggle));
      }
      return el('tr', { 'data-item-id': i.id }, cells);
    });
    const parts = [table('yishi-points-items', ['商品', '兑换积分', '库存', '状态'], rows)];
    if (this.data.maintains) {
      const name = el('input', { type: 'text', class: 'form-control', id: 'yishi-item-name', maxlength: 60 });
      const price = el('input', { type: 'number', class: 'form-control', id: 'yishi-item-price', min: 1 });
      const stock = el('input', { type: 'number', class: 'form-control', id: 'yishi-item-stock', min: 0 });
      const add = el('button', { type: 'button', class: 'btn btn-primary', id: 'yishi-item-add' }, '上架');
      add.addEventListener('click', async () => {
        const reply = await api('POST', '/points/' + encodeURIComponent(this.community) + '/items', {
          name: name.value, price: price.value === '' ? null : Number(price.value), stock: stock.value === '' ? null : Number(stock.value) });
        if (reply.ok) {
          await this.load();
        }
        this.show(reply.ok ? 'success' : 'danger', reply.ok ? '已上架。' : messageOf(reply));
      });
      parts.push(el('h4', null, '上架新商品'), el('div', { class: 'yishi-points-form' }, field('商品名称', name),
        field('兑换积分', price), field('库存', stock), add));
    }
    return el('div', null, parts);
  }
}

export default [
  {
    id: 'yishi.points',
    pluginPoint: 'tasklist.navbar.action',
    priority: 250,
    render: (node) => {
      node.replaceChildren(headerLink({ id: 'yishi-points-link', title: '积分对象、积分规则、积分超市和兑换', icon: 'star',
        label: '积分管理' }, () => new PointsDialog().open()));
    },
  },
];
