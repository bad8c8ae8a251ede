// 积分 in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node points.js table   <baseUrl> <shownName> <pseudonym> <hiddenName>   a resident's phone (390 px): 红色积分表
//   node points.js propose <baseUrl> <personId>                             points.hualin: 积分申报 start form
//   node points.js approve <baseUrl> <personId> <name>                      community.hualin: 审核加分申请 (no name), approved
//   node points.js shop    <baseUrl> <personId> <itemName>                  shop.hualin: 积分管理 → 积分兑换, then a refusal
//   node points.js manage  <baseUrl> <name>                                 community.hualin: 积分管理 → 登记居民
// Run by PointsIT, which starts the application and checks the database between the steps.
// Screenshots go to target/screenshots/points-NN-*.png.
const { chromium } = require('playwright-core');
const fs = require('fs');
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/points-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/points-${name}.png`, fullPage: true });
}

async function phone() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true,
    hasTouch: true, extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  context.setDefaultTimeout(20000);
  return { browser, page: await context.newPage() };
}

async function table(baseUrl, shownName, pseudonym, hiddenName) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/points?community=hualin`);
    await page.locator('h1', { hasText: '华林社区 红色积分表' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text.includes(shownName), `the consenting resident's name is missing: ${text}`);
    expect(text.includes(pseudonym), `the pseudonym is missing: ${text}`);
    expect(!text.includes(hiddenName), 'a name without consent is shown');
    expect(!text.includes('大坪院坝') && !text.includes('3组12号'), 'household or compound is shown');
    expect(text.includes('无偿调剂土地'), 'the reason of the award is missing');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `the page is wider than the phone by ${overflow}px`);
    await shot(page, '01-table-phone');
    await page.goto(`${baseUrl}/public/points?community=atlantis`);
    await page.getByText('找不到该社区（村）的积分表').first().waitFor();
    await shot(page, '02-unknown-community-phone');
    console.log('TABLE_OK');
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

// form-js takes a typed value after a short debounce: leave the field and give it time before submitting
async function fill(scope, label, value) {
  const input = field(scope, label).locator('textarea, input:not([type=hidden])').first();
  await input.fill(value);
  await input.press('Tab');
  await input.page().waitForTimeout(400);
}

async function propose(baseUrl, personId) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'points.hualin');
    await page.locator('.start-process-action a').first().click();
    const modal = page.locator('.modal-dialog');
    await modal.locator('a', { hasText: '积分申报' }).first().click();
    await field(modal, '事实与依据').waitFor();
    const f = field(modal, '社区（村）');
    await f.locator('.fjs-input-group').first().click();
    await f.locator('.fjs-dropdownlist-item', { hasText: '华林社区' }).first().click();
    await fill(modal, '积分对象编号', String(personId));
    await fill(modal, '积分规则代码', 'land-for-road');
    await fill(modal, '事实与依据', '2023年4月修建通组公路，自愿将自家土地无偿调剂支持公益事业，有村民小组会议记录为证。');
    await shot(page, '03-propose-start-form');
    await modal.locator('button', { hasText: '开始' }).last().click();
    await page.getByText('流程已发起。').first().waitFor();
    console.log('PROPOSE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function approve(baseUrl, personId, name) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'community.hualin');
    await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
    await page.waitForLoadState('networkidle');
    const card = page.locator('[cam-tasks] .tasks-list li', { hasText: `编号 ${personId}（` }).first();
    await card.waitFor();
    await card.locator('a').first().click();
    const details = page.locator('section.task-details');
    await field(details, '审核结论').waitFor();
    const facts = await details.textContent();
    expect(!facts.includes(name), 'the approval task shows the resident\'s name');
    const claim = details.locator('button', { hasText: '认领' });
    if (await claim.count()) {
      await claim.first().click();
      await page.waitForLoadState('networkidle');
    }
    await field(details, '审核结论').locator('label', { hasText: '同意加分' }).first().click();
    await shot(page, '04-approve-task');
    await details.locator('button', { hasText: '完成' }).first().click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    console.log('APPROVE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function openPoints(page) {
  await page.locator('#yishi-points-link').click();
  await page.locator('#yishi-points').waitFor();
  await page.waitForLoadState('networkidle');
}

async function shop(baseUrl, personId, itemName) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'shop.hualin');
    await openPoints(page);
    await page.locator('#yishi-redeem-person').waitFor();
    await page.selectOption('#yishi-redeem-person', String(personId));
    const item = await page.locator('#yishi-redeem-item option', { hasText: itemName }).first().getAttribute('value');
    await page.selectOption('#yishi-redeem-item', item);
    await page.fill('#yishi-redeem-quantity', '1');
    await shot(page, '05-shop-redeem-form');
    await page.locator('#yishi-redeem-submit').click();
    const ok = page.locator('#yishi-points-message .alert-success');
    await ok.waitFor();
    const said = (await ok.textContent()).trim();
    expect(said.startsWith('已兑换：' + itemName), `after the redemption: ${said}`);
    await shot(page, '06-shop-redeemed');
    await page.selectOption('#yishi-redeem-person', String(personId));
    await page.selectOption('#yishi-redeem-item', item);
    await page.fill('#yishi-redeem-quantity', '5');
    await page.locator('#yishi-redeem-submit').click();
    const refused = page.locator('#yishi-points-message .alert-danger');
    await refused.waitFor();
    const why = (await refused.textContent()).trim();
    expect(why.includes('积分余额不足'), `the refusal says: ${why}`);
    await shot(page, '07-shop-refused');
    console.log('SHOP_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function manage(baseUrl, name) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'community.hualin');
    await openPoints(page);
    await page.locator('#yishi-points-tab-persons').waitFor();
    expect(await page.locator('#yishi-points-tab-redeem').count() === 0, 'the committee is offered redemptions');
    await page.locator('#yishi-points-tab-persons').click();
    await page.locator('#yishi-person-name').waitFor();
    await page.fill('#yishi-person-name', name);
    await page.fill('#yishi-person-compound', '大坪院坝');
    await page.fill('#yishi-person-household', '5组8号');
    await page.check('#yishi-person-publish');
    await page.locator('#yishi-person-add').click();
    const ok = page.locator('#yishi-points-message .alert-success');
    await ok.waitFor();
    expect((await ok.textContent()).includes('已登记'), 'no confirmation');
    await page.locator('#yishi-points-persons tr', { hasText: name }).first().locator('button', { hasText: '台账' }).click();
    await page.locator('#yishi-points-ledger h4').first().waitFor();
    await shot(page, '08-manage-persons');
    await page.locator('#yishi-points-tab-rules').click();
    await page.locator('#yishi-points-rules').waitFor();
    await shot(page, '09-manage-rules');
    console.log('MANAGE_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { table, propose, approve, shop, manage };
if (!steps[step]) {
  console.error(`unknown step ${step}`);
  process.exit(2);
}
steps[step](...args).catch(e => {
  console.error(e);
  process.exit(1);
});
