// The Tasklist tab 进展与回访 in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node task-panels.js progress <baseUrl> <caseNo>   station.hualin: 办理 → 进展与回访 → a public and an internal note
//   node task-panels.js visit    <baseUrl> <caseNo>   grid.hualin: 回访 → 进展与回访 shows the reporter's name and phone
//   node task-panels.js outsider <baseUrl> <taskId>   community.shengdian opens the 回访 task's URL: no contact
//   node task-panels.js hotline  <baseUrl> <title> <workOrder>  grid.hualin transcribes a 12345 work order (工单号)
// Run by TaskPanelsIT, which starts the application, seeds the cases and checks the database between the steps.
// Screenshots go to target/screenshots/task-panels-NN-*.png.
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/task-panels-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/task-panels-${name}.png`, fullPage: true });
}

async function openTask(page, filterName, caseNo) {
  await page.locator('.task-filters .content h4 a', { hasText: filterName }).first().click();
  await page.waitForLoadState('networkidle');
  const card = page.locator('[cam-tasks] .tasks-list li', { hasText: caseNo }).first();
  await card.waitFor();
  await card.locator('a').first().click();
  await page.locator('section.task-details', { hasText: caseNo }).first().waitFor();
}

async function openPanelTab(page) {
  const tab = page.locator('section.task-details .nav-tabs a', { hasText: '进展与回访' }).first();
  await tab.waitFor();
  await tab.click();
  await page.locator('.yishi-task-panels').first().waitFor();
  await page.waitForLoadState('networkidle');
}

async function note(page, text, visibility) {
  await page.locator('#yishi-progress-note').fill(text);
  await page.locator(`input[name=yishi-progress-visibility][value=${visibility}]`).check();
  await page.locator('#yishi-progress-submit').click();
  const status = page.locator('.yishi-progress-status.text-success');
  await status.waitFor();
  const said = (await status.textContent()).trim();
  expect(said.startsWith(visibility === 'public' ? '公开进展' : '内部进展'), `after ${visibility}: ${said}`);
}

async function progress(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    // a case without a compound: its room handles it
    await signIn(page, baseUrl, 'tasklist', 'room.hualin');
    await openTask(page, '本组待办', caseNo);
    await openPanelTab(page);
    await page.locator('#yishi-progress-note').waitFor();
    await page.locator('#yishi-progress-note').fill('已联系物业，约定周五上门清理楼道');
    await shot(page, '01-progress-tab');
    await note(page, '已联系物业，约定周五上门清理楼道', 'public');
    await shot(page, '02-progress-public-recorded');
    await note(page, '三楼住户不配合，需社区出面协调', 'internal');
    await shot(page, '03-progress-internal-recorded');
    // the task is still open: its details still show the case
    await page.locator('section.task-details', { hasText: caseNo }).first().waitFor();
    console.log('PROGRESS_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function visit(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'grid.hualin');
    await openTask(page, '本组待办', caseNo);
    await openPanelTab(page);
    const contact = page.locator('.yishi-visit-contact');
    await contact.waitFor();
    const text = await contact.textContent();
    expect(text.includes('钱多多') && text.includes('13900007777'), `the contact shows ${text}`);
    await shot(page, '04-visit-contact');
    console.log('VISIT_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function outsider(baseUrl, taskId) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'community.shengdian');
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}&detailsTab=yishi-task-panels`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    const body = await page.locator('body').textContent();
    expect(!body.includes('13900007777') && !body.includes('钱多多'), 'an outsider saw the contact');
    await shot(page, '05-outsider-no-contact');
    console.log('OUTSIDER_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

// A field of a Camunda Form (form-js) by its Chinese label.
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

async function hotline(baseUrl, title, workOrder) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'grid.hualin');
    await page.locator('.start-process-action a').first().click();
    const modal = page.locator('.modal-dialog');
    await modal.locator('a', { hasText: '诉求办理' }).first().click();
    await field(modal, '诉求标题').waitFor();
    expect(await field(modal, '12345工单号').count() === 0, 'the work order number shows before 12345 is chosen');
    await field(modal, '来源渠道').locator('.fjs-input-group').first().click();
    const offered = (await field(modal, '来源渠道').locator('.fjs-dropdownlist-item').allTextContents()).map(t => t.trim());
    expect(offered.includes('12345热线') && !offered.includes('扫码留言') && !offered.includes('定期听'),
      `the channels offered: ${offered.join('、')}`);
    await shot(page, '06-intake-channels');
    await field(modal, '来源渠道').locator('.fjs-dropdownlist-item', { hasText: '12345热线' }).first().click();
    await field(modal, '12345工单号').waitFor();
    await fill(modal, '12345工单号', workOrder);
    await choose(modal, '诉求类别', '道路维修');
    await choose(modal, '所在社区', '华林社区');
    await choose(modal, '小区', '华林社区 御苑小区');
    await fill(modal, '诉求标题', title);
    await fill(modal, '诉求内容', '12345热线转来：御苑小区5栋门前路面破损，电动车通行易摔倒。');
    await shot(page, '07-intake-12345-work-order');
    await modal.locator('button', { hasText: '开始' }).last().click();
    await page.getByText('流程已发起。').first().waitFor();
    console.log('HOTLINE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { progress, visit, outsider, hotline };
expect(steps[step], `unknown step ${step}`);
steps[step](...args).catch(e => {
  console.error(e);
  process.exit(1);
});
