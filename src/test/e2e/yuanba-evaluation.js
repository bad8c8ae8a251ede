// 双向评价 on a 390-px phone (Debian's chromium, driven by playwright-core), one step per run:
//   node yuanba-evaluation.js rate    <baseUrl> <token>        (page -> confirmation -> receipt -> used page)
//   node yuanba-evaluation.js unknown <baseUrl>                (a token that does not exist)
//   node yuanba-evaluation.js results <baseUrl> <community>    (the public results, no household or token)
// Run by YuanbaEvaluationIT, which opens the round and closes it in between. Screenshots go to
// target/screenshots/yuanba-evaluation-*.png.
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
  return { browser, page: await context.newPage() };
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/yuanba-evaluation-${name}.png`, fullPage: true });
}

async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width <= 390, `the page is ${width}px wide on a 390-px phone: ${page.url()}`);
}

async function rate(baseUrl, token) {
  const { browser, page } = await phone();
  try {
    const link = `${baseUrl}/public/yuanba-evaluations/${token}`;
    await page.goto(link);
    let text = await page.textContent('main');
    expect(text.includes('水桶湾院坝') && text.includes('院坝长') && text.includes('杨全国') && text.includes('包片干部'),
      'the page does not show the 院坝 and the persons: ' + text);
    await fitsThePhone(page);
    await shot(page, '1-sheet');

    const persons = await page.$$eval('fieldset.ev-person', list => list.map(f => f.getAttribute('data-position')));
    expect(persons.length === 5, 'five persons to rate, not ' + persons.length);
    for (const p of persons) {
      await page.check(`input[name=p${p}][value=${p === '1' ? 'DISSATISFIED' : 'SATISFIED'}]`);
    }
    await shot(page, '2-sheet-filled');
    await Promise.all([page.waitForNavigation(), page.click('#ev-next')]);
    text = await page.textContent('main');
    expect(text.includes('院坝长 杨全国') && text.includes('不满意') && text.includes('确认后即提交'),
      'the confirmation does not list the answers: ' + text);
    await fitsThePhone(page);
    await shot(page, '3-confirm');

    await Promise.all([page.waitForNavigation(), page.click('#ev-confirm-submit')]);
    text = await page.textContent('main');
    expect(text.includes('评价回执') && /[0-9A-F]{10}/.test(await page.textContent('#ev-receipt-no')),
      'no receipt: ' + text);
    await fitsThePhone(page);
    await shot(page, '4-receipt');

    const again = await page.goto(link);
    text = await page.textContent('main');
    expect(again.status() === 200 && text.includes('本户已参加评价'), 'the used link does not say so: ' + text);
    await shot(page, '5-used');
    console.log('RATED');
  } finally {
    await browser.close();
  }
}

async function unknown(baseUrl) {
  const { browser, page } = await phone();
  try {
    const reply = await page.goto(`${baseUrl}/public/yuanba-evaluations/${'A'.repeat(43)}`);
    const text = await page.textContent('body');
    expect(reply.status() === 404 && text.includes('评价链接无效'), 'the unknown link: ' + reply.status() + ' ' + text);
    await fitsThePhone(page);
    await shot(page, '6-unknown');
    console.log('UNKNOWN');
  } finally {
    await browser.close();
  }
}

async function results(baseUrl, community) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/yuanba-evaluations?community=${community}`);
    const text = await page.textContent('main');
    expect(text.includes('水桶湾院坝') && text.includes('杨全国') && text.includes('不及格'), 'the results: ' + text);
    expect(!text.includes('水桶湾1号'), 'a household on the public results');
    await fitsThePhone(page);
    await shot(page, '7-results');
    console.log('RESULTS');
  } finally {
    await browser.close();
  }
}

(async () => {
  const steps = { rate, unknown, results };
  if (!steps[step]) {
    throw new Error('unknown step ' + step);
  }
  await steps[step](...args);
})().catch(e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
