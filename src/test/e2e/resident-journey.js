// A resident's journey on a 390-px phone (Debian's chromium, driven by playwright-core), one step per run:
//   node resident-journey.js report   <baseUrl> <community> <email>         -> prints CASE_NO=...
//   node resident-journey.js follow   <baseUrl> <caseNo> <title>             (case page -> board -> case page)
//   node resident-journey.js case     <baseUrl> <caseNo> <text> <shot>        (the case page says <text>)
//   node resident-journey.js evaluate <evaluationUrl> <baseUrl> <caseNo>
// Run by ResidentJourneyIT, which starts the application and does the staff's steps in between. Screenshots go to
// target/screenshots/resident-*.png.
const { chromium } = require('playwright-core');
const fs = require('fs');
const { SHOTS, expect } = require('./harness');

const [, , step, ...args] = process.argv;

async function phone() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 },
    isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  context.setDefaultTimeout(20000);
  const page = await context.newPage();
  let dialog = false;
  page.on('dialog', async d => { dialog = true; await d.dismiss(); });
  return { browser, page, dialogs: () => dialog };
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/resident-${name}.png`, fullPage: true });
}

// nothing wider than the phone: no sideways scrolling
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width <= 390, `the page is ${width}px wide on a 390-px phone: ${page.url()}`);
}

async function report(baseUrl, community, email) {
  const { browser, page } = await phone();
  try {
    // a village with 院坝 (micro-grids): the compound (村民小组) and the 院坝 are chosen from the directory
    await page.goto(`${baseUrl}/public/report?community=tangpu`);
    const compounds = await page.$$eval('#compound option', os => os.map(o => o.textContent.trim()));
    expect(compounds.includes('上屋组'), 'the village page offers its compounds: ' + compounds);
    const yuanbas = await page.$$eval('#yuanba option', os => os.map(o => o.textContent.trim()));
    expect(yuanbas.includes('水桶湾院坝') && yuanbas.includes('老屋场院坝'), 'the village page offers its 院坝: ' + yuanbas);
    await page.selectOption('#compound', 'tangpu-shangwu');
    await page.selectOption('#yuanba', 'tangpu-shuitongwan');
    await fitsThePhone(page);
    await shot(page, '0-village-report');
    await page.goto(`${baseUrl}/public/report?community=${community}`);
    expect(await page.$('#yuanba') === null, 'a community without 院坝 shows no 院坝 select');
    await page.selectOption('#category', 'streetlight');
    await page.fill('#title', '<script>alert(1)</script>路灯不亮');
    await page.fill('#description', '小区东门路灯坏了一周，晚上很黑。');
    await page.selectOption('#compound', 'jiaoyuyuan-taoli');
    await page.fill('input[name=email]', email);
    await page.check('input[name=consent]');
    await shot(page, '1-report');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const text = await page.textContent('main');
    const match = text.match(/FX-\d{4}-\d{6}/);
    expect(match, 'no case number on the confirmation page: ' + text);
    await shot(page, '2-report-done');

    // the confirmation links to the case page, which says it awaits review and shows nothing of it yet
    await Promise.all([page.waitForNavigation(), page.click('#case-link')]);
    expect(page.url() === `${baseUrl}/public/cases/${match[0]}`, 'the confirmation does not lead to the case page: ' + page.url());
    const pending = await page.textContent('main');
    expect(pending.includes('已受理，待审核'), 'the case page does not say it awaits review: ' + pending);
    expect(!pending.includes('路灯不亮'), 'the case page shows content before review');
    await fitsThePhone(page);
    await shot(page, '3-case-pending');
    console.log('CASE_NO=' + match[0]);
  } finally {
    await browser.close();
  }
}

async function follow(baseUrl, caseNo, title) {
  const { browser, page, dialogs } = await phone();
  try {
    await page.goto(`${baseUrl}/public/cases/${caseNo}`);
    const text = await page.textContent('main');
    expect(text.includes('办理中') && text.includes(title), 'the case page does not show the reviewed case: ' + text);
    await fitsThePhone(page);
    await shot(page, '4-case');

    // back to the community's board; the case is there with a link to its page
    await Promise.all([page.waitForNavigation(), page.click('a[href^="/public/board?community="]')]);
    expect(page.url().includes('/public/board?community='), 'the case page does not lead to the board: ' + page.url());
    const board = await page.textContent('main');
    expect(board.includes(caseNo), 'the case is not on the board');
    expect(board.includes(title), 'the title is not shown as text');
    await shot(page, '5-board');
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/public/cases/${caseNo}"]`)]);
    expect(page.url() === `${baseUrl}/public/cases/${caseNo}`, 'the board does not lead to the case page: ' + page.url());
    expect(!dialogs(), 'a script in the title ran');

    // the list of public cases links each to its page
    await page.goto(`${baseUrl}/public/cases?community=jiaoyuyuan`);
    expect((await page.textContent('main')).includes(caseNo), 'the case is not in the list');
    await fitsThePhone(page);
    await shot(page, '5a-cases');
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/public/cases/${caseNo}"]`)]);
    expect(page.url() === `${baseUrl}/public/cases/${caseNo}`, 'the list does not lead to the case page: ' + page.url());

    // a mistyped number: a Chinese page that says so, not a framework page
    const unknown = await page.goto(`${baseUrl}/public/cases/FX-2026-999999`);
    expect(unknown.status() === 404, 'an unknown case is not 404: ' + unknown.status());
    const missing = await page.textContent('body');
    expect(missing.includes('办件不存在'), 'an unknown case is not explained: ' + missing);
    await shot(page, '5b-case-unknown');
    console.log('FOLLOWED');
  } finally {
    await browser.close();
  }
}

async function casePage(baseUrl, caseNo, text, name) {
  const { browser, page, dialogs } = await phone();
  try {
    await page.goto(`${baseUrl}/public/cases/${caseNo}`);
    const main = await page.textContent('main');
    expect(main.includes(text), `the case page does not say ${text}: ${main}`);
    expect(!dialogs(), 'a script in the title ran');
    await fitsThePhone(page);
    await shot(page, name);
    console.log('CASE_OK');
  } finally {
    await browser.close();
  }
}

async function evaluate(url, baseUrl, caseNo) {
  const { browser, page } = await phone();
  try {
    await page.goto(url);
    await page.check('input[name=satisfaction][value="5"]');
    await page.fill('#comment', '很满意，谢谢社区！');
    await fitsThePhone(page);
    await shot(page, '7-evaluate');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const text = await page.textContent('body');
    expect(text.includes('感谢您的评价') && text.includes('您的评价已记录'), 'no thanks after rating: ' + text);
    await shot(page, '8-evaluated');
    await page.goto(url);
    const again = await page.textContent('main');
    expect(again.includes('已使用过'), 'a used link is not explained: ' + again);

    await page.goto(`${baseUrl}/public/cases/${caseNo}`);
    const closed = await page.textContent('main');
    expect(closed.includes('已销号') && closed.includes('5 分') && closed.includes('已评价'), 'the case page does not show the rating: ' + closed);
    await shot(page, '9-case-closed');
    console.log('EVALUATED');
  } finally {
    await browser.close();
  }
}

const steps = { report, follow, case: casePage, evaluate };
steps[step](...args).catch(e => {
  console.error(e.message);
  process.exit(1);
});
