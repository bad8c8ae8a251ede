// The staff's journey in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node staff-journey.js intake    <baseUrl> <title>            grid.hualin starts 登记群众诉求 in Tasklist
//   node staff-journey.js outsider  <baseUrl> <caseNo> <taskId>  community.shengdian cannot see, claim or complete it
//   node staff-journey.js review    <baseUrl> <caseNo>           community.hualin: 本组待办 → claim → 前置把关 (承诺件, 县住建局)
//   node staff-journey.js handle    <baseUrl> <caseNo>           unit.housing: claim → 办理 (已办结)
//   node staff-journey.js dashboard <baseUrl> <caseNo>           dispatch: Cockpit → 督办看板 counts the case
// Run by StaffJourneyIT, which starts the application and checks the database between the steps. Screenshots go
// to target/screenshots/.
const { SHOTS, PASSWORD, expect, desktop } = require('./harness');

const [, , step, ...args] = process.argv;

// keeps the page as it was when a step failed (target/screenshots/failed-<step>.png), then fails
async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

// The webapps' login page, in Chinese; then the app's own page, in Chinese as well.
async function login(page, baseUrl, app, user) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  // the form is usable once its translations are in: the button reads 登录
  await page.locator('form[name=signinForm] button[type=submit]', { hasText: '登录' }).waitFor();
  await page.waitForLoadState('networkidle');
  const username = page.locator('form[name=signinForm] input[type=text]');
  const password = page.locator('form[name=signinForm] input[type=password]');
  expect(await username.getAttribute('placeholder') === '用户名', `${app}: the login page is not in Chinese`);
  expect(await password.getAttribute('placeholder') === '密码', `${app}: the login page is not in Chinese`);
  await username.fill(user);
  await password.fill(PASSWORD);
  expect(await username.inputValue() === user && await password.inputValue() === PASSWORD,
    `${app}: the login form did not keep what was typed`);
  await page.click('form[name=signinForm] button[type=submit]');
  await page.locator('form[name=signinForm]').waitFor({ state: 'detached' });
  await page.getByText('退出登录', { exact: false }).first().waitFor({ state: 'attached' });
}

// A field of a Camunda Form (form-js) by its Chinese label.
function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

async function fill(scope, label, value) {
  const f = field(scope, label);
  const input = f.locator('textarea, input:not([type=hidden])').first();
  await input.fill(value);
}

// form-js selects are not native <select>s: open the list, pick the option by its label.
async function choose(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-input-group').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
  const shown = await selectedOf(scope, label);
  expect(shown.includes(optionLabel), `${label}: chose ${optionLabel} but the form shows ${shown}`);
}

// the option shown: a plain select displays it, a searchable one has it in its input
async function selectedOf(scope, label) {
  const f = field(scope, label);
  if (await f.locator('.fjs-select-display').count() > 0) {
    return (await f.locator('.fjs-select-display').first().textContent()).trim();
  }
  return (await f.locator('input').first().inputValue()).trim();
}

// Tasklist: a filter in the left column, then the case's task in the list.
async function openFilter(page, filterName) {
  await page.locator('.task-filters .content h4 a', { hasText: filterName }).first().click();
  await page.waitForLoadState('networkidle');
  await page.locator('[cam-tasks]').first().waitFor();
}

async function openTask(page, filterName, caseNo) {
  await openFilter(page, filterName);
  const card = page.locator('[cam-tasks] .tasks-list li', { hasText: caseNo }).first();
  await card.waitFor();
  await card.locator('a').first().click();
  await page.locator('section.task-details', { hasText: caseNo }).first().waitFor();
}

async function claim(page) {
  await page.locator('section.task-details button.claim').first().click();
  await page.locator('section.task-details button.unclaim').first().waitFor();
}

// completes the open task form; Tasklist then closes the task (its details no longer show the case)
async function completeForm(page, caseNo) {
  await page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last().click();
  await page.locator('section.task-details', { hasText: caseNo }).first().waitFor({ state: 'detached' });
  await page.locator('section.task-details', { hasText: '请在列表中选择一个任务。' }).first().waitFor();
}

async function intake(baseUrl, title) {
  const { browser, page } = await desktop();
  try {
    await login(page, baseUrl, 'tasklist', 'grid.hualin');
    const start = page.locator('.start-process-action a').first();
    await start.waitFor();
    await shot(page, '01-tasklist-grid-worker');
    await start.click();
    const modal = page.locator('.modal-dialog');
    await modal.getByText('点击要发起的流程。').first().waitFor();
    await modal.locator('a', { hasText: '诉求办理' }).first().click();
    await field(modal, '诉求标题').waitFor();
    expect(await selectedOf(modal, '来源渠道') === '网格员走访', 'the channel is not preset to 网格员走访');
    await choose(modal, '诉求类别', '道路维修');
    await choose(modal, '所在社区', '华林社区');
    await choose(modal, '小区', '华林社区 御苑小区');
    await fill(modal, '诉求标题', title);
    await fill(modal, '诉求内容', '御苑小区东门道路塌陷约两平方米，雨天积水，老人出行不便。');
    await fill(modal, '涉及户数', '12');
    await shot(page, '02-intake-form');
    await modal.locator('button', { hasText: '开始' }).last().click();
    await page.getByText('流程已发起。').first().waitFor();
    await shot(page, '03-intake-started');
    console.log('INTAKE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function outsider(baseUrl, caseNo, taskId) {
  const { browser, page } = await desktop();
  try {
    await login(page, baseUrl, 'tasklist', 'community.shengdian');
    await openFilter(page, '本组待办');
    const list = await page.locator('[cam-tasks]').first().textContent();
    expect(!list.includes(caseNo), `community.shengdian sees ${caseNo} in 本组待办`);
    await shot(page, '04-outsider-group-tasks');
    // what a curious user could try from the page: Tasklist's own REST calls with the session and its XSRF token
    const tried = await page.evaluate(async ({ taskId, caseNo }) => {
      const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
      const engine = '/camunda/api/engine/engine/default';
      const headers = { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token, Accept: 'application/json' };
      const status = async (method, url, body) => (await fetch(url, { method, headers, body, credentials: 'same-origin' })).status;
      const query = await fetch(`${engine}/task?processInstanceBusinessKey=${caseNo}&firstResult=0&maxResults=50`, { headers });
      const list = await query.json();
      return {
        listed: query.status === 200 && Array.isArray(list) ? list.length : 'HTTP ' + query.status,
        open: await status('GET', `${engine}/task/${taskId}/form`),
        claim: await status('POST', `${engine}/task/${taskId}/claim`, JSON.stringify({ userId: 'community.shengdian' })),
        complete: await status('POST', `${engine}/task/${taskId}/complete`, JSON.stringify({ variables: {} })),
        dashboard: await status('GET', '/api/supervision/overdue'),
      };
    }, { taskId, caseNo });
    expect(tried.listed === 0, 'the task list shows another community\'s task: ' + JSON.stringify(tried));
    expect(tried.open === 403 || tried.open === 404, 'the task form opened: ' + JSON.stringify(tried));
    expect(tried.claim === 403 || tried.claim === 404, 'the task was claimed: ' + JSON.stringify(tried));
    expect(tried.complete === 403 || tried.complete === 404, 'the task was completed: ' + JSON.stringify(tried));
    expect(tried.dashboard === 403, 'the dashboard API did not refuse: ' + JSON.stringify(tried));
    console.log('OUTSIDER_REFUSED ' + JSON.stringify(tried));
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function review(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await login(page, baseUrl, 'tasklist', 'community.hualin');
    await openTask(page, '本组待办', caseNo);
    await shot(page, '05-review-group-tasks');
    await claim(page);
    const form = page.locator('section.task-details');
    await field(form, '办理方式').waitFor();
    expect((await field(form, '办件编号').locator('input').inputValue()) === caseNo, 'the form does not show the case number');
    await choose(form, '办理方式', '承诺件');
    await choose(form, '责任单位', '县住建局');
    await shot(page, '06-review-form');
    await completeForm(page, caseNo);
    await shot(page, '07-review-done');
    console.log('REVIEW_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function handle(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await login(page, baseUrl, 'tasklist', 'unit.housing');
    await openTask(page, '本组待办', caseNo);
    await claim(page);
    const form = page.locator('section.task-details');
    await field(form, '办理结果').waitFor();
    expect(await selectedOf(form, '责任单位') === '县住建局', 'the handling form does not show 县住建局');
    await field(form, '办理结果').locator('label', { hasText: '已办结' }).first().click();
    await fill(form, '办理结果说明', '已对塌陷路面开挖回填并重新硬化，积水已排除。');
    await shot(page, '08-handle-form');
    await completeForm(page, caseNo);
    await shot(page, '09-handle-done');
    console.log('HANDLE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function dashboard(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await login(page, baseUrl, 'cockpit', 'dispatch');
    const link = page.locator('#yishi-supervision-link');
    await link.waitFor();
    expect((await link.textContent()).trim() === '督办看板', 'no 督办看板 in the Cockpit header');
    await page.locator('#yishi-supervision-summary').waitFor();
    await shot(page, '10-cockpit-start-page');
    await link.click();
    const board = page.locator('#yishi-supervision-dashboard');
    await board.waitFor();
    const received = (await page.locator('#yishi-total-received').textContent()).trim();
    const resolved = (await page.locator('#yishi-total-resolved').textContent()).trim();
    expect(received === '1' && resolved === '1', `the dashboard counts received ${received}, resolved ${resolved}`);
    const hualin = page.locator('#yishi-rates-communities tr[data-code=hualin]');
    expect((await hualin.locator('[data-figure=received]').textContent()).trim() === '1', '华林社区 does not count the case');
    expect((await hualin.locator('[data-figure=resolutionRate]').textContent()).trim() === '100%', '华林社区\'s resolution rate is not 100%');
    const housing = page.locator('#yishi-rates-units tr[data-code=housing]');
    expect((await housing.locator('[data-figure=resolved]').textContent()).trim() === '1', '县住建局 does not count the resolution');
    const text = await board.textContent();
    ['本月三率', '逾期事项', '挂牌督办', '红黑榜', '收件与办结趋势', '华林社区', '县住建局'].forEach(words =>
      expect(text.includes(words), `the dashboard lacks ${words}`));
    const bars = await page.locator('#yishi-trend-chart rect[data-series=收件]').count();
    expect(bars === 6, `the trend chart has ${bars} months`);
    await shot(page, '11-cockpit-dashboard');
    await page.locator('#yishi-trend').scrollIntoViewIfNeeded();
    await shot(page, '12-cockpit-dashboard-board-trend');
    console.log('DASHBOARD_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { intake, outsider, review, handle, dashboard };
steps[step](...args).catch(e => {
  console.error(e.stack || e.message);
  process.exit(1);
});
