// 代办 (proxyService) in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node proxy.js phone   <baseUrl>               a resident on a 390-px phone: the catalogue, the request refused
//                                                 without consent, then sent -> prints REQUEST_NO=... STATUS_PATH=...
//   node proxy.js officer <baseUrl> <requestNo>   proxy.hualin in Tasklist: 材料核对 refused with a document unticked,
//                                                 then all ticked and 全程代办; 递交与答复; 办结
//   node proxy.js rate    <baseUrl> <statusPath>  the resident's link on the phone: the progress and the rating
// Run by ProxyServiceIT, which starts the application and checks the database between the steps. Screenshots go to
// target/screenshots/proxy-NN-*.png.
const { chromium } = require('playwright-core');
const { SHOTS, expect, desktop, signIn } = require('./harness');
const fs = require('fs');

const [, , step, ...args] = process.argv;

async function phone() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
  context.setDefaultTimeout(20000);
  return { browser, page: await context.newPage() };
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: `${SHOTS}/proxy-${name}.png`, fullPage });
}

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/proxy-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function request(baseUrl) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/proxy?community=hualin`);
    expect((await page.textContent('header')).includes('代办服务'), 'the page title');
    await page.selectOption('#serviceCode', 'subsistence-allowance');
    await page.fill('#compound', '御苑小区');
    await page.fill('#residentName', '王秀英');
    await page.fill('#residentPhone', '13800001234');
    await page.locator('details', { hasText: '低保申请' }).first().locator('summary').click();
    await shot(page, '01-phone-request');
    // without the consent: refused, in Chinese, the entries kept
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const refusal = await page.textContent('.errors');
    expect(refusal.includes('请勾选同意'), 'the refusal without consent: ' + refusal);
    expect((await page.inputValue('#residentName')) === '王秀英', 'the name is kept after a refusal');
    await shot(page, '02-phone-refused-without-consent', false);
    await page.check('input[name=consent]');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const text = await page.textContent('main');
    const no = text.match(/DB\d{8}-\d+/);
    expect(no, 'no request number on the confirmation page: ' + text);
    const path = await page.getAttribute('#statusLink', 'href');
    expect(path && path.startsWith('/public/proxy/'), 'no status link: ' + path);
    await shot(page, '03-phone-request-sent');
    console.log(`REQUEST_NO=${no[0]}`);
    console.log(`STATUS_PATH=${path}`);
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

// A field of a Camunda Form (form-js) by the start of its Chinese label.
function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: new RegExp('^' + label) }) }).first();
}

async function openTask(page, taskName, requestNo) {
  await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
  await page.waitForLoadState('networkidle');
  const card = page.locator('[cam-tasks] .tasks-list li', { hasText: requestNo }).filter({ hasText: taskName }).first();
  await card.waitFor();
  await card.locator('a').first().click();
  await page.locator('section.task-details', { hasText: requestNo }).first().waitFor();
  await page.locator('section.task-details button.claim').first().click();
  await page.locator('section.task-details button.unclaim').first().waitFor();
}

async function submit(page) {
  await page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last().click();
}

// submits the form; a click that sent nothing (the form still settling) is repeated
async function complete(page, requestNo) {
  for (let i = 0; i < 3; i++) {
    const [sent] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/submit-form'), { timeout: 8000 }).catch(() => null),
      submit(page),
    ]);
    if (sent) {
      expect(sent.status() === 204, `submit-form answered ${sent.status()}`);
      break;
    }
  }
  await page.locator('section.task-details', { hasText: requestNo }).first().waitFor({ state: 'detached' });
}

async function dismissNotifications(page) {
  const close = page.locator('.page-notifications .alert button.close:visible');
  for (let i = 0; i < 5 && await close.count() > 0; i++) {
    await close.first().click();
    await page.waitForTimeout(300);
  }
}

async function officer(baseUrl, requestNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'proxy.hualin');
    await openTask(page, '材料核对', requestNo);
    const form = page.locator('section.task-details');
    const docs = field(form, '办理要件');
    await docs.waitFor();
    for (const d of ['申请人居民身份证', '户口簿', '家庭经济状况核对授权书']) {
      await docs.locator('label', { hasText: d }).first().click();
    }
    await field(form, '代办方式').locator('label', { hasText: '全程代办' }).first().click();
    await submit(page);
    await page.getByText('以下办理要件尚未核对齐全', { exact: false }).first().waitFor();
    expect(await page.locator('section.task-details', { hasText: requestNo }).count() > 0, 'the task closed after a refusal');
    await shot(page, '04-tasklist-check-refused', false);
    await dismissNotifications(page);
    await docs.locator('label', { hasText: '家庭收入及财产情况说明' }).first().click();
    await docs.scrollIntoViewIfNeeded();
    await shot(page, '05-tasklist-check-complete', false);
    await complete(page, requestNo);

    await openTask(page, '递交与答复', requestNo);
    await field(form, '递交内容').locator('textarea').fill('全套材料递交镇社会事务办窗口');
    await field(form, '办理部门的答复').locator('textarea').fill('已受理，将入户调查');
    await shot(page, '06-tasklist-hand-over', false);
    await complete(page, requestNo);

    await openTask(page, '办结', requestNo);
    const link = await field(form, '群众查询评价地址').locator('input').first().inputValue();
    expect(/^https?:\/\/.+\/public\/proxy\/[\w-]{43}$/.test(link), 'the status link in 办结: ' + link);
    await field(form, '是否办成').locator('label', { hasText: '已办成' }).first().click();
    await field(form, '办理结果').locator('textarea').fill('低保已批准，下月起发放');
    await shot(page, '07-tasklist-close', false);
    await complete(page, requestNo);
    console.log('OFFICER_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function rate(baseUrl, statusPath) {
  const { browser, page } = await phone();
  try {
    await page.goto(baseUrl + statusPath);
    expect((await page.textContent('#proxyStatus')).includes('已办结，待您评价'), 'the status before the rating');
    expect((await page.textContent('main')).includes('已受理，将入户调查'), 'the office answer on the status page');
    expect(!(await page.textContent('main')).includes('王秀英'), 'the name on the status page');
    await shot(page, '08-phone-status-and-rating');
    await page.locator('input[name=rating][value="5"]').check();
    await page.fill('#comment', '代办员很负责，谢谢！');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect((await page.textContent('main')).includes('本次代办完成'), 'the thanks after the rating');
    await shot(page, '09-phone-rated');
    console.log('RATED_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

(async () => {
  if (step === 'phone') {
    await request(args[0]);
  } else if (step === 'officer') {
    await officer(args[0], args[1]);
  } else if (step === 'rate') {
    await rate(args[0], args[1]);
  } else {
    throw new Error('unknown step ' + step);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
