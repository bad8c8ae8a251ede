// What the staff's browser suites share: Debian's chromium driven by playwright-core, a Chinese desktop browser,
// the webapps' sign-in, and a check that fails a step with a message.
const { chromium } = require('playwright-core');
const fs = require('fs');

const SHOTS = 'target/screenshots';
const PASSWORD = 'demo';

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// a desktop browser whose first language is Chinese, in the offices' time zone; screenshots go to target/screenshots
async function desktop() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    viewport: { width: 1440, height: 1000 },
  });
  context.setDefaultTimeout(20000);
  return { browser, context, page: await context.newPage() };
}

// signs a demo user (password demo) in to a webapp (tasklist, cockpit, admin) through its Chinese login form
async function signIn(page, baseUrl, app, user) {
  await page.goto(`${baseUrl}/camunda/app/${app}/default/`);
  await page.locator('form[name=signinForm] button[type=submit]', { hasText: '登录' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  await page.click('form[name=signinForm] button[type=submit]');
  await page.locator('form[name=signinForm]').waitFor({ state: 'detached' });
  await page.getByText('退出登录', { exact: false }).first().waitFor({ state: 'attached' });
}

module.exports = { SHOTS, PASSWORD, expect, desktop, signIn };
