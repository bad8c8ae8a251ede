// 议事观察员 and 码上拍 in a real browser (Debian's chromium, playwright-core), in Chinese:
//   node observers.js staff  <baseUrl>                  the dispatch centre opens 议事观察员 in Tasklist: a wrong phone
//                                                       refused in Chinese, a courier registered (the link shown once),
//                                                       a second one registered and withdrawn (停用) -> prints LINK=...
//   node observers.js report <baseUrl> <link> <photo>   the courier on a 390-px phone, positioned in 华林社区: sent
//                                                       without a photo (refused, the text kept), then with the photo
//                                                       and the position; the report is listed -> prints CASE_NO=...
//   node observers.js outside <baseUrl> <link> <photo>  positioned in Beijing: 位置不在本县任何社区内, the text kept
// Run by ObserversIT. Screenshots go to target/screenshots/observers-NN-*.png.
const { chromium } = require('playwright-core');
const fs = require('fs');
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function phone(latitude, longitude) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
    geolocation: { latitude, longitude, accuracy: 20 }, permissions: ['geolocation'] });
  context.setDefaultTimeout(20000);
  return { browser, page: await context.newPage() };
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/observers-${name}.png`, fullPage: true });
}

async function narrow(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width <= 390, 'the page is wider than the phone: ' + width);
}

async function staff(baseUrl) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'dispatch');
    await page.locator('#yishi-observers-link').click();
    const dialog = page.locator('#yishi-observers');
    const add = dialog.locator('#yishi-observer-add');
    await add.waitFor();
    await add.locator('input[name=name]').fill('张快递');
    await add.locator('input[name=phone]').fill('138001');
    await add.locator('select[name=kind]').selectOption('COURIER');
    await add.locator('input[name=company]').fill('顺丰速运');
    await add.locator('select[name=street]').selectOption('fengchuan');
    await add.locator('button[type=submit]').click();
    await dialog.locator('#yishi-observer-error', { hasText: '手机号码应为11位数字' }).waitFor();
    await add.locator('.yishi-field-error[data-field=phone]', { hasText: '手机号码应为11位数字' }).waitFor();
    await shot(page, '01-staff-refused');

    await add.locator('input[name=phone]').fill('13800138001');
    await add.locator('button[type=submit]').click();
    await dialog.locator('#yishi-observer-issued').waitFor();
    const link = await dialog.locator('#yishi-observer-link').inputValue();
    expect(/\/public\/observer\/[A-Za-z0-9_-]{43}$/.test(link), 'no link: ' + link);
    await dialog.locator('#yishi-observer-list .yishi-observer-name', { hasText: '张快递' }).waitFor();
    await shot(page, '02-staff-registered');

    const add2 = dialog.locator('#yishi-observer-add');
    await add2.locator('input[name=name]').fill('李骑手');
    await add2.locator('input[name=phone]').fill('13900139002');
    await add2.locator('select[name=kind]').selectOption('RIDER');
    await add2.locator('button[type=submit]').click();
    const row = dialog.locator('#yishi-observer-list tr', { hasText: '李骑手' });
    await row.waitFor();
    await row.locator('.yishi-withdraw').click();
    await row.locator('.yishi-withdraw-confirm').click();
    await dialog.locator('#yishi-observer-saved', { hasText: '已停用：李骑手' }).waitFor();
    await dialog.locator('#yishi-observer-list tr', { hasText: '李骑手' }).locator('.yishi-observer-state', { hasText: '已停用' }).waitFor();
    const text = await dialog.innerText();
    expect(!/COURIER|RIDER|fengchuan|Cannot|Error/.test(text), 'codes or English are shown: ' + text);
    await shot(page, '03-staff-withdrawn');
    console.log('LINK=' + link);
  } catch (e) {
    await shot(page, 'failed-staff').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

// the link names yishi.public-base-url; the test's server listens elsewhere
function local(baseUrl, link) {
  return baseUrl + new URL(link).pathname;
}

async function report(baseUrl, link, photo) {
  const { browser, page } = await phone(28.695, 115.375);
  try {
    await page.goto(local(baseUrl, link));
    await page.locator('text=顺丰速运 快递员').waitFor();
    await narrow(page);
    await shot(page, '04-phone-page');
    await page.selectOption('#category', 'streetlight');
    await page.fill('#description', '御苑小区北门路灯不亮，晚上送件很黑');
    await page.click('#locate');
    await page.locator('#position', { hasText: '已获取当前位置' }).waitFor();
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    let text = await page.textContent('main');
    expect(text.includes('请拍摄或选择一张照片'), 'sent without a photo, not refused: ' + text);
    expect((await page.inputValue('#description')).includes('北门路灯不亮'), 'the text was not kept');
    expect((await page.inputValue('#lat')) === '28.695000', 'the position was not kept');
    await shot(page, '05-phone-no-photo');

    await page.setInputFiles('#photos', photo);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    text = await page.textContent('main');
    const m = /办件编号：\s*([A-Z]+-\d{4}-\d{6})/.exec(text);
    expect(text.includes('已提交') && m, 'not registered: ' + text);
    const list = await page.textContent('#my-reports');
    expect(list.includes(m[1]) && list.includes('华林社区') && list.includes('已受理，待审核'), 'not listed: ' + list);
    expect(!/张快递|13800138001/.test(await page.content()), 'personal data on the page');
    await narrow(page);
    await shot(page, '06-phone-reported');

    await page.click(`#my-reports a:has-text("${m[1]}")`);
    await page.locator('text=已受理，待审核').first().waitFor();
    await shot(page, '07-phone-case-page');
    console.log('CASE_NO=' + m[1]);
  } catch (e) {
    await shot(page, 'failed-report').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function outside(baseUrl, link, photo) {
  const { browser, page } = await phone(39.9042, 116.4074);
  try {
    await page.goto(local(baseUrl, link));
    await page.selectOption('#category', 'safety-hazard');
    await page.fill('#description', '路口井盖缺失');
    await page.setInputFiles('#photos', photo);
    await page.click('#locate');
    await page.locator('#position', { hasText: '已获取当前位置' }).waitFor();
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const text = await page.textContent('main');
    expect(text.includes('位置不在本县任何社区内'), 'outside was not refused: ' + text);
    expect((await page.inputValue('#description')) === '路口井盖缺失', 'the text was not kept');
    await narrow(page);
    await shot(page, '08-phone-outside');
    console.log('OUTSIDE_OK');
  } catch (e) {
    await shot(page, 'failed-outside').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

({ staff, report, outside })[step](...args).catch(e => {
  console.error(e);
  process.exit(1);
});
