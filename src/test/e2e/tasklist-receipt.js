// The receipt at intake and the quiet, Chinese webapps, in a real browser (Debian's chromium, playwright-core):
//   node tasklist-receipt.js receipt <baseUrl> <title>   grid.hualin registers in Tasklist, sees the case number,
//                                                        prints the 回执 (A4) and finds the case in 我登记的诉求
//   node tasklist-receipt.js cards   <baseUrl> <caseNo>  station.hualin (the case names 御苑小区): the card in 本组待办 shows Chinese names and
//                                                        the deadline, no codes, no priority number; sorted by due date
//   node tasklist-receipt.js cockpit <baseUrl>           dispatch: Cockpit's start page opens with 督办看板
//   node tasklist-receipt.js admin   <baseUrl> <user>    the admin: Admin in Chinese, branded, no banner
// Run by TasklistReceiptIT. Screenshots go to target/screenshots/tasklist-receipt-NN-*.png.
const { SHOTS, PASSWORD, expect, desktop } = require('./harness');

const [, , step, ...args] = process.argv;
// words a person may see in Latin letters: none but the case numbers, the addresses and user ids typed at login
const ALLOWED_LATIN = /^(FX|http|localhost|public|cases|api|receipts|print)$/;

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/tasklist-receipt-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/tasklist-receipt-${name}.png`, fullPage: true });
}

async function login(page, baseUrl, app, user) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  // the first visit after start-up compiles the webapp's resources: give it time on a busy machine
  await page.locator('form[name=signinForm] button[type=submit]', { hasText: '登录' }).waitFor({ timeout: 60000 });
  await page.waitForLoadState('networkidle');
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  await page.click('form[name=signinForm] button[type=submit]');
  await page.locator('form[name=signinForm]').waitFor({ state: 'detached' });
  await page.getByText('退出登录', { exact: false }).first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  if (app === 'tasklist') {
    await page.locator('.task-filters .content h4 a').first().waitFor();
    await page.locator('[cam-tasks]').first().waitFor();
    await page.waitForLoadState('networkidle');
  }
}

// The page as a person sees it: the platform's own title, no vendor banner, no English words, none of the codes.
async function quiet(page, what, codes) {
  const title = await page.title();
  expect(title.startsWith('议事'), `${what}: the title is "${title}"`);
  expect(!title.includes('Camunda'), `${what}: the title is "${title}"`);
  const banner = page.locator('.ce-eol-banner');
  expect(await banner.count() === 0 || !(await banner.first().isVisible()), `${what}: the migration banner is shown`);
  const text = await page.evaluate(() => document.body.innerText);
  expect(!text.includes('迁移到 Camunda 8'), `${what}: the migration banner is shown`);
  const english = (text.match(/[A-Za-z]{2,}/g) || []).filter(w => !ALLOWED_LATIN.test(w));
  expect(english.length === 0, `${what}: English on the page: ${[...new Set(english)].join(', ')}`);
  for (const code of codes || []) {
    expect(!text.includes(code), `${what}: the code ${code} is shown`);
  }
}

function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

async function fill(scope, label, value) {
  await field(scope, label).locator('textarea, input:not([type=hidden])').first().fill(value);
}

async function choose(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-input-group').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
}

async function receipt(baseUrl, title) {
  const { browser, context, page } = await desktop();
  try {
    await login(page, baseUrl, 'tasklist', 'grid.hualin');
    await page.locator('#yishi-my-cases-link').waitFor();
    await quiet(page, 'Tasklist (grid worker)', ['hualin', 'GREEN', 'YELLOW', 'RED']);
    await shot(page, '01-tasklist-grid-worker');

    await page.locator('.start-process-action a').first().click();
    const modal = page.locator('.modal-dialog');
    await modal.locator('a', { hasText: '诉求办理' }).first().click();
    await field(modal, '诉求标题').waitFor();
    await page.waitForTimeout(300);
    const placeholders = await modal.evaluate(m => [
      ...[...m.querySelectorAll('.fjs-container input[placeholder]')].map(i => i.getAttribute('placeholder')),
      ...[...m.querySelectorAll('.fjs-select-placeholder')].map(d => d.textContent.trim())]);
    expect(!placeholders.some(p => /Search|Select/.test(p)), 'English placeholders in the form: ' + placeholders.join(', '));
    expect(placeholders.some(p => p === '搜索' || p === '请选择'), 'no Chinese placeholder in the form: ' + placeholders.join(', '));
    await shot(page, '02-intake-form-placeholders');
    await choose(modal, '诉求类别', '路灯照明');
    await choose(modal, '所在社区', '华林社区');
    await choose(modal, '小区', '华林社区 御苑小区');
    await fill(modal, '诉求标题', title);
    await fill(modal, '诉求内容', '御苑小区3栋门口路灯已坏一周，晚上出行不便。');
    await fill(modal, '涉及户数', '30');
    await modal.locator('button', { hasText: '开始' }).last().click();

    const dialog = page.locator('#yishi-receipt');
    await dialog.waitFor();
    const caseNo = (await dialog.locator('#yishi-receipt-case-no').textContent()).trim();
    expect(/^[A-Z]+-\d{4}-\d{6}$/.test(caseNo), 'no case number on the receipt: ' + caseNo);
    const shown = await dialog.innerText();
    for (const words of ['诉求已登记', '路灯照明', '华林社区', '已登记，待审核', '/public/cases/' + caseNo, '打印回执']) {
      expect(shown.includes(words), `the receipt lacks ${words}`);
    }
    await shot(page, '03-receipt-after-intake');

    const [printed] = await Promise.all([context.waitForEvent('page'), dialog.locator('#yishi-receipt-print').click()]);
    await printed.waitForLoadState('networkidle');
    const sheet = await printed.locator('#receipt').innerText();
    for (const words of ['群众诉求受理回执', caseNo, '路灯照明', '/public/cases/' + caseNo]) {
      expect(sheet.includes(words), `the printable receipt lacks ${words}`);
    }
    await printed.setViewportSize({ width: 900, height: 1000 });
    await shot(printed, '04-receipt-print-page');
    await printed.emulateMedia({ media: 'print' });
    await printed.pdf({ path: `${SHOTS}/tasklist-receipt-04-receipt.pdf`, format: 'A4', preferCSSPageSize: true });
    await shot(printed, '05-receipt-print-media');
    await printed.close();

    await dialog.locator('button.yishi-close').click();
    await page.locator('#yishi-my-cases-link').click();
    const row = page.locator('#yishi-my-cases-table tr', { hasText: caseNo });
    await row.waitFor();
    expect((await row.locator('.yishi-state').textContent()).trim() === '已登记，待审核', 'the state is not shown in Chinese');
    await quiet(page, '我登记的诉求', ['hualin', 'REGISTERED', 'streetlight']);
    await shot(page, '06-my-cases');
    console.log('RECEIPT_OK ' + caseNo);
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function cards(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    // the case names 御苑小区: its station reviews it (三级前置把关)
    await login(page, baseUrl, 'tasklist', 'station.hualin');
    await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
    await page.waitForLoadState('networkidle');
    const card = page.locator('[cam-tasks] .tasks-list li', { hasText: caseNo }).first();
    await card.waitFor();
    const text = await card.evaluate(c => c.innerText);
    // folded, the card shows the task's due date and its first two facts: the community and the urgency
    for (const words of ['到期', '社区', '华林社区', '紧急程度']) {
      expect(text.includes(words), `the card lacks ${words}: ${text}`);
    }
    expect(/红色|黄色|绿色/.test(text), 'the card shows no urgency name: ' + text);
    const priority = card.locator('.priority');
    expect(await priority.count() === 0 || !(await priority.first().isVisible()), 'the bare priority number is shown');
    expect(page.url().includes('dueDate'), 'the list is not sorted by due date: ' + page.url());
    const header = await page.locator('[cam-tasks] .sorting, [cam-sorting-choices]').first().innerText();
    expect(header.includes('到期'), 'the list header does not say it sorts by due date: ' + header);
    await quiet(page, 'Tasklist (community)', ['hualin', 'GREEN', 'YELLOW', 'RED']);
    await shot(page, '07-tasklist-cards');
    await card.locator('a').first().click();
    await page.locator('section.task-details', { hasText: caseNo }).first().waitFor();
    await page.locator('section.task-details .fjs-container').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await quiet(page, 'Tasklist task (community)', ['hualin']);
    await shot(page, '08-tasklist-task');
    console.log('CARDS_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function cockpit(baseUrl) {
  const { browser, page } = await desktop();
  try {
    await login(page, baseUrl, 'cockpit', 'dispatch');
    const summary = page.locator('#yishi-supervision-summary');
    await summary.waitFor();
    const first = await page.evaluate(() => {
      const host = document.querySelector('#yishi-supervision-summary').closest('section.deprecate');
      return host && host.parentNode.firstElementChild === host;
    });
    expect(first, 'the dashboard is not the first thing on Cockpit\'s start page');
    await quiet(page, 'Cockpit (dispatch)', []);
    await shot(page, '09-cockpit-start');
    console.log('COCKPIT_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function admin(baseUrl, user) {
  const { browser, page } = await desktop();
  try {
    await login(page, baseUrl, 'admin', user);
    await quiet(page, 'Admin', []);
    await shot(page, '10-admin');
    console.log('ADMIN_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { receipt, cards, cockpit, admin };
if (!steps[step]) {
  console.error('unknown step ' + step);
  process.exit(2);
}
steps[step](...args).catch(e => {
  console.error(e);
  process.exit(1);
});
