// 代办事项清单 in Tasklist, in a real browser (Debian's chromium, playwright-core):
//   node proxy-services.js maintain <baseUrl> <name>   dispatch opens 代办事项清单 in Tasklist's header, is refused field
//                                                      by field (no name, no documents, time limit 0, no office), adds
//                                                      a service with a new office, edits its time limit, retires it
//   node proxy-services.js read <baseUrl>              street.fengchuan sees the list without the form or buttons
// Run by ProxyServicesIT. Screenshots go to target/screenshots/proxy-services-NN-*.png.
const { SHOTS, PASSWORD, expect, desktop } = require('./harness');

const [, , step, ...args] = process.argv;

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/proxy-services-${name}.png`, fullPage: true });
}

async function tasklist(page, baseUrl, user) {
  page.context().setDefaultTimeout(90000);
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`, { timeout: 240000 });
  const signin = page.locator('form[name=signinForm] button[type=submit]', { hasText: '登录' });
  try {
    await signin.waitFor({ timeout: 150000 });
  } catch (e) {
    await page.reload({ timeout: 240000 });
    await signin.waitFor({ timeout: 150000 });
  }
  await page.waitForLoadState('networkidle');
  await page.locator('form[name=signinForm] input[type=text]').fill(user);
  await page.locator('form[name=signinForm] input[type=password]').fill(PASSWORD);
  await page.click('form[name=signinForm] button[type=submit]');
  await page.locator('form[name=signinForm]').waitFor({ state: 'detached' });
  await page.getByText('退出登录', { exact: false }).first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
}

async function openList(page) {
  await page.locator('#yishi-proxy-services-link').click();
  const dialog = page.locator('#yishi-proxy-services');
  await dialog.locator('#yishi-proxy-services-table').waitFor();
  return dialog;
}

async function maintain(baseUrl, name) {
  const { browser, page } = await desktop();
  try {
    await tasklist(page, baseUrl, 'dispatch');
    const dialog = await openList(page);
    const listed = await dialog.innerText();
    for (const words of ['代办事项清单', '低保申请', '乡镇（街道）社会事务办', '30 个工作日', '家庭经济状况核对授权书', '新增代办事项']) {
      expect(listed.includes(words), `the list lacks ${words}`);
    }
    await shot(page, '01-list');

    const before = await dialog.locator('#yishi-proxy-services-table tbody tr').count();
    await dialog.locator('#yishi-proxy-service-code').fill('one-child-award');
    await dialog.locator('#yishi-proxy-service-limit').fill('0');
    await dialog.locator('#yishi-proxy-service-steps').fill('代办员核对材料\n递交乡镇审核');
    await dialog.locator('#yishi-proxy-service-save').click();
    await dialog.locator('#yishi-proxy-service-name-error', { hasText: '请填写事项名称' }).waitFor();
    for (const [key, words] of [['documents', '请至少填写一项办理要件'], ['timeLimitDays', '办理时限应在1到60个工作日之间'],
      ['office', '请选择办理部门']]) {
      expect((await dialog.locator(`#yishi-proxy-service-${key}-error`).innerText()).includes(words), `no message for ${key}`);
    }
    expect(await dialog.locator('#yishi-proxy-services-table tbody tr').count() === before, 'a refused service was added');
    await shot(page, '02-refused');

    await dialog.locator('#yishi-proxy-office-name').fill('县卫生健康局');
    await dialog.locator('#yishi-proxy-office-add').click();
    await page.waitForFunction(() => document.querySelector('#yishi-proxy-service-office').value === '县卫生健康局');
    await dialog.locator('#yishi-proxy-service-name').fill(name);
    await dialog.locator('#yishi-proxy-service-limit').fill('20');
    await dialog.locator('#yishi-proxy-service-documents').fill('居民身份证\n户口簿\n独生子女父母光荣证');
    await dialog.locator('#yishi-proxy-service-save').click();
    await dialog.locator('#yishi-proxy-services-notice', { hasText: '已新增：' + name }).waitFor();
    const row = dialog.locator('#yishi-proxy-services-table tr[data-code="one-child-award"]');
    expect((await row.innerText()).includes('县卫生健康局'), 'the new office is not shown');
    await shot(page, '03-added');

    await row.locator('.yishi-proxy-service-edit').click();
    await dialog.locator('#yishi-proxy-service-limit').fill('15');
    await dialog.locator('#yishi-proxy-service-save').click();
    await dialog.locator('#yishi-proxy-services-notice', { hasText: '已保存修改：' + name }).waitFor();
    expect((await row.locator('.yishi-proxy-service-limit').innerText()) === '15 个工作日', 'the edit is not shown');

    await row.locator('.yishi-proxy-service-retire').click();
    await row.locator('.yishi-proxy-service-retire', { hasText: '确认停用' }).click();
    await dialog.locator('#yishi-proxy-services-notice', { hasText: '已停用：' + name }).waitFor();
    expect(await dialog.locator('tr[data-code="one-child-award"]').count() === 0, 'a retired service is listed');
    await dialog.locator('#yishi-proxy-services-show-retired').check();
    await dialog.locator('tr.retired[data-code="one-child-award"] .yishi-proxy-service-state', { hasText: '已停用' }).waitFor();
    await shot(page, '04-retired');
    console.log('MAINTAIN_OK');
  } finally {
    await browser.close();
  }
}

async function read(baseUrl) {
  const { browser, page } = await desktop();
  try {
    await tasklist(page, baseUrl, 'street.fengchuan');
    const dialog = await openList(page);
    const text = await dialog.innerText();
    expect(text.includes('代办事项清单由调度中心统一维护'), 'no read-only hint');
    expect(text.includes('房屋产权审批'), 'the list lacks 房屋产权审批');
    expect(await dialog.locator('#yishi-proxy-service-form').count() === 0, 'a street sees the form');
    expect(await dialog.locator('.yishi-proxy-service-edit').count() === 0, 'a street sees 修改');
    await shot(page, '05-street');
    console.log('READ_OK');
  } finally {
    await browser.close();
  }
}

(async () => {
  if (step === 'maintain') {
    await maintain(...args);
  } else if (step === 'read') {
    await read(...args);
  } else {
    throw new Error('unknown step ' + step);
  }
})().catch(e => {
  console.error(e);
  process.exit(1);
});
