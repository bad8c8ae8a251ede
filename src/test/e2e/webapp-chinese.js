// Refusals in Tasklist read in Chinese only, in a real browser (Debian's chromium, playwright-core):
//   node webapp-chinese.js refusals <baseUrl> <workOrderNo> <title>
//     grid.hualin opens 诉求办理's start form, clears a required field and types a wrong phone number and e-mail
//     address: form-js's own messages are Chinese (此项为必填项。); then registers a 12345 work order whose number
//     is already a case: the notice is the service's Chinese reason, without "Cannot instantiate …" or field codes.
//   node webapp-chinese.js cockpit <baseUrl>
//     the admin's Cockpit lists the process definitions by name, without the column 键 (process keys)
// Run by WebappChineseIT. Screenshots go to target/screenshots/chinese-NN-*.png.
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;
// Latin letters a person may read in a refusal: the case numbers (FX-2026-000001) and nothing else
const ALLOWED_LATIN = /^FX$/;

function latinWords(text) {
  return [...new Set((text.match(/[A-Za-z]+/g) || []).filter(w => !ALLOWED_LATIN.test(w)))];
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/chinese-${name}.png`, fullPage: true });
}

function field(scope, label) {
  return scope.locator('.fjs-form-field').filter({ has: scope.page().locator('label', { hasText: label }) }).first();
}

async function fill(scope, label, value) {
  await field(scope, label).locator('textarea, input:not([type=hidden])').first().fill(value);
}

async function choose(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-input-group').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
}

async function refusals(baseUrl, workOrderNo, title) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'grid.hualin');
    await page.locator('.start-process-action a').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.start-process-action a').first().click();
    const modal = page.locator('.modal-dialog');
    await modal.locator('a', { hasText: '诉求办理' }).first().click();
    await field(modal, '诉求标题').waitFor();
    await page.waitForTimeout(300);

    // 1. form-js's own validation, before anything reaches the server (Tasklist keeps 开始 disabled meanwhile)
    await fill(modal, '诉求标题', '路灯');
    await fill(modal, '诉求标题', '');
    await fill(modal, '联系电话', 'abc');
    await fill(modal, '电子邮箱', 'no-mail');
    await page.keyboard.press('Tab');
    expect(await modal.locator('button', { hasText: '开始' }).last().isDisabled(), '开始 is enabled for an invalid form');
    const errors = modal.locator('.fjs-form-field-error li');
    await errors.first().waitFor();
    await page.waitForTimeout(300);
    const messages = await errors.allInnerTexts();
    expect(messages.includes('此项为必填项。'), 'no Chinese required message: ' + messages.join(' | '));
    expect(messages.includes('格式不正确，请检查。'), 'no Chinese pattern message: ' + messages.join(' | '));
    expect(messages.includes('请填写有效的电子邮箱地址。'), 'no Chinese e-mail message: ' + messages.join(' | '));
    const english = latinWords(messages.join(' '));
    expect(english.length === 0, 'English in form-js messages: ' + english.join(', '));
    await shot(page, '01-form-validation');

    // 2. the service refuses: the work order number is already a case
    await fill(modal, '联系电话', '');
    await fill(modal, '电子邮箱', '');
    await choose(modal, '来源渠道', '12345热线');
    await fill(modal, '12345工单号', workOrderNo);
    await choose(modal, '诉求类别', '路灯照明');
    await choose(modal, '所在社区', '华林社区');
    await fill(modal, '诉求标题', title);
    await fill(modal, '诉求内容', '御苑小区3栋门口路灯已坏一周，晚上出行不便。');
    await page.waitForTimeout(300);
    expect(await modal.locator('.fjs-form-field-error li').count() === 0, 'the form still shows errors');
    await modal.locator('button', { hasText: '开始' }).last().click();
    const notice = page.locator('.alert', { hasText: '请勿重复登记' }).first();
    await notice.waitFor();
    const text = (await notice.innerText()).replace(/\s+/g, ' ').trim();
    expect(text.includes('工单号 ' + workOrderNo + ' 已登记为办件 FX-'), 'the notice lacks the reason: ' + text);
    expect(!text.includes('Cannot'), 'the notice says "Cannot": ' + text);
    expect(!/。[：:]/.test(text), 'the heading of the notice ends in 。： — ' + text);
    expect(!text.includes('externalId'), 'the notice names the field code: ' + text);
    const latin = latinWords(text);
    expect(latin.length === 0, 'Latin words in the notice: ' + latin.join(', ') + ' — ' + text);
    await notice.scrollIntoViewIfNeeded();
    await shot(page, '02-service-refusal');
    console.log('REFUSALS_OK ' + text);
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/chinese-failed-${step}.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

// Cockpit's 流程 page lists the process definitions by their Chinese names, without the column 键 (process keys)
async function cockpit(baseUrl) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'cockpit', 'demo');
    await page.goto(`${baseUrl}/camunda/app/cockpit/default/#/processes`);
    const table = page.locator('table.process-definitions-list');
    await table.locator('tbody tr', { hasText: '诉求办理' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(!(await table.locator('th.key').first().isVisible()), 'the column 键 is shown');
    expect(!(await table.locator('td.key').first().isVisible()), 'the process keys are shown');
    const text = await table.innerText();
    expect(!text.includes('issueLifecycle'), 'a process key is shown: ' + text);
    const latin = latinWords(text);
    expect(latin.length === 0, 'Latin words in the process list: ' + latin.join(', '));
    await table.scrollIntoViewIfNeeded();
    await shot(page, '03-cockpit-processes');
    console.log('COCKPIT_OK');
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/chinese-failed-${step}.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

const steps = { refusals, cockpit };
if (!steps[step]) {
  console.error('unknown step ' + step);
  process.exit(2);
}
steps[step](...args).catch(e => {
  console.error(e);
  process.exit(1);
});
