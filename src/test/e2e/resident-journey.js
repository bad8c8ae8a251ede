// A resident's journey in a real browser (Debian's chromium, driven by playwright-core):
//   node resident-journey.js report   <baseUrl> <community> <email>   -> prints CASE_NO=...
//   node resident-journey.js board    <baseUrl> <community> <caseNo> <title>
//   node resident-journey.js evaluate <evaluationUrl>
// Run by ResidentJourneyIT, which starts the application and does the staff's steps in between.
const { chromium } = require('playwright-core');

const [, , step, ...args] = process.argv;

async function phone() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
  return { browser, page: await context.newPage() };
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function report(baseUrl, community, email) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/report?community=${community}`);
    await page.selectOption('#category', 'streetlight');
    await page.fill('#title', '<script>alert(1)</script>路灯不亮');
    await page.fill('#description', '小区东门路灯坏了一周，晚上很黑。');
    await page.fill('#compound', `桃李小区${Date.now() % 100000}`);
    await page.fill('input[name=email]', email);
    await page.check('input[name=consent]');
    await page.screenshot({ path: 'target/e2e-report.png' });
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const text = await page.textContent('main');
    const match = text.match(/FX-\d{4}-\d{6}/);
    expect(match, 'no case number on the confirmation page: ' + text);
    await page.screenshot({ path: 'target/e2e-report-done.png' });
    console.log('CASE_NO=' + match[0]);
  } finally {
    await browser.close();
  }
}

async function board(baseUrl, community, caseNo, title) {
  const { browser, page } = await phone();
  try {
    let dialog = false;
    page.on('dialog', async d => { dialog = true; await d.dismiss(); });
    await page.goto(`${baseUrl}/public/board?community=${community}`);
    const text = await page.textContent('main');
    expect(text.includes(caseNo), 'the case is not on the board');
    expect(text.includes(title), 'the title is not shown as text');
    expect(!dialog, 'a script in the title ran');
    await page.screenshot({ path: 'target/e2e-board.png', fullPage: true });
    console.log('BOARD_OK');
  } finally {
    await browser.close();
  }
}

async function evaluate(url) {
  const { browser, page } = await phone();
  try {
    await page.goto(url);
    await page.check('input[name=satisfaction][value="5"]');
    await page.fill('#comment', '很满意，谢谢社区！');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const text = await page.textContent('body');
    expect(text.includes('感谢您的评价') && text.includes('您的评价已记录'), 'no thanks after rating: ' + text);
    await page.screenshot({ path: 'target/e2e-evaluated.png' });
    await page.goto(url);
    const again = await page.textContent('main');
    expect(again.includes('已使用过'), 'a used link is not explained: ' + again);
    console.log('EVALUATED');
  } finally {
    await browser.close();
  }
}

const steps = { report, board, evaluate };
steps[step](...args).catch(e => {
  console.error(e.message);
  process.exit(1);
});
