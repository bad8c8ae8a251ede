// 院坝汇 micro-grids in a real browser (Debian's chromium, playwright-core):
//   node microgrid.js replace <baseUrl>   the township (street.fengchuan) opens 院坝管理 in Tasklist, picks 塘浦村 and
//                                         replaces the 院坝长 of 水桶湾院坝 after a failed evaluation; the new holder is
//                                         shown, the former one in 历任; a refused input shows a Chinese message
//   node microgrid.js evaluate <baseUrl>  the township opens a 双向评价 round of 水桶湾院坝 from its card
//   node microgrid.js sheets <baseUrl> <taskId>  the community (community.tangpu) opens the round's task 录入纸质评价表:
//                                         its tab 评价表 offers the printable sheets
//   node microgrid.js outsider <baseUrl>  a grid worker of 华林社区 sees no 院坝管理
// Run by MicroGridIT. Screenshots go to target/screenshots/yuanba-NN-*.png.
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, baseUrl, taskId] = process.argv;

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/yuanba-${name}.png`, fullPage: true });
}

async function openTasklist(page, user) {
  await signIn(page, baseUrl, 'tasklist', user);
  await page.locator('.task-filters .content h4 a').first().waitFor({ timeout: 60000 });
  await page.waitForLoadState('networkidle');
}

async function replace() {
  const { browser, page } = await desktop();
  try {
    await openTasklist(page, 'street.fengchuan');
    await page.locator('#yishi-microgrids-link').click();
    const dialog = page.locator('#yishi-microgrids');
    await dialog.locator('#yishi-microgrid-community').selectOption('tangpu');
    const card = dialog.locator('.yishi-grid', { hasText: '水桶湾院坝' });
    await card.locator('tr[data-role=HEAD] .yishi-holder-name', { hasText: '杨全国' }).waitFor();
    const text = await dialog.innerText();
    expect(!/tangpu|HEAD|ELECTION|DIRECTORY/.test(text), 'codes are shown: ' + text);
    await shot(page, '01-staff-page');

    await card.locator('tr[data-role=HEAD] .yishi-replace').click();
    const form = card.locator('.yishi-holder-form');
    await form.locator('input[name=name]').fill('雷雷洋');
    await form.locator('input[name=phone]').fill('123');
    await form.locator('select[name=reason]').selectOption('FAILED_EVALUATION');
    await form.locator('button[type=submit]').click();
    await form.locator('.alert-danger', { hasText: '联系电话应为11位手机号' }).waitFor();
    await shot(page, '02-staff-refused');

    await form.locator('input[name=phone]').fill('13800000002');
    await form.locator('input[name=userId]').fill('yb.lei');
    await form.locator('input[name=note]').fill('半年双向评价不及格，村民推选');
    await form.locator('button[type=submit]').click();
    await dialog.locator('#yishi-microgrid-saved').waitFor();
    const updated = dialog.locator('.yishi-grid', { hasText: '水桶湾院坝' });
    await updated.locator('tr[data-role=HEAD] .yishi-holder-name', { hasText: '雷雷洋' }).waitFor();
    await updated.locator('.yishi-history', { hasText: '院坝长 杨全国' }).waitFor();
    expect((await updated.locator('.yishi-history').innerText()).includes('评价不及格调整'), 'the reason is not in the history');
    await shot(page, '03-staff-replaced');
    console.log('REPLACE_OK');
  } catch (e) {
    await shot(page, 'failed-replace').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function evaluate() {
  const { browser, page } = await desktop();
  try {
    await openTasklist(page, 'street.fengchuan');
    await page.locator('#yishi-microgrids-link').click();
    const dialog = page.locator('#yishi-microgrids');
    await dialog.locator('#yishi-microgrid-community').selectOption('tangpu');
    const card = dialog.locator('.yishi-grid', { hasText: '水桶湾院坝' });
    await card.locator('.yishi-evaluate').click();
    const form = card.locator('.yishi-evaluation-form');
    await form.locator('input[name=electorate]').fill('tangpu-shangwu/水桶湾');
    await form.locator('textarea[name=cadres]').fill('包片干部 张卫东');
    await form.locator('button[type=submit]').click();
    const opened = card.locator('.yishi-evaluation-opened');
    await opened.waitFor();
    expect((await opened.innerText()).includes('水桶湾院坝'), 'the round is not named: ' + await opened.innerText());
    await shot(page, '04-evaluation-opened');
    console.log('EVALUATE_OK');
  } catch (e) {
    await shot(page, 'failed-evaluate').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function sheets() {
  const { browser, page } = await desktop();
  try {
    await openTasklist(page, 'community.tangpu');
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
    await page.locator('section.task-details', { hasText: '录入纸质评价表' }).first().waitFor();
    await page.locator('section.task-details .nav-tabs a', { hasText: '评价表' }).first().click();
    const link = page.locator('#yishi-evaluation-sheets');
    await link.waitFor();
    expect((await link.getAttribute('href')).endsWith('/sheets'), 'the sheets link is wrong');
    await shot(page, '05-sheets-tab');
    console.log('SHEETS_OK');
  } catch (e) {
    await shot(page, 'failed-sheets').catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function outsider() {
  const { browser, page } = await desktop();
  try {
    await openTasklist(page, 'grid.hualin');
    await page.waitForTimeout(1500);
    expect(await page.locator('#yishi-microgrids-link').count() === 0, 'a grid worker sees 院坝管理');
    console.log('OUTSIDER_OK');
  } finally {
    await browser.close();
  }
}

({ replace, evaluate, sheets, outsider })[step]().catch(e => {
  console.error(e);
  process.exit(1);
});
