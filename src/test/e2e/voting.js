// 一户一票 in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node voting.js ballot   <baseUrl> <token> <otherToken>  a household votes on its 390-px phone page: the matter, the
//                                                           options, the confirmation step, the receipt; then the used
//                                                           token's page and an unknown token's page
//   node voting.js sheets   <baseUrl> <taskId>              room.hualin opens the 录入纸质选票 task, its tab 选票, and the
//                                                           printable A4 ballot sheets with QR codes
//   node voting.js paper    <baseUrl> <taskId> <token>  room.hualin enters a paper ballot in the dynamic list of
//                                                           录入纸质选票 and completes it with 完成 in Tasklist
//   node voting.js register <baseUrl>                       room.hualin opens 住户名册, uploads a bad file (line-by-line
//                                                           report, nothing stored) and then a good one
//   node voting.js count    <baseUrl>                       the community's public page on a phone: the public count
// Run by VotingIT, which starts the application, opens the vote and checks the database between the steps.
// Screenshots go to target/screenshots/vote-NN-*.png.
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
  await page.screenshot({ path: `${SHOTS}/vote-${name}.png`, fullPage: true });
}

async function noHorizontalScroll(page, what) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide <= 390, `${what} is ${wide}px wide on a 390-px phone`);
}

async function ballot(baseUrl, token, otherToken) {
  const { browser, page } = await phone();
  try {
    const response = await page.goto(`${baseUrl}/public/votes/${token}`);
    expect(response.status() === 200, 'ballot page: HTTP ' + response.status());
    const text = await page.locator('main').innerText();
    for (const words of ['是否同意1栋加装电梯', '御苑小区 1栋', '截止时间', '四分之三以上', '同意', '不同意', '弃权', '已有']) {
      expect(text.includes(words), `the ballot page lacks ${words}`);
    }
    await noHorizontalScroll(page, 'the ballot page');
    await shot(page, '01-ballot');

    // without a choice the browser's own check keeps the form; with one, the confirmation step
    await page.locator('label.vote-option', { hasText: /^\s*同意\s*$/ }).click();
    await shot(page, '02-ballot-chosen');
    await Promise.all([page.waitForNavigation(), page.click('#vote-next')]);
    expect((await page.locator('#confirm-choice').innerText()).trim() === '同意', 'the confirmation does not show 同意');
    await noHorizontalScroll(page, 'the confirmation page');
    await shot(page, '03-confirm');

    await Promise.all([page.waitForNavigation(), page.click('#vote-confirm')]);
    const receipt = await page.locator('#vote-receipt').innerText();
    expect(receipt.includes('投票回执') && receipt.includes('同意'), 'no receipt: ' + receipt);
    const number = (await page.locator('#receipt-no').innerText()).trim();
    expect(/^[0-9A-F]{10}$/.test(number), 'no receipt number: ' + number);
    await noHorizontalScroll(page, 'the receipt');
    await shot(page, '04-receipt');

    // the same link again: the household has voted; the page keeps no choice to change
    await page.goto(`${baseUrl}/public/votes/${token}`);
    await page.locator('#vote-used').waitFor();
    expect(await page.locator('#vote-form').count() === 0, 'a used token still offers the form');
    await shot(page, '05-used');

    const unknown = await page.goto(`${baseUrl}/public/votes/${otherToken}x`);
    expect(unknown.status() === 404, 'unknown token: HTTP ' + unknown.status());
    expect((await page.locator('main').innerText()).includes('选票无效'), 'the unknown token page says nothing');
    await shot(page, '06-unknown');
    console.log('BALLOT_OK RECEIPT=' + number);
  } catch (error) {
    await shot(page, 'failed-ballot').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function sheets(baseUrl, taskId) {
  const { browser, context, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'room.hualin');
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
    await page.locator('section.task-details', { hasText: '录入纸质选票' }).first().waitFor();
    const tab = page.locator('section.task-details .nav-tabs a', { hasText: '选票' }).first();
    await tab.waitFor();
    await tab.click();
    const link = page.locator('#yishi-ballot-sheets');
    await link.waitFor();
    const said = await page.locator('.yishi-ballots').innerText();
    expect(said.includes('共 6 户'), 'the tab does not say 6 households: ' + said);
    await shot(page, '07-tasklist-ballot-tab');

    const [printed] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await printed.waitForLoadState('networkidle');
    const count = await printed.locator('.sheet').count();
    expect(count === 6, 'sheets: ' + count);
    const first = await printed.locator('.sheet').first().innerText();
    for (const words of ['居民表决选票', '1-1-101', '是否同意1栋加装电梯', '同意', '不同意', '弃权', '截止时间', '四分之三以上',
      '/public/votes/']) {
      expect(first.includes(words), `the ballot sheet lacks ${words}`);
    }
    expect(await printed.locator('.sheet .qr svg').count() === 6, 'a sheet without QR code');
    await printed.setViewportSize({ width: 900, height: 1200 });
    await printed.screenshot({ path: `${SHOTS}/vote-08-ballot-sheet.png`, clip: { x: 0, y: 0, width: 900, height: 1200 } });
    await printed.emulateMedia({ media: 'print' });
    await printed.pdf({ path: `${SHOTS}/vote-ballot-sheets.pdf`, format: 'A4', preferCSSPageSize: true });
    await printed.close();
    console.log('SHEETS_OK');
  } catch (error) {
    await shot(page, 'failed-sheets').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

// room.hualin enters one paper ballot in the dynamic list 纸质选票 of 录入纸质选票 and completes it with 完成 (Tasklist
// keeps 完成 enabled once the list is filled: yishi-dynamic-lists.js); an empty 选票编码 first shows 必填项
async function paper(baseUrl, taskId, token) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'room.hualin');
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
    const details = page.locator('section.task-details', { hasText: '录入纸质选票' }).first();
    await details.locator('.fjs-form').first().waitFor();
    await page.waitForTimeout(800);
    if (await details.locator('button.claim').first().isVisible()) {
      await details.locator('button.claim').first().click();
      await details.locator('button.unclaim').first().waitFor();
    }
    const row = (label, type) => details.locator(`.fjs-form-field-${type}`).filter({ has: page.locator('label', { hasText: label }) }).first();
    const done = details.locator('button[type=submit]', { hasText: '完成' }).last();
    await row('选票编码', 'textfield').locator('input').fill('x');
    await row('选票编码', 'textfield').locator('input').fill('');
    await row('选票编码', 'textfield').locator('input').blur();
    await page.waitForTimeout(300);
    expect(await done.isDisabled(), '完成 enabled with an empty 选票编码');
    expect((await row('选票编码', 'textfield').innerText()).includes('必填项'), 'no 必填项 under the empty 选票编码');
    await page.screenshot({ path: `${SHOTS}/dynlist-05-paper-required.png`, fullPage: true });
    await row('选票编码', 'textfield').locator('input').fill(token);
    await row('选择', 'select').locator('.fjs-input-group').first().click();
    await page.locator('.fjs-dropdownlist-item', { hasText: '同意' }).first().click();
    await page.waitForFunction(el => !el.disabled, await done.elementHandle(), { timeout: 5000 })
      .catch(() => { throw new Error('录入纸质选票: 完成 stays disabled in Tasklist'); });
    await done.scrollIntoViewIfNeeded();
    expect((await details.locator('.fjs-repeat-render-add').first().innerText()).includes('添加一行'), 'the list\'s add button in Chinese');
    await page.screenshot({ path: `${SHOTS}/dynlist-06-paper-filled.png`, fullPage: true });
    await done.click();
    await details.locator('.fjs-form').first().waitFor({ state: 'detached', timeout: 15000 })
      .catch(async () => { await shot(page, 'failed-paper'); throw new Error('录入纸质选票: not completed by 完成'); });
    console.log('PAPER_OK');
  } catch (error) {
    await shot(page, 'failed-paper').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function register(baseUrl) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'room.hualin');
    await page.locator('#yishi-register-link').click();
    const dialog = page.locator('#yishi-register');
    await dialog.locator('h4', { hasText: '华林社区' }).waitFor();
    const shown = await dialog.innerText();
    for (const words of ['御苑小区全体住户', '御苑小区 1栋 2单元', '滨江花园全体住户']) {
      expect(shown.includes(words), `the register lacks ${words}`);
    }
    await shot(page, '09-register');

    const bad = 'compound,building,unit,household,area\nhualin-binjiang,A,1,A-101,76.20\nhualin-binjiang,A,1,A-101,80\n'
      + 'hualin-binjiang,B,1,B-101,\n';
    await page.setInputFiles('#yishi-register-file', { name: '滨江花园.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('#yishi-register-upload');
    await dialog.locator('#yishi-register-report').waitFor();
    const refused = await dialog.locator('#yishi-register-result').innerText();
    expect(refused.includes('未导入') && refused.includes('与第2行重复') && refused.includes('缺少面积'), 'refusal: ' + refused);
    await shot(page, '10-register-refused');

    const good = 'compound,building,unit,household,area\nhualin-binjiang,A,1,A-101,76.20\nhualin-binjiang,A,1,A-201,88.00\n'
      + 'hualin-binjiang,B,1,B-101,76.20\nhualin-binjiang,B,1,B-201,88.00\nhualin-binjiang,C,1,C-101,120.00\n';
    await page.setInputFiles('#yishi-register-file', { name: '滨江花园.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.click('#yishi-register-upload');
    await dialog.locator('.alert-success').waitFor();
    await dialog.locator('td', { hasText: '滨江花园 C栋' }).first().waitFor();
    await shot(page, '11-register-imported');
    console.log('REGISTER_OK');
  } catch (error) {
    await shot(page, 'failed-register').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function count(baseUrl) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/meetings?community=hualin`);
    const section = page.locator('#public-count');
    await section.waitFor();
    const text = await section.innerText();
    expect(text.includes('公开计票') && text.includes('是否同意1栋加装电梯'), 'public count: ' + text);
    await section.scrollIntoViewIfNeeded();
    await noHorizontalScroll(page, 'the public count');
    await shot(page, '12-public-count');
    console.log('COUNT_OK ' + text.replace(/\s+/g, ' '));
  } finally {
    await browser.close();
  }
}

async function result(baseUrl, token) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/votes/${token}`);
    const section = page.locator('#vote-result');
    await section.waitFor();
    const text = await section.innerText();
    expect(text.includes('表决结果') && text.includes('面积') && text.includes('同意'), 'result: ' + text);
    expect(await page.locator('#vote-form').count() === 0, 'a closed vote still offers the form');
    await noHorizontalScroll(page, 'the result');
    await shot(page, '13-result');
    console.log('RESULT_OK ' + text.replace(/\s+/g, ' '));
  } finally {
    await browser.close();
  }
}

const steps = { ballot, sheets, paper, register, count, result };
steps[step](...args).catch(error => {
  console.error(error);
  process.exit(1);
});
