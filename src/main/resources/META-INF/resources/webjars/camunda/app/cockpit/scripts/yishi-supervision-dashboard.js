/*
 * Yishi: 督办看板, the dispatch centre's supervisor dashboard in Cockpit (Camunda 7.24 frontend plugins).
 *
 * config.js lists this file in customScripts; Cockpit imports it as an ES module and registers every plugin of
 * the default export. Each plugin's render(node, {api}) gets an empty element to fill. Three plugins:
 *   - cockpit.navigation: the header entry 督办看板;
 *   - cockpit.route:      the dashboard itself at #/yishi-supervision;
 *   - cockpit.dashboard:  a one-line summary with a link at the top of Cockpit's start page.
 *
 * Data comes from the project's /api with the Cockpit login (the session cookie; /api accepts the webapps'
 * session for GET requests, see WebappSessionAuthenticationProvider). Only the dispatch centre and administrators
 * may read it: for anybody else /api answers 403, and every plugin hides itself.
 *
 *   GET /api/reports/current           the running month: figures and the three rates per community and unit
 *   GET /api/supervision/overdue       items past their deadline now, grouped by responsible unit
 *   GET /api/supervision/listed        items under listed supervision (挂牌督办)
 *   GET /api/reports/latest            the latest approved month: the red and black board in force
 *   GET /api/reports/trend?months=6    cases received and resolved per month
 *
 * Everything is built with DOM nodes and textContent (titles come from residents), no library, no CDN.
 */

// The webapps live at <context>/camunda (app-root); the project's API at <context>/api.
const APP_ROOT = (document.querySelector('base') || { getAttribute: () => '/camunda' }).getAttribute('app-root') || '/camunda';
const API = APP_ROOT.replace(/\/[^/]*$/, '') + '/api';
const ROUTE = '/yishi-supervision';
const TREND_MONTHS = 6;

class Refused extends Error {
  constructor(status) {
    super('HTTP ' + status);
    this.status = status;
  }
}

async function get(path) {
  const response = await fetch(API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Refused(response.status);
  }
  return response.json();
}

// whether the logged-in user may see the dashboard (asked at each render: another user may log in without a reload)
function mayRead() {
  return get('/supervision/listed').then(() => true, () => false);
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : (Math.round(rate * 1000) / 10) + '%';
}

function dateTime(iso) {
  if (!iso) {
    return '—';
  }
  return new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hour12: false,
  });
}

// headers from index numericFrom on are right-aligned like their numbers
function table(headers, rows, attributes, numericFrom) {
  return el('table', Object.assign({ class: 'table table-striped table-condensed yishi-table' }, attributes || {}),
    el('thead', null, el('tr', null, headers.map((h, i) =>
      el('th', { class: numericFrom !== undefined && i >= numericFrom ? 'num' : null }, h)))),
    el('tbody', null, rows));
}

function empty(text) {
  return el('p', { class: 'yishi-empty' }, text);
}

function section(id, title, ...content) {
  return el('section', { id, class: 'yishi-section' }, el('h3', null, title), content);
}

const STYLE = `
.yishi-board { padding: 10px 20px 40px; }
.yishi-board h2 { margin-top: 10px; }
.yishi-board .yishi-sub { color: #666; }
.yishi-section { margin-top: 24px; }
.yishi-section h3 { border-bottom: 2px solid #b5152b; padding-bottom: 4px; }
.yishi-section h4 { margin-top: 14px; }
.yishi-table td.num, .yishi-table th.num { text-align: right; }
.yishi-empty { color: #777; font-style: italic; }
.yishi-columns { display: flex; flex-wrap: wrap; gap: 24px; }
.yishi-columns > div { flex: 1 1 380px; min-width: 320px; }
.yishi-red h4 { color: #b5152b; }
.yishi-black h4 { color: #222; }
.yishi-listed { color: #b5152b; font-weight: bold; }
.yishi-legend span { display: inline-block; margin-right: 16px; }
.yishi-legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
`;

function ratesTable(rows, total, id, firstHeader) {
  const headers = [firstHeader, '收件', '受理', '办结', '未办结', '逾期', '响应率', '解决率', '满意率'];
  const line = (row, isTotal) => el('tr', { 'data-code': row.code, class: isTotal ? 'yishi-total' : null },
    el('td', null, isTotal ? '合计' : (row.name || row.code)),
    el('td', { class: 'num', 'data-figure': 'received' }, row.received),
    el('td', { class: 'num' }, row.accepted),
    el('td', { class: 'num', 'data-figure': 'resolved' }, row.resolved),
    el('td', { class: 'num' }, row.pending),
    el('td', { class: 'num' }, row.overdue),
    el('td', { class: 'num', 'data-figure': 'responseRate' }, percent(row.responseRate)),
    el('td', { class: 'num', 'data-figure': 'resolutionRate' }, percent(row.resolutionRate)),
    el('td', { class: 'num', 'data-figure': 'satisfactionRate' }, percent(row.satisfactionRate)));
  const body = rows.map(r => line(r, false));
  if (total) {
    body.push(line(total, true));
  }
  return table(headers, body, { id }, 1);
}

function ratesSection(current) {
  return section('yishi-rates', '本月三率（' + current.month + '，截至 ' + dateTime(current.computedAt) + '）',
    el('p', { class: 'yishi-sub' },
      '响应率 = 按时响应 ÷ 收件；解决率 = 办结 ÷（办结 + 未办结）；满意率 = 3 分及以上的评价 ÷ 评价数。无分母时显示 —。'),
    el('p', null, '全县本月收件 ', el('strong', { id: 'yishi-total-received' }, current.total.received),
      ' 件，办结 ', el('strong', { id: 'yishi-total-resolved' }, current.total.resolved), ' 件。'),
    el('h4', null, '按社区'),
    ratesTable(current.communities, current.total, 'yishi-rates-communities', '社区'),
    el('h4', null, '按责任单位'),
    ratesTable(current.units, null, 'yishi-rates-units', '责任单位'));
}

function overdueSection(units) {
  const count = units.reduce((sum, u) => sum + u.count, 0);
  return section('yishi-overdue', '逾期事项（按责任单位，共 ' + count + ' 件）',
    units.length === 0 ? empty('目前没有逾期事项。') : units.map(unit => el('div', { class: 'yishi-unit', 'data-unit': unit.unit },
      el('h4', null, (unit.unitName || unit.unit) + '：' + unit.count + ' 件'),
      table(['办件编号', '标题', '社区', '办理期限', '逾期天数', '挂牌督办'], unit.items.map(item => el('tr', null,
        el('td', null, item.caseNo),
        el('td', null, item.type === 'ITEM' ? item.title + '（决议事项：' + item.measure + '）' : item.title),
        el('td', null, item.communityName || item.community),
        el('td', null, dateTime(item.deadline)),
        el('td', { class: 'num' }, item.daysOverdue + ' 天'),
        el('td', { class: item.listed ? 'yishi-listed' : null }, item.listed ? '已挂牌' : '—')))))));
}

function listedSection(items) {
  return section('yishi-listed', '挂牌督办（' + items.length + ' 件）',
    items.length === 0 ? empty('目前没有挂牌督办的事项。') : table(['办件编号', '标题', '社区', '责任单位', '挂牌时间'],
      items.map(item => el('tr', null,
        el('td', null, item.caseNo || '—'),
        el('td', null, item.title),
        el('td', null, item.communityName || item.community),
        el('td', null, item.unitName || item.unit),
        el('td', null, dateTime(item.listedAt))))));
}

function boardList(places, cssClass, title) {
  return el('div', { class: cssClass }, el('h4', null, title),
    places.length === 0 ? empty('无') : el('ol', null, places.map(p => el('li', null,
      el('strong', null, p.unitName || p.unit), '：', p.reason))));
}

function boardSection(latest, current) {
  if (latest) {
    return section('yishi-board-red-black', '红黑榜（' + latest.month + '，已审定）',
      el('div', { class: 'yishi-columns' },
        boardList(latest.red, 'yishi-red', '红榜'), boardList(latest.black, 'yishi-black', '黑榜')));
  }
  return section('yishi-board-red-black', '红黑榜',
    empty('尚无审定的月调度报告。以下为本月（' + current.month + '）按目前数据的暂定排名，以月调度审定结果为准。'),
    el('div', { class: 'yishi-columns' },
      boardList(current.red, 'yishi-red', '红榜（暂定）'), boardList(current.black, 'yishi-black', '黑榜（暂定）')));
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = String(text);
  }
  return node;
}

// a grouped bar chart: received (blue) and resolved (green) per month, inline SVG
function trendChart(trend) {
  const width = 720, height = 260, left = 40, bottom = 30, top = 20;
  const plotHeight = height - top - bottom;
  // an even top of the scale, so that the three grid lines (0, half, top) are whole numbers
  const highest = Math.max(...trend.points.map(p => Math.max(p.received, p.resolved)));
  const max = Math.max(2, Math.ceil(highest / 2) * 2);
  const step = (width - left - 10) / trend.points.length;
  const bar = Math.min(28, step / 3);
  const chart = svg('svg', { id: 'yishi-trend-chart', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-label': '近 ' + trend.months + ' 个月收件与办结趋势', style: 'max-width: 760px' });
  chart.appendChild(svg('line', { x1: left, y1: top + plotHeight, x2: width - 5, y2: top + plotHeight, stroke: '#999' }));
  [0, 0.5, 1].forEach(f => {
    const y = top + plotHeight - f * plotHeight;
    chart.appendChild(svg('line', { x1: left, y1: y, x2: width - 5, y2: y, stroke: '#eee' }));
    chart.appendChild(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#666' },
      Math.round(f * max)));
  });
  trend.points.forEach((p, i) => {
    const x = left + i * step + step / 2;
    [[p.received, '#2f6db5', -bar - 1, '收件'], [p.resolved, '#2e8b57', 1, '办结']].forEach(([value, color, dx, label]) => {
      const h = value / max * plotHeight;
      const rect = svg('rect', { x: x + dx, y: top + plotHeight - h, width: bar, height: h, fill: color,
        'data-month': p.month, 'data-series': label });
      rect.appendChild(svg('title', {}, p.month + ' ' + label + ' ' + value + ' 件'));
      chart.appendChild(rect);
      chart.appendChild(svg('text', { x: x + dx + bar / 2, y: top + plotHeight - h - 3, 'text-anchor': 'middle',
        'font-size': 11 }, value));
    });
    chart.appendChild(svg('text', { x, y: height - 10, 'text-anchor': 'middle', 'font-size': 12 },
      p.month.replace(/^(\d{4})-(\d{2})$/, '$1年$2月')));
  });
  return chart;
}

function trendSection(trend) {
  return section('yishi-trend', '收件与办结趋势（近 ' + trend.months + ' 个月）',
    el('p', { class: 'yishi-legend' },
      el('span', null, el('i', { style: 'background:#2f6db5' }), '收件'),
      el('span', null, el('i', { style: 'background:#2e8b57' }), '办结')),
    trendChart(trend));
}

function denied(node) {
  node.replaceChildren(el('div', { class: 'yishi-board' }, el('h2', null, '督办看板'),
    el('p', { class: 'alert alert-warning', id: 'yishi-denied' }, '只有调度中心和管理员可以查看督办看板。')));
}

async function renderDashboard(node) {
  node.replaceChildren(el('style', null, STYLE),
    el('div', { class: 'yishi-board' }, el('h2', null, '督办看板'), el('p', { class: 'yishi-sub' }, '正在加载……')));
  let data;
  try {
    const [current, overdue, listed, latest, trend] = await Promise.all([get('/reports/current'),
      get('/supervision/overdue'), get('/supervision/listed'), get('/reports/latest'),
      get('/reports/trend?months=' + TREND_MONTHS)]);
    data = { current, overdue, listed, latest, trend };
  } catch (e) {
    if (e instanceof Refused && (e.status === 401 || e.status === 403)) {
      denied(node);
      return;
    }
    node.replaceChildren(el('div', { class: 'yishi-board' }, el('h2', null, '督办看板'),
      el('p', { class: 'alert alert-danger' }, '督办看板加载失败，请稍后刷新页面重试。（' + e.message + '）')));
    return;
  }
  node.replaceChildren(el('style', null, STYLE), el('div', { class: 'yishi-board', id: 'yishi-supervision-dashboard' },
    el('h2', null, '督办看板'),
    el('p', { class: 'yishi-sub' }, '调度中心：本月三率、逾期事项、挂牌督办、红黑榜和收件办结趋势。数据来自办件台账，不含群众个人信息。'),
    ratesSection(data.current),
    overdueSection(data.overdue),
    listedSection(data.listed),
    boardSection(data.latest, data.current),
    trendSection(data.trend)));
}

// Supervisors open Cockpit for the dashboard: its summary goes above Cockpit's own figures on the start page.
function showFirst(node) {
  const host = node.closest('section.deprecate');
  const page = host && host.parentNode;
  if (page && page.firstElementChild !== host) {
    page.insertBefore(host, page.firstElementChild);
  }
}

export default [
  {
    id: 'yishi.supervision.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {
      pagePath: '#' + ROUTE,
      label: '督办看板',
      checkActive: path => path.indexOf('#' + ROUTE) > -1,
    },
    render: (node) => {
      // Cockpit renders into a detached element and then puts it into the header's <li>
      node.style.display = 'none';
      mayRead().then(allowed => {
        const item = node.closest('li');
        if (allowed) {
          node.replaceChildren(el('a', { href: '#' + ROUTE, id: 'yishi-supervision-link' }, '督办看板'));
          node.style.display = '';
        } else if (item) {
          item.style.display = 'none';
        }
      });
    },
  },
  {
    id: 'yishi.supervision.route',
    pluginPoint: 'cockpit.route',
    properties: {
      path: ROUTE,
      label: '督办看板',
    },
    render: (node) => {
      renderDashboard(node);
    },
  },
  {
    id: 'yishi.supervision.summary',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node) => {
      node.style.display = 'none';
      mayRead().then(async allowed => {
        if (!allowed) {
          // Cockpit puts dashboard plugins into a section 自定义插件; hide it too when this is its only plugin
          const host = node.closest('section.deprecate');
          if (host && host.querySelectorAll('.deprecate-dashboard-view').length === 1) {
            host.style.display = 'none';
          }
          return;
        }
        try {
          const [overdue, listed] = await Promise.all([get('/supervision/overdue'), get('/supervision/listed')]);
          const count = overdue.reduce((sum, u) => sum + u.count, 0);
          node.replaceChildren(el('section', { class: 'yishi-summary', id: 'yishi-supervision-summary' },
            el('h3', { class: 'section-title' }, '督办看板'),
            el('p', null, '目前逾期事项 ', el('strong', null, count), ' 件（', overdue.length, ' 个责任单位），挂牌督办 ',
              el('strong', null, listed.length), ' 件。 ', el('a', { href: '#' + ROUTE }, '打开督办看板 »'))));
          node.style.display = '';
          showFirst(node);
        } catch (e) {
          console.warn('yishi: the supervision summary could not be loaded', e);
        }
      });
    },
  },
];
