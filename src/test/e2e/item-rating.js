// 民事民评 (一件一评价) in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node item-rating.js rate   <baseUrl> <token> <otherToken>  a participant of the session rates a resolution item on
//                                                             its 390-px phone page: the item, its unit, what was
//                                                             reported done; a submission without a rating is refused
//                                                             and keeps the comment; the confirmation; the receipt; then
//                                                             the used token's page and an unknown token's page
//   node item-rating.js sheets <baseUrl> <taskId>              jianwei.hualin opens 发放评价单, its tab 评价单, and the
//                                                             printable A4 rating sheets with QR codes
//   node item-rating.js result <baseUrl>                       the community's public page on a phone: the result of the
//                                                             round on the session's part
// Run by ItemRatingIT. Screenshots go to target/screenshots/item-rating-NN-*.png.
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
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 },
    isMobile: true, hasTouch: true, deviceScaleFactor: 2, extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  context.setDefaultTimeout(20000);
  return { browser, page: await context.newPage() };
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/item-rating-${name}.png`, fullPage: true });
}

async function noHorizontalScroll(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide <= 390, `${what} is ${wide}px wide on a 390-px phone`);
}

async function rate(baseUrl, token, otherToken) {
  const { browser, page } = await phone();
  try {
    const response = await page.goto(`${baseUrl}/public/item-ratings/${token}`);
    expect(response.status() === 200, 'rating page: HTTP ' + response.status());
    const text = await page.locator('main').innerText();
    for (const words of ['楼道照明改造', '县住建局', '灯具已全部更换', '评价截止', '非常满意', '非常不满意']) {
      expect(text.includes(words), `the rating page lacks ${words}`);
    }
    await noHorizontalScroll(page, 'the rating page');
    await shot(page, '01-page');

    // no rating chosen: refused by the server, the comment kept, nothing stored
    await page.fill('#comment', '灯亮了，楼道安全多了');
    await Promise.all([page.waitForNavigation(), page.click('#rating-next')]);
    expect((await page.locator('#rating-errors').innerText()).includes('请选择评分'), 'no refusal without a rating');
    expect((await page.inputValue('#comment')) === '灯亮了，楼道安全多了', 'the comment was not kept');
    await shot(page, '02-refused');

    await page.locator('label.rating-option', { hasText: '4 分' }).click();
    await Promise.all([page.waitForNavigation(), page.click('#rating-next')]);
    expect((await page.locator('#confirm-rating').innerText()).includes('4 分'), 'the confirmation does not show 4 分');
    expect((await page.locator('#confirm-comment').innerText()).includes('灯亮了'), 'the confirmation lacks the comment');
    await noHorizontalScroll(page, 'the confirmation page');
    await shot(page, '03-confirm');

    await Promise.all([page.waitForNavigation(), page.click('#rating-confirm')]);
    const receipt = await page.locator('#rating-receipt').innerText();
    expect(receipt.includes('评价回执') && receipt.includes('4 分'), 'no receipt: ' + receipt);
    const number = (await page.locator('#receipt-no').innerText()).trim();
    expect(/^[0-9A-F]{10}$/.test(number), 'no receipt number: ' + number);
    await noHorizontalScroll(page, 'the receipt');
    await shot(page, '04-receipt');

    await page.goto(`${baseUrl}/public/item-ratings/${token}`);
    await page.locator('#rating-used').waitFor();
    expect(await page.locator('#rating-form').count() === 0, 'a used token still offers the form');
    await shot(page, '05-used');

    const unknown = await page.goto(`${baseUrl}/public/item-ratings/${otherToken}x`);
    expect(unknown.status() === 404, 'unknown token: HTTP ' + unknown.status());
    expect((await page.locator('main').innerText()).includes('评价链接不存在'), 'the unknown token page says nothing');
    await shot(page, '06-unknown');
    console.log('RATE_OK RECEIPT=' + number);
  } catch (error) {
    await shot(page, 'failed-rate').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function sheets(baseUrl, taskId) {
  const { browser, context, page } = await desktop();
  // Tasklist's first load is slow on a busy machine
  context.setDefaultTimeout(60000);
  try {
    await signIn(page, baseUrl, 'tasklist', 'jianwei.hualin');
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
    await page.locator('section.task-details', { hasText: '发放评价单' }).first().waitFor();
    const tab = page.locator('section.task-details .nav-tabs a', { hasText: '评价单' }).first();
    await tab.waitFor();
    await tab.click();
    const link = page.locator('#yishi-rating-sheets');
    await link.waitFor();
    await shot(page, '07-tasklist-tab');
    const [sheet] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await sheet.waitForLoadState();
    const text = await sheet.locator('body').innerText();
    expect(text.includes('民事民评评价单') && text.includes('楼道照明改造'), 'no rating sheet: ' + text.substring(0, 200));
    expect(await sheet.locator('.qr svg').count() >= 2, 'the sheets have no QR codes');
    await sheet.screenshot({ path: `${SHOTS}/item-rating-08-sheet.png`, fullPage: false });
    console.log('SHEETS_OK');
  } catch (error) {
    await shot(page, 'failed-sheets').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function result(baseUrl) {
  const { browser, page } = await phone();
  try {
    const response = await page.goto(`${baseUrl}/public/meetings?community=hualin`);
    expect(response.status() === 200, 'meetings page: HTTP ' + response.status());
    const text = await page.locator('main').innerText();
    expect(text.includes('民事民评：'), 'the session shows no 民事民评 result');
    await page.locator('ul.evaluations').first().scrollIntoViewIfNeeded();
    await noHorizontalScroll(page, 'the meetings page');
    await shot(page, '09-public-result');
    console.log('RESULT_OK ' + text.split('\n').filter(l => l.includes('民事民评：')).join(' | '));
  } finally {
    await browser.close();
  }
}

const steps = { rate, sheets, result };
steps[step](...args).catch(error => {
  console.error(error);
  process.exit(1);
});
