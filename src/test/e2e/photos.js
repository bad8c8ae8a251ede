// Photos of a case (随手拍) in a real browser (Debian's chromium, driven by playwright-core), in Chinese:
//   node photos.js report   <baseUrl> <photo> <fake> <title>   a resident on a 390-px phone: a fake photo is refused
//                                                               (the typed text stays), then the real one is taken
//                                                               -> prints CASE_NO=...
//   node photos.js review   <baseUrl> <caseNo> <photo2>        community.hualin: 前置把关 → tab 照片, sees the resident's
//                                                               photo, uploads one more, releases the first
//   node photos.js intake   <baseUrl> <title> <photo>         grid.hualin registers a case with Tasklist's start form
//                                                               and adds a photo on the receipt (添加照片)
//   node photos.js public   <baseUrl> <caseNo> <count>         the public case lists <count> photos; the first is
//                                                               shown on the phone
// Run by PhotosIT, which starts the application and checks the database and the public view between the steps.
// Screenshots go to target/screenshots/photos-NN-*.png.
const { chromium } = require('playwright-core');
const fs = require('fs');
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function phone() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(20000);
  return { browser, page: await context.newPage() };
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/photos-${name}.png`, fullPage: true });
}

async function failed(page, error) {
  await page.screenshot({ path: `${SHOTS}/photos-failed-${step}.png`, fullPage: true }).catch(() => {});
  throw error;
}

async function report(baseUrl, photo, fake, title) {
  const { browser, page } = await phone();
  try {
    await page.goto(`${baseUrl}/public/report?community=hualin`);
    await page.selectOption('#category', 'streetlight');
    await page.fill('#title', title);
    await page.fill('#description', '3栋门口路灯不亮一周了，晚上出行不便，附现场照片。');
    await page.selectOption('#compound', '');
    // a page renamed to .jpg: the phone calls it a JPEG, the server looks at its bytes
    await page.setInputFiles('#photos', fake);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const refused = await page.textContent('main');
    expect(refused.includes('不是 JPEG、PNG 或 WebP 格式的图片'), 'the fake photo was not refused: ' + refused);
    expect(await page.inputValue('#title') === title, 'the title was not kept');
    expect(refused.includes('请重新选择照片'), 'no hint to choose the photo again');
    await shot(page, '01-report-refused-fake-photo');

    await page.setInputFiles('#photos', photo);
    await shot(page, '02-report-with-photo');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const text = await page.textContent('main');
    const match = text.match(/FX-\d{4}-\d{6}/);
    expect(match, 'no case number on the confirmation page: ' + text);
    expect(text.includes('已收到照片 1 张'), 'the photo is not acknowledged: ' + text);
    await shot(page, '03-report-done');
    console.log('CASE_NO=' + match[0]);
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function photosLoaded(page, count) {
  await page.waitForFunction(n => {
    const images = Array.from(document.querySelectorAll('.yishi-photo img'));
    return images.length === n && images.every(i => i.complete && i.naturalWidth > 0);
  }, count);
}

async function review(baseUrl, caseNo, photo2) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'community.hualin');
    await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
    await page.waitForLoadState('networkidle');
    const card = page.locator('[cam-tasks] .tasks-list li', { hasText: caseNo }).first();
    await card.waitFor();
    await card.locator('a').first().click();
    await page.locator('section.task-details', { hasText: caseNo }).first().waitFor();
    const tab = page.locator('section.task-details .nav-tabs a', { hasText: '照片' }).first();
    await tab.waitFor();
    await tab.click();
    await page.locator('.yishi-task-photos h4', { hasText: caseNo }).first().waitFor();
    await photosLoaded(page, 1);
    const meta = await page.locator('.yishi-photo .yishi-photo-meta').first().textContent();
    expect(meta.includes('群众上传') && meta.includes('未公开'), 'the photo card says ' + meta);
    await shot(page, '04-tasklist-photos-tab');

    await page.setInputFiles('.yishi-photo-file', photo2);
    await page.locator('.yishi-photo-upload').click();
    await photosLoaded(page, 2);
    await shot(page, '05-tasklist-photo-uploaded');

    await page.locator('.yishi-photo').first().locator('.yishi-photo-release').click();
    await page.locator('.yishi-photo').first().locator('.yishi-photo-confirm').waitFor();
    await shot(page, '06-tasklist-photo-release-confirm');
    await page.locator('.yishi-photo').first().locator('.yishi-photo-confirm').click();
    await page.locator('.yishi-photo').first().locator('.label-success', { hasText: '已公开' }).waitFor();
    await photosLoaded(page, 2);
    expect(await page.locator('.yishi-photo').nth(1).locator('.yishi-photo-release').count() === 1,
      'the second photo should still be releasable');
    await shot(page, '07-tasklist-photo-released');
    console.log('REVIEW_OK');
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

async function publicView(baseUrl, caseNo, count) {
  const { browser, page } = await phone();
  try {
    const reply = await page.request.get(`${baseUrl}/public/cases/${caseNo}`, { headers: { Accept: 'application/json' } });
    expect(reply.ok(), 'the public case: ' + reply.status());
    const view = await reply.json();
    expect(view.photos.length === Number(count), `the public case lists ${view.photos.length} photos`);
    if (view.photos.length) {
      // the address is yishi.public-base-url's; the test server listens elsewhere
      expect(/\/public\/photos\/[A-Za-z0-9_-]{43}$/.test(view.photos[0]), 'the photo address ' + view.photos[0]);
      await page.goto(baseUrl + new URL(view.photos[0]).pathname);
      await page.waitForFunction(() => {
        const i = document.querySelector('img');
        return i && i.complete && i.naturalWidth > 0;
      });
      await shot(page, '08-public-photo-on-phone');
    }
    console.log('PUBLIC_OK ' + view.photos.join(' '));
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

// A field of a Camunda Form (form-js) by its Chinese label.
function field(scope, label) {
  return scope.locator('.fjs-form-field').filter({ has: scope.page().locator('label', { hasText: label }) }).first();
}

async function intake(baseUrl, title, photo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'grid.hualin');
    await page.locator('.start-process-action a').first().click();
    const modal = page.locator('.modal-dialog');
    await modal.locator('a', { hasText: '诉求办理' }).first().click();
    await field(modal, '诉求标题').waitFor();
    for (const [label, option] of [['诉求类别', '路灯照明'], ['所在社区', '华林社区'], ['小区', '华林社区 御苑小区']]) {
      await field(modal, label).locator('.fjs-input-group').first().click();
      await field(modal, label).locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
    }
    await field(modal, '诉求标题').locator('input').first().fill(title);
    await field(modal, '诉求内容').locator('textarea').first().fill('上门走访时居民反映：7栋门口路灯不亮。');
    await field(modal, '涉及户数').locator('input').first().fill('20');
    await modal.locator('button', { hasText: '开始' }).last().click();
    const dialog = page.locator('#yishi-receipt');
    await dialog.waitFor();
    const caseNo = (await dialog.locator('#yishi-receipt-case-no').textContent()).trim();
    await dialog.locator('#yishi-receipt-photos .yishi-photo-file').setInputFiles(photo);
    expect((await dialog.locator('.yishi-photo-chosen').textContent()).includes('已选择 1 张'), 'the chosen photo is not named');
    await dialog.locator('.yishi-photo-upload').click();
    const status = dialog.locator('.yishi-photo-status.text-success');
    await status.waitFor();
    expect((await status.textContent()).includes('本办件现有 1 张照片'), 'after the upload: ' + await status.textContent());
    await shot(page, '09-receipt-photo-added');
    console.log('CASE_NO=' + caseNo);
  } catch (e) {
    await failed(page, e);
  } finally {
    await browser.close();
  }
}

const steps = { report, review, intake, public: publicView };
expect(steps[step], `unknown step ${step}`);
steps[step](...args).catch(e => {
  console.error(e);
  process.exit(1);
});
