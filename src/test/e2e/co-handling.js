// 组团 (co-handling) in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node co-handling.js dispatch <baseUrl> <caseNo>  dispatch: 派单 → 点将 县住建局 + 协办 华林社区物业; the lead as a
//                                                    co-unit is refused first, with the Chinese message
//   node co-handling.js early    <baseUrl> <caseNo>  unit.housing: 办理 → 已办结 is refused while the co-unit works
//   node co-handling.js cowork   <baseUrl> <caseNo>  unit.property-hualin: 协办 → 进展与回访 (a progress note), then
//                                                    its 协办结果
//   node co-handling.js lead     <baseUrl> <caseNo>  unit.housing: 办理 shows the co-unit's result → 已办结
// Run by CoHandlingIT, which starts the application and checks the database between the steps. Screenshots go to
// target/screenshots/cohandle-NN-*.png.
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/cohandle-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/cohandle-${name}.png`, fullPage: true });
}

// A field of a Camunda Form (form-js) by the start of its Chinese label (not a radio option's label such as
// 点将：指定责任单位).
function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: new RegExp('^' + label) }) }).first();
}

async function valueOf(scope, label) {
  return (await field(scope, label).locator('textarea, input:not([type=hidden])').first().inputValue()).trim();
}

// form-js selects are not native <select>s: open the list, pick the option by its label.
async function choose(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-input-group').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
}

// a form-js taglist: type part of the name, pick the option; the tag shows the unit's name
async function tag(scope, label, typed, optionLabel) {
  const f = field(scope, label);
  const input = f.locator('input.fjs-taglist-input').first();
  await input.click();
  await input.fill(typed);
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().waitFor();
  // the typed text leaves one option, focused: Enter picks it (as a keyboard user would)
  await input.press('Enter');
  await f.locator('.fjs-taglist-tag', { hasText: optionLabel }).first().waitFor();
  await input.press('Escape');
}

async function untag(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-taglist-tag', { hasText: optionLabel }).first().locator('.fjs-taglist-tag-remove').click();
  await f.locator('.fjs-taglist-tag', { hasText: optionLabel }).first().waitFor({ state: 'detached' });
}

async function openTask(page, taskName, caseNo, filterName = '本组待办') {
  await page.locator('.task-filters .content h4 a', { hasText: filterName }).first().click();
  await page.waitForLoadState('networkidle');
  const card = page.locator('[cam-tasks] .tasks-list li', { hasText: caseNo }).filter({ hasText: taskName }).first();
  await card.waitFor();
  await card.locator('a').first().click();
  await page.locator('section.task-details', { hasText: caseNo }).first().waitFor();
}

async function claim(page) {
  await page.locator('section.task-details button.claim').first().click();
  await page.locator('section.task-details button.unclaim').first().waitFor();
}

async function submit(page) {
  await page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last().click();
}

async function completeForm(page, caseNo) {
  await submit(page);
  await page.locator('section.task-details', { hasText: caseNo }).first().waitFor({ state: 'detached' });
  await page.locator('section.task-details', { hasText: '请在列表中选择一个任务。' }).first().waitFor();
}

// Tasklist shows the engine's refusal (400) as a notification: the Chinese message, the task stays open
async function refused(page, message, caseNo) {
  await page.getByText(message, { exact: false }).first().waitFor();
  expect(await page.locator('section.task-details', { hasText: caseNo }).count() > 0, 'the task closed after a refusal');
}

// closes Tasklist's notifications, which lie over the lower part of the form
async function dismissNotifications(page) {
  const close = page.locator('.page-notifications .alert button.close:visible');
  for (let i = 0; i < 5 && await close.count() > 0; i++) {
    await close.first().click();
    await page.waitForTimeout(300);
  }
  expect(await page.locator('.page-notifications .alert:visible').count() === 0, 'a notification stays open');
}

async function dispatch(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'dispatch');
    await openTask(page, '派单', caseNo);
    await claim(page);
    const form = page.locator('section.task-details');
    await field(form, '协办单位').waitFor();
    await choose(form, '责任单位', '县住建局');
    await tag(form, '协办单位', '住建', '县住建局');
    await submit(page);
    await refused(page, '主办单位不能同时是协办单位：县住建局', caseNo);
    await shot(page, '01-dispatch-lead-as-co-unit-refused');
    await dismissNotifications(page);
    await untag(form, '协办单位', '县住建局');
    await tag(form, '协办单位', '华林', '华林社区物业服务公司');
    await field(form, '协办单位').scrollIntoViewIfNeeded();
    await shot(page, '02-dispatch-form');
    await completeForm(page, caseNo);
    console.log('DISPATCH_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function early(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'unit.housing');
    await openTask(page, '办理', caseNo);
    await claim(page);
    const form = page.locator('section.task-details');
    await field(form, '协办情况').waitFor();
    const summary = await valueOf(form, '协办情况');
    expect(summary.includes('华林社区物业服务公司：协办中'), `the lead's form shows ${summary}`);
    await field(form, '办理结果').locator('label', { hasText: '已办结' }).first().click();
    await field(form, '办理结果说明').locator('textarea').fill('住建局牵头清理楼道，已完成。');
    await submit(page);
    await refused(page, '协办单位尚未全部办结（华林社区物业服务公司）', caseNo);
    await shot(page, '03-lead-refused-while-co-unit-works');
    console.log('EARLY_REFUSED');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function cowork(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'unit.property-hualin');
    await openTask(page, '协办', caseNo);
    await claim(page);
    await field(page.locator('section.task-details'), '协办结果').waitFor();
    await shot(page, '04-co-unit-task');
    const tab = page.locator('section.task-details .nav-tabs a', { hasText: '进展与回访' }).first();
    await tab.click();
    await page.locator('#yishi-progress-note').waitFor();
    await page.locator('#yishi-progress-note').fill('物业已张贴清理通知，约定周五统一清理');
    await page.locator('input[name=yishi-progress-visibility][value=public]').check();
    await page.locator('#yishi-progress-submit').click();
    await page.locator('.yishi-progress-status.text-success').waitFor();
    await shot(page, '05-co-unit-progress');
    await page.locator('section.task-details .nav-tabs a', { hasText: '表单' }).first().click();
    const form = page.locator('section.task-details');
    await field(form, '协办结果').waitFor();
    await field(form, '协办结果').locator('textarea').fill('物业已清理楼道堆物，并在楼下设置电动车集中停放点。');
    await field(form, '协办结果').scrollIntoViewIfNeeded();
    await shot(page, '06-co-unit-result');
    await completeForm(page, caseNo);
    console.log('COWORK_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function lead(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'unit.housing');
    await openTask(page, '办理', caseNo, '我的待办');
    const form = page.locator('section.task-details');
    await field(form, '协办情况').waitFor();
    const summary = await valueOf(form, '协办情况');
    expect(summary.includes('华林社区物业服务公司：已办结') && summary.includes('电动车集中停放点'),
      `the lead's form shows ${summary}`);
    await field(form, '办理结果').locator('label', { hasText: '已办结' }).first().click();
    await field(form, '办理结果说明').locator('textarea').fill('住建局牵头、物业配合：楼道堆物已清理，设置电动车集中停放点，消防通道畅通。');
    await field(form, '协办情况').scrollIntoViewIfNeeded();
    await shot(page, '07-lead-joint-result');
    await completeForm(page, caseNo);
    await shot(page, '08-lead-done');
    console.log('LEAD_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { dispatch, early, cowork, lead };
steps[step](...args).catch(e => {
  console.error(e.stack || e.message);
  process.exit(1);
});
