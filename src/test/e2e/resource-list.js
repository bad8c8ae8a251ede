// 资源清单 and the screening review, in a real browser (Debian's chromium, playwright-core):
//   node resource-list.js resources <baseUrl> <name>    community.hualin opens 资源清单 in Tasklist's header, is refused
//                                                       field by field for an entry without kind and name, adds an
//                                                       entry, edits it and retires it (停用)
//   node resource-list.js review <baseUrl> <caseNo>     community.hualin opens 前置把关 of a neighbour dispute between
//                                                       two households: the form shows the suggested 不议 with its
//                                                       reason and referral; the reviewer finds it beyond the
//                                                       community's authority: the department is asked for, and
//                                                       the case is declined and transferred with a reason
//   node resource-list.js public <baseUrl> <caseNo>     the declined case on a 390-px phone: the reason and the
//                                                       referral in public words
// Run by ResourceListIT. Screenshots go to target/screenshots/resources-NN-*.png.
const { SHOTS, PASSWORD, expect, desktop } = require('./harness');
const { chromium } = require('playwright-core');

const [, , step, ...args] = process.argv;

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/resources-${name}.png`, fullPage: true });
}

function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

async function choose(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-input-group').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
}

async function tasklist(page, baseUrl, user) {
  // a shared, busy machine: every step may take longer than the harness's 20 s
  page.context().setDefaultTimeout(90000);
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`, { timeout: 240000 });
  // the first visit after start-up compiles the webapp's resources: give it time on a busy machine, and load the page
  // once more when it stays on the spinner
  const signin = page.locator('form[name=signinForm] button[type=submit]', { hasText: '登录' });
  try {
    await signin.waitFor({ timeout: 150000 });
  } catch (e) {
    await page.reload({ timeout: 240000 });
    await signin.waitFor({ timeout: 150000 });
  }
  await page.waitForLoadState('networkidle');
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  await page.click('form[name=signinForm] button[type=submit]');
  await page.locator('form[name=signinForm]').waitFor({ state: 'detached' });
  await page.getByText('退出登录', { exact: false }).first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
}

async function resources(baseUrl, name) {
  const { browser, page } = await desktop();
  try {
    await tasklist(page, baseUrl, 'community.hualin');
    await page.locator('#yishi-resources-link').click();
    const dialog = page.locator('#yishi-resources');
    await dialog.locator('#yishi-resources-table').waitFor();
    const listed = await dialog.innerText();
    for (const words of ['资源清单与人才库', '县司法局法律顾问', '部门', '全县', '新增资源']) {
      expect(listed.includes(words), `the list lacks ${words}`);
    }
    await shot(page, '01-list');

    // refused: no kind, no name; nothing is added
    const before = await dialog.locator('#yishi-resources-table tbody tr').count();
    await dialog.locator('#yishi-resource-keywords').fill('纠纷');
    await dialog.locator('#yishi-resource-save').click();
    await dialog.locator('#yishi-resource-name-error', { hasText: '请填写资源名称' }).waitFor();
    expect((await dialog.locator('#yishi-resource-kind-error').innerText()).includes('请选择资源类别'), 'no message for the kind');
    expect(await dialog.locator('#yishi-resources-table tbody tr').count() === before, 'a refused entry was added');
    await shot(page, '02-refused');

    await dialog.locator('#yishi-resource-kind').selectOption('TALENT');
    await dialog.locator('#yishi-resource-name').fill(name);
    await dialog.locator('#yishi-resource-expertise').fill('邻里纠纷调解、物业纠纷');
    await dialog.locator('#yishi-resource-keywords').fill('纠纷、噪音、漏水');
    await dialog.locator('#yishi-resource-contact').fill('13900001111');
    await dialog.locator('#yishi-resource-save').click();
    await dialog.locator('#yishi-resources-notice', { hasText: '已新增：' + name }).waitFor();
    const row = dialog.locator('#yishi-resources-table tbody tr', { hasText: name });
    await row.waitFor();
    const added = await row.innerText();
    for (const words of ['人才', '邻里纠纷调解', '纠纷、噪音、漏水', '13900001111', '华林社区', '在用']) {
      expect(added.includes(words), `the new row lacks ${words}: ${added}`);
    }
    await shot(page, '03-added');

    await row.locator('.yishi-resource-edit').click();
    await dialog.locator('#yishi-resource-form-title', { hasText: '修改：' + name }).waitFor();
    await dialog.locator('#yishi-resource-name').fill(name + '（周师傅）');
    await dialog.locator('#yishi-resource-keywords').fill('纠纷、噪音、漏水、装修');
    await shot(page, '04-editing');
    await dialog.locator('#yishi-resource-save').click();
    await dialog.locator('#yishi-resources-notice', { hasText: '已保存修改：' + name + '（周师傅）' }).waitFor();
    const edited = dialog.locator('#yishi-resources-table tbody tr', { hasText: name + '（周师傅）' });
    expect((await edited.innerText()).includes('装修'), 'the edit is not shown');

    await edited.locator('.yishi-resource-retire').click();
    await edited.locator('.yishi-resource-retire', { hasText: '确认停用' }).waitFor();
    await edited.locator('.yishi-resource-retire').click();
    await dialog.locator('#yishi-resources-notice', { hasText: '已停用' }).waitFor();
    expect(await dialog.locator('#yishi-resources-table tbody tr', { hasText: name }).count() === 0,
      'a retired entry is still listed among the active ones');
    await dialog.locator('#yishi-resources-show-retired').check();
    const retired = dialog.locator('#yishi-resources-table tbody tr', { hasText: name });
    await retired.waitFor();
    expect((await retired.locator('.yishi-resource-state').innerText()).trim() === '已停用', 'not shown as retired');
    expect(await retired.locator('.yishi-resource-edit').count() === 0, 'a retired entry can still be edited');
    await shot(page, '05-retired');
    const text = await dialog.innerText();
    expect(!/DEPARTMENT|TALENT|hualin/.test(text), 'codes are shown: ' + text);
    console.log('RESOURCES_OK');
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/resources-failed-${step}.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function review(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await tasklist(page, baseUrl, 'community.hualin');
    await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
    await page.waitForLoadState('networkidle');
    const card = page.locator('[cam-tasks] .tasks-list li', { hasText: caseNo }).first();
    await card.waitFor();
    await card.locator('a').first().click();
    const details = page.locator('section.task-details', { hasText: caseNo }).first();
    await details.waitFor();
    await page.locator('section.task-details .fjs-container').first().waitFor();
    await page.locator('section.task-details button.claim').first().click();
    await page.locator('section.task-details button.unclaim').first().waitFor();
    await page.waitForLoadState('networkidle');
    const suggestion = await field(details, '系统建议（五议五不议）').locator('textarea').inputValue();
    for (const words of ['建议不予受理', '纯个体纠纷', '人民调解']) {
      expect(suggestion.includes(words), `the suggestion lacks ${words}: ${suggestion}`);
    }
    const ground = await field(details, '议/不议情形').innerText();
    expect(ground.includes('五不议：纯个体纠纷（转人民调解）'), 'the ground is not prefilled: ' + ground);
    expect(await field(details, '转交的主管部门').count() === 0, 'the department is asked for a dispute');
    await field(details, '系统建议（五议五不议）').scrollIntoViewIfNeeded();
    await shot(page, '06-review-suggested-decline');

    // the reviewer finds the matter beyond the community's authority: another 不议, with the department and a reason
    await choose(details, '议/不议情形', '五不议：超出社区权限（转主管部门）');
    await field(details, '转交的主管部门').waitFor();
    const complete = page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last();
    await choose(details, '转交的主管部门', '县住建局');
    const reason = field(details, '调整理由').locator('textarea');
    await reason.fill('装修扰民已涉及违规拆改承重墙，属住建部门执法事项');
    // form-js takes typed text after a short debounce: leave the field and let it settle before submitting
    await reason.press('Tab');
    await page.waitForTimeout(2000);
    await field(details, '转交的主管部门').scrollIntoViewIfNeeded();
    await shot(page, '07-review-beyond-authority');

    await complete.dispatchEvent('click');
    await page.locator('section.task-details', { hasText: caseNo }).first().waitFor({ state: 'detached' });
    console.log('REVIEW_OK');
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/resources-failed-${step}.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function publicView(baseUrl, caseNo) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
      isMobile: true, hasTouch: true, extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/public/cases/${caseNo}`);
    await page.waitForLoadState('networkidle');
    const text = await page.evaluate(() => document.body.innerText);
    for (const words of ['不予受理', '已转交县住建局办理']) {
      expect(text.includes(words), `the public view lacks ${words}: ${text}`);
    }
    expect(!/COMPETENT_DEPARTMENT|BEYOND_AUTHORITY|housing/.test(text), 'codes on the public view');
    await shot(page, '08-public-declined-phone');
    console.log('PUBLIC_OK');
  } finally {
    await browser.close();
  }
}

const steps = { resources, review, public: publicView };
if (!steps[step]) {
  console.error('unknown step ' + step);
  process.exit(2);
}
steps[step](...args).catch(e => {
  console.error(e.stack || e.message);
  process.exit(1);
});
