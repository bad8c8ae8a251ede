// Privacy by role and the claim pool (揭榜) in a real browser (Debian's chromium, driven by playwright-core):
//   node privacy.js pool <baseUrl> <caseNo> <taskId>
//     unit.property-shengdian (another community's property company): 待认领 does not list the 华林 case, and
//     Tasklist's own REST calls can neither list, open nor claim its task; /api/cases/{no} refuses the case;
//     unit.property-hualin: 待认领 lists it; it claims it for 华林社区物业服务公司.
// Run by PrivacyJourneyIT, which prepares the case and checks the database afterwards. Screenshots go to
// target/screenshots/privacy-NN-*.png.
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , step, ...args] = process.argv;

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/privacy-${name}.png`, fullPage: true });
}

function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

async function choose(scope, label, optionLabel) {
  const f = field(scope, label);
  await f.locator('.fjs-input-group').first().click();
  await f.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
}

async function openFilter(page, filterName) {
  await page.locator('.task-filters .content h4 a', { hasText: filterName }).first().click();
  await page.waitForLoadState('networkidle');
  await page.locator('[cam-tasks]').first().waitFor();
}

async function asForeignUnit(baseUrl, caseNo, taskId) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'unit.property-shengdian');
    await openFilter(page, '待认领');
    // the list has loaded (and is empty), not merely begun loading
    await page.locator('[cam-tasks]', { hasText: '没有符合筛选条件的任务。' }).first().waitFor();
    const list = await page.locator('[cam-tasks]').first().textContent();
    expect(!list.includes(caseNo), `unit.property-shengdian sees ${caseNo} in 待认领`);
    await shot(page, '01-foreign-claim-pool');
    const tried = await page.evaluate(async ({ taskId, caseNo }) => {
      const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
      const engine = '/camunda/api/engine/engine/default';
      const headers = { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token, Accept: 'application/json' };
      const status = async (method, url, body) => (await fetch(url, { method, headers, body, credentials: 'same-origin' })).status;
      const query = await fetch(`${engine}/task?processInstanceBusinessKey=${caseNo}&firstResult=0&maxResults=50`, { headers });
      const list = await query.json();
      return {
        listed: query.status === 200 && Array.isArray(list) ? list.length : 'HTTP ' + query.status,
        open: await status('GET', `${engine}/task/${taskId}/form`),
        claim: await status('POST', `${engine}/task/${taskId}/claim`, JSON.stringify({ userId: 'unit.property-shengdian' })),
        record: await status('GET', `/api/cases/${caseNo}`),
      };
    }, { taskId, caseNo });
    expect(tried.listed === 0, 'another community\'s claim pool task is listed: ' + JSON.stringify(tried));
    expect(tried.open === 403 || tried.open === 404, 'the task form opened: ' + JSON.stringify(tried));
    expect(tried.claim === 403 || tried.claim === 404, 'the task was claimed: ' + JSON.stringify(tried));
    expect(tried.record === 403, 'the case record was shown: ' + JSON.stringify(tried));
    console.log('FOREIGN_REFUSED ' + JSON.stringify(tried));
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/privacy-failed-foreign.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function asServingUnit(baseUrl, caseNo) {
  const { browser, page } = await desktop();
  try {
    await signIn(page, baseUrl, 'tasklist', 'unit.property-hualin');
    await openFilter(page, '待认领');
    const card = page.locator('[cam-tasks] .tasks-list li', { hasText: caseNo }).first();
    await card.waitFor();
    await shot(page, '02-claim-pool');
    await card.locator('a').first().click();
    const details = page.locator('section.task-details', { hasText: caseNo }).first();
    await details.waitFor();
    await page.locator('section.task-details button.claim').first().click();
    await page.locator('section.task-details button.unclaim').first().waitFor();
    await field(details, '认领单位（本单位）').waitFor();
    await choose(details, '认领单位（本单位）', '华林社区物业服务公司');
    await shot(page, '03-claim-form');
    await page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last().click();
    await page.locator('section.task-details', { hasText: caseNo }).first().waitFor({ state: 'detached' });
    await shot(page, '04-claimed');
    console.log('POOL_CLAIMED');
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/privacy-failed-serving.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function pool(baseUrl, caseNo, taskId) {
  await asForeignUnit(baseUrl, caseNo, taskId);
  await asServingUnit(baseUrl, caseNo);
}

const steps = { pool };
steps[step](...args).catch(e => {
  console.error(e.stack || e.message);
  process.exit(1);
});
