// 督办纠偏 in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node result-review.js reject    <baseUrl> <caseNo>   dispatch: 本组待办 → 核查办理结果 → 不实 with a reason
//   node result-review.js supervise <baseUrl> <caseNo>   dispatch: the 督办 task the rejection raised, with its reason
//   node result-review.js rehandle  <baseUrl> <caseNo>   unit.housing: 办理 again, the rejection in the timeline
//   node result-review.js confirm   <baseUrl> <caseNo>   dispatch: 核查办理结果 → 属实
// Run by ResultReviewIT, which starts the application and checks the database between the steps. Screenshots go
// to target/screenshots/supervise-NN-*.png.
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/supervise-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/supervise-${name}.png`, fullPage: true });
}

// A field of a Camunda Form (form-js) by its Chinese label.
function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

async function valueOf(scope, label) {
  return (await field(scope, label).locator('textarea, input:not([type=hidden])').first().inputValue()).trim();
}

// Tasklist: 本组待办, then the case's task with the given name.
async function openTask(page, taskName, caseNo) {
  await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
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

async function completeForm(page, caseNo) {
  await page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last().click();
  await page.locator('section.task-details', { hasText: caseNo }).first().waitFor({ state: 'detached' });
  await page.locator('section.task-details', { hasText: '请在列表中选择一个任务。' }).first().waitFor();
}

async function reject(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'dispatch');
    await openTask(page, '核查办理结果', caseNo);
    await shot(page, '01-review-task');
    await claim(page);
    const form = page.locator('section.task-details');
    await field(form, '核查结论').waitFor();
    expect((await valueOf(form, '办理结果说明')).includes('重新硬化'), 'the form does not show the reported result');
    expect(!(await field(form, '核查意见').isVisible()), '核查意见 is shown before a verdict');
    await field(form, '核查结论').locator('label', { hasText: '不实' }).first().click();
    await field(form, '核查意见').locator('textarea').fill('现场查看：东门路面仍有塌陷，积水未排除，与报告不符。');
    await field(form, '核查意见').scrollIntoViewIfNeeded();
    await shot(page, '02-review-rejected-form');
    await completeForm(page, caseNo);
    await shot(page, '03-review-rejected-done');
    console.log('REJECT_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function supervise(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'dispatch');
    await openTask(page, '督办', caseNo);
    const form = page.locator('section.task-details');
    await field(form, '督办原因').waitFor();
    const reason = await valueOf(form, '督办原因');
    expect(reason.includes('办理结果不实') && reason.includes('积水未排除'), `the 督办 form shows the reason ${reason}`);
    await field(form, '督办情况').scrollIntoViewIfNeeded();
    await shot(page, '04-supervision-task');
    console.log('SUPERVISE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function rehandle(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'unit.housing');
    await openTask(page, '办理', caseNo);
    const form = page.locator('section.task-details');
    await field(form, '办理结果').waitFor();
    const timeline = await valueOf(form, '最近办理记录');
    expect(timeline.includes('办理结果不实'), `the handling form's timeline lacks the rejection: ${timeline}`);
    await field(form, '最近办理记录').scrollIntoViewIfNeeded();
    await shot(page, '05-handle-again');
    console.log('REHANDLE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function confirm(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'dispatch');
    await openTask(page, '核查办理结果', caseNo);
    await claim(page);
    const form = page.locator('section.task-details');
    await field(form, '核查结论').locator('label', { hasText: '属实' }).first().click();
    await field(form, '核查结论').scrollIntoViewIfNeeded();
    await shot(page, '06-review-confirmed-form');
    await completeForm(page, caseNo);
    console.log('CONFIRM_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { reject, supervise, rehandle, confirm };
steps[step](...args).catch(e => {
  console.error(e.stack || e.message);
  process.exit(1);
});
