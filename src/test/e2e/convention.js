// A convention (公约) in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node convention.js start    <baseUrl> <title>     community.hualin starts 公约 in Tasklist (start form)
//   node convention.js comment  <baseUrl> <draftUrl>  a resident on a 390-px phone: a comment over the limit is
//                                                      refused, then a comment with a signature is received
//   node convention.js revise   <baseUrl> <title>     community.hualin: 修订公约, a handling note for the comment
//   node convention.js approve  <baseUrl> <title>     community.hualin: 党组织审核 → 审核通过, 居民（代表）会议表决
//   node convention.js adopt    <baseUrl> <title>     community.hualin: 居民（代表）会议表决, the meeting's totals
//   node convention.js register <baseUrl> <title>     a resident on a phone: the register lists it in force
// Run by ConventionIT, which starts the application, fires the timer and the publication job between the steps and
// checks the database. Screenshots go to target/screenshots/convention-*.png.
const { chromium } = require('playwright-core');
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/convention-${name}.png`, fullPage: true });
}

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/convention-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

// a resident's phone: 390 px wide, Chinese
async function phone() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true,
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  context.setDefaultTimeout(60000);
  return { browser, page: await context.newPage() };
}

// a field of a Camunda Form (form-js) by its Chinese label
function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

async function fill(scope, label, value) {
  const input = field(scope, label).locator('textarea, input:not([type=hidden])').first();
  await input.fill(value);
  // form-js takes a text area's input after a short debounce: leave the field as a person does before going on
  await input.press('Tab');
  await scope.page().waitForTimeout(400);
}

async function choose(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-input-group, .fjs-select-display, input').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
}

async function openTask(page, title, taskName) {
  await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
  await page.waitForLoadState('networkidle');
  const card = page.locator('[cam-tasks] .tasks-list li', { hasText: `${taskName} ${title}` }).first();
  await card.waitFor();
  await card.locator('a').first().click();
  await page.locator('section.task-details', { hasText: title }).first().waitFor();
  await page.locator('section.task-details button.claim').first().click();
  await page.locator('section.task-details button.unclaim').first().waitFor();
  return page.locator('section.task-details');
}

async function completeForm(page, title) {
  await page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last().click();
  await page.locator('section.task-details', { hasText: title }).first().waitFor({ state: 'detached' });
}

async function staff(run) {
  const { browser, page } = await desktop();
  // the machine is shared: give a loaded server time
  page.setDefaultTimeout(60000);
  try {
    await signIn(page, args[0], 'tasklist', 'community.hualin');
    // tall enough for a whole form in one screenshot (Tasklist scrolls the form inside its panel)
    await page.setViewportSize({ width: 1440, height: 2200 });
    await run(page);
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function start([baseUrl, title]) {
  await staff(async page => {
    await page.locator('.start-process-action a').first().click();
    const modal = page.locator('.modal-dialog');
    await modal.getByText('点击要发起的流程。').first().waitFor();
    await modal.locator('a', { hasText: '公约' }).first().click();
    await field(modal, '公约名称').waitFor();
    await choose(modal, '适用范围', '华林社区 御苑小区');
    await fill(modal, '公约名称', title);
    await fill(modal, '草案正文', '第一条 爱护公共设施，不私占公共区域。\n第二条 文明养犬，出门牵绳，及时清理粪便。\n第三条 垃圾分类，定时定点投放。');
    expect(await field(modal, '征求意见期').locator('input').first().inputValue() === '5', 'the window is not preset to 5 working days');
    await shot(page, '01-start-form');
    await modal.locator('button', { hasText: '开始' }).last().click();
    await page.getByText('流程已发起。').first().waitFor();
    await shot(page, '02-started');
    console.log('START_OK');
  });
}

async function comment([, draftUrl]) {
  const { browser, page } = await phone();
  try {
    await page.goto(draftUrl);
    await page.getByText('提出意见').first().waitFor();
    expect(await page.locator('body').evaluate(b => b.scrollWidth <= 390), 'the draft page is wider than the phone');
    await shot(page, '03-draft-phone');
    // an old browser ignores maxlength: the server refuses, in Chinese, and keeps what was typed
    await page.locator('#content').evaluate(t => t.removeAttribute('maxlength'));
    await page.locator('#content').fill('太长'.repeat(251));
    await page.locator('button[type=submit]', { hasText: '提交意见' }).click();
    await page.getByText('意见未能提交，请修改后再提交').first().waitFor();
    expect(await page.getByText('请填写意见，不超过500字').count() > 0, 'the refusal does not say the limit');
    expect((await page.locator('#content').inputValue()).length === 502, 'the comment typed was not kept');
    await shot(page, '04-comment-refused');
    await page.locator('#content').fill('第二条建议写明：小区内遛狗须牵绳，绳长不超过1.5米。');
    await page.locator('#signature').fill('3栋居民');
    await page.locator('button[type=submit]', { hasText: '提交意见' }).click();
    await page.getByText('已收到您的意见').first().waitFor();
    await shot(page, '05-comment-received');
    console.log('COMMENT_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function revise([, title]) {
  await staff(async page => {
    const form = await openTask(page, title, '修订公约');
    await field(form, '修订后的正文').waitFor();
    const listed = await form.evaluate(f => f.innerText + Array.from(f.querySelectorAll('textarea, input')).map(e => e.value).join('|'));
    expect(listed.includes('遛狗须牵绳') && listed.includes('3栋居民'), 'the revision does not list the comment: ' + listed);
    await form.locator('.fjs-form-field-textarea').filter({ has: page.locator('label', { hasText: '处理情况' }) })
      .locator('textarea').first().fill('采纳，第二条增加“绳长不超过1.5米”');
    const text = field(form, '修订后的正文').locator('textarea').first();
    const before = await text.inputValue();
    expect(before.includes('第三条 垃圾分类'), 'the revision does not show the draft text');
    await text.fill(before.replace('出门牵绳', '出门牵绳，绳长不超过1.5米'));
    await fill(form, '修订说明', '按居民意见修改第二条');
    // Tasklist 7.24 counts a cleared error of a field inside a dynamic list (form-js leaves {field: [undefined]})
    // as an error and greys out 完成; 保存 validates the whole form again and enables it
    const done = page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last();
    if (await done.isDisabled()) {
      await page.locator('section.task-details button', { hasText: '保存' }).last().click();
      await page.waitForFunction(() => !Array.from(document.querySelectorAll('section.task-details button[type=submit]'))
        .filter(b => b.textContent.includes('完成')).pop().disabled);
    }
    await shot(page, '06-revise-form');
    await completeForm(page, title);
    console.log('REVISE_OK');
  });
}

async function approve([, title]) {
  await staff(async page => {
    const form = await openTask(page, title, '党组织审核');
    await field(form, '审核结论').locator('label', { hasText: '审核通过' }).first().click();
    await choose(form, '表决方式', '居民（代表）会议表决');
    await fill(form, '审核意见', '内容合法合理，意见已逐条处理。');
    await shot(page, '07-review-form');
    await completeForm(page, title);
    console.log('APPROVE_OK');
  });
}

async function adopt([, title]) {
  await staff(async page => {
    const form = await openTask(page, title, '居民（代表）会议表决');
    await fill(form, '应到人数', '31');
    await fill(form, '同意', '26');
    await fill(form, '不同意', '3');
    await fill(form, '弃权', '2');
    await shot(page, '08-assembly-form');
    await completeForm(page, title);
    console.log('ADOPT_OK');
  });
}

async function register([baseUrl, title]) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/conventions?community=hualin`);
    await page.getByText(title).first().waitFor();
    const text = await page.locator('main').textContent();
    expect(text.includes('施行中的公约') && text.includes('起施行') && text.includes('华林社区 御苑小区'), 'the register: ' + text);
    expect(await page.locator('body').evaluate(b => b.scrollWidth <= 390), 'the register is wider than the phone');
    await page.locator('details summary', { hasText: '查看全文' }).first().click();
    await page.getByText('绳长不超过1.5米').first().waitFor();
    await shot(page, '09-register-phone');
    await page.locator('a', { hasText: '第1版' }).first().click();
    await page.getByText('意见处理情况').first().waitFor();
    await shot(page, '10-handling-phone');
    console.log('REGISTER_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { start, comment, revise, approve, adopt, register };
steps[step](args).catch(e => {
  console.error(e);
  process.exit(1);
});
