// Sessions (议事会) in the browser: the convener's 确定议程 and a party's 会前沟通 completed with 完成 in Tasklist (one task for the whole agenda, a position per
// topic) and the chair's 议事会记录 in Tasklist, then the public notice /public/meetings on a 390-px phone, before and
// after the session is held. Setup and the other parties go through the REST APIs as their demo users.
//   node session.js <baseUrl>
// Screenshots: target/screenshots/session-NN-*.png.
const { SHOTS, PASSWORD, expect, desktop, signIn } = require('./harness');
const { chromium } = require('playwright-core');

const base = process.argv[2] || 'http://localhost:8187';
const tag = Math.random().toString(36).slice(2, 7);

async function call(method, path, user, body) {
  const headers = { Accept: 'application/json' };
  if (user) {
    headers.Authorization = 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, json: text ? (() => { try { return JSON.parse(text); } catch (e) { return text; } })() : null, text };
}

async function ok(method, path, user, body) {
  const r = await call(method, path, user, body);
  expect(r.status >= 200 && r.status < 300, `${method} ${path} as ${user}: ${r.status} ${r.text}`);
  return r.json;
}

async function report(category, title, compound, email) {
  const r = await ok('POST', '/api/cases', 'channel.12345', { channel: 'HOTLINE_12345', category, title,
    description: `居民反映：${title}。`, community: 'hualin', location: { address: `${compound}1栋`, compound },
    householdsAffected: 30, reporter: { name: '王五', phone: '13900139000', email } });
  if (r.status === 'MERGED') {
    return r.caseNo; // 附议: an open case of the same category at the compound (a rerun on the same database)
  }
  const review = await ok('GET', `/engine-rest/task?processInstanceBusinessKey=${r.caseNo}&taskDefinitionKey=userTask_review&maxResults=10`, 'demo');
  await ok('POST', `/engine-rest/task/${review[0].id}/submit-form`, 'community.hualin', { variables: {} });
  return r.caseNo;
}

// clicks 完成 on the open task (Tasklist enables it once the form is valid) and waits until the user's task is gone
async function complete(page, user, key, shot) {
  const before = await ok('GET', `/engine-rest/task?taskDefinitionKey=${key}&assignee=${user}&maxResults=50`, user);
  const done = page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last();
  await page.waitForFunction(el => !el.disabled, await done.elementHandle(), { timeout: 5000 })
    .catch(() => { throw new Error(`${key}: 完成 stays disabled in Tasklist`); });
  await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  await done.click();
  for (let i = 0; i < 40; i++) {
    const left = await ok('GET', `/engine-rest/task?taskDefinitionKey=${key}&assignee=${user}&maxResults=50`, user);
    if (left.length < before.length) {
      return;
    }
    await page.waitForTimeout(250);
  }
  await page.screenshot({ path: `${SHOTS}/${shot}-failed.png`, fullPage: true });
  throw new Error(`${key}: not completed by 完成 in Tasklist`);
}

function field(scope, label) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: label }) }).first();
}

async function openTask(page, text) {
  await page.locator('.task-filters .content h4 a', { hasText: '本组待办' }).first().click();
  const card = page.locator('[cam-tasks] .tasks-list li', { hasText: text }).first();
  await card.waitFor();
  await card.locator('a').first().click();
  await page.locator('section.task-details .fjs-form').first().waitFor();
  await page.waitForTimeout(1000);
  if (await page.locator('section.task-details button.claim').first().isVisible()) {
    await page.locator('section.task-details button.claim').first().click();
    await page.locator('section.task-details button.unclaim').first().waitFor();
  }
  await page.waitForTimeout(800);
}

async function phone(path, name) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2, isMobile: true })).newPage();
  const r = await page.goto(base + path);
  expect(r.status() === 200, `${path}: ${r.status()}`);
  const html = await page.content();
  expect(!html.includes('王五') && !html.includes('13900139000'), 'no personal data on the public notice');
  await page.screenshot({ path: `${SHOTS}/session-${name}.png`, fullPage: true });
  await browser.close();
  return html;
}

(async () => {
  const parking = await report('parking', `御苑小区停车位不足${tag}`, '御苑小区', 'wangwu@example.cn');
  const charging = await report('ev-charging', `滨江花园电动车充电难${tag}`, '滨江花园');
  const sessions = await ok('GET', '/engine-rest/process-instance?processDefinitionKey=deliberationSession&maxResults=50', 'demo');
  expect(sessions.length >= 1, 'a session process');
  const before = await phone('/public/meetings?community=hualin', '01-public-upcoming');
  expect(before.includes(parking) && before.includes(charging), 'both topics on the upcoming session\'s agenda');

  // 议程截止: the timer fired by hand
  for (const s of sessions) {
    const jobs = await ok('GET', `/engine-rest/job?processInstanceId=${s.id}&timers=true&maxResults=10`, 'demo');
    for (const j of jobs) {
      await ok('POST', `/engine-rest/job/${j.id}/execute`, 'demo');
    }
  }
  const { browser, page } = await desktop();
  try {
    await signIn(page, base, 'tasklist', 'room.hualin');
    await openTask(page, '确定议程');
    const form = page.locator('section.task-details');
    const problems = form.locator('.fjs-form-field-textarea').filter({ has: page.locator('label', { hasText: '问题清单' }) });
    const n = await problems.count();
    expect(n >= 2, `a problem list per topic (${n})`);
    for (let i = 0; i < n; i++) {
      await problems.nth(i).locator('textarea').fill('1. 车位与充电桩不足\n2. 费用分摊');
    }
    // 邀请反映人列席 on every topic (the parking reporter left an address: one mail), and an expert of the talent pool
    const invite = form.locator('.fjs-form-field-checkbox').filter({ has: page.locator('label', { hasText: '邀请反映人列席' }) });
    expect(await invite.count() === n, `an invitation checkbox per topic (${await invite.count()})`);
    for (let i = 0; i < n; i++) {
      await invite.nth(i).locator('input').check();
    }
    const experts = field(form, '邀请人才库专家');
    await experts.locator('input').first().click();
    await experts.locator('.fjs-dropdownlist-item', { hasText: '退休工程师志愿者' }).first().click();
    await page.screenshot({ path: `${SHOTS}/session-02-agenda.png`, fullPage: true });
    // 完成 in Tasklist (yishi-dynamic-lists.js: form-js's empty error lists inside a dynamic list do not block it)
    await complete(page, 'room.hualin', 'userTask_confirmAgenda', 'dynlist-01-agenda');

    await page.context().clearCookies();
    await signIn(page, base, 'tasklist', 'community.hualin');
    await openTask(page, '会前沟通');
    const positions = page.locator('section.task-details .fjs-form-field-textarea').filter({ has: page.locator('label', { hasText: '本方意见' }) });
    expect(await positions.count() >= 2, 'a position per topic in one task');
    for (let i = 0; i < await positions.count(); i++) {
      await positions.nth(i).locator('textarea').fill('同意，建议优先增设充电桩');
    }
    await page.screenshot({ path: `${SHOTS}/session-03-opinion.png`, fullPage: true });
    // a required 本方意见 emptied again blocks 完成 with its Chinese message; typed again, 完成 goes through
    await positions.first().locator('textarea').fill('');
    await positions.first().locator('textarea').blur();
    const done = page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last();
    await page.waitForTimeout(300);
    expect(await done.isDisabled(), '完成 disabled while a required 本方意见 is empty');
    expect((await positions.first().innerText()).includes('必填'), 'the Chinese message under the empty 本方意见');
    await page.screenshot({ path: `${SHOTS}/dynlist-02-opinion-required.png`, fullPage: true });
    await positions.first().locator('textarea').fill('同意，建议优先增设充电桩');
    await complete(page, 'community.hualin', 'userTask_sessionOpinion', 'dynlist-03-opinion');

    // the other parties through REST
    for (const user of ['community.hualin', 'owners.hualin', 'unit.property-hualin', 'residents.hualin']) {
      const mine = await ok('GET', '/engine-rest/task?taskDefinitionKey=userTask_sessionOpinion&maxResults=50', user);
      for (const t of mine) {
        const vars = await ok('GET', `/engine-rest/task/${t.id}/form-variables?variableNames=positions&deserializeValues=false`, user);
        const rows = JSON.parse(vars.positions.value).map(p => ({ ...p, position: '同意' }));
        await ok('POST', `/engine-rest/task/${t.id}/submit-form`, user,
          { variables: { positions: { type: 'Json', value: JSON.stringify(rows) } } });
      }
    }
    const left = await ok('GET', '/engine-rest/task?taskDefinitionKey=userTask_sessionOpinion&maxResults=50', 'demo');
    for (const t of left) {
      const vars = await ok('GET', `/engine-rest/task/${t.id}/variables/positions?deserializeValue=false`, 'demo');
      const rows = JSON.parse(vars.value).map(p => ({ ...p, position: '同意' }));
      await ok('POST', `/engine-rest/task/${t.id}/submit-form`, 'demo', { variables: { positions: { type: 'Json', value: JSON.stringify(rows) } } });
    }

    await page.context().clearCookies();
    await signIn(page, base, 'tasklist', 'room.hualin');
    await openTask(page, '议事会记录');
    await page.screenshot({ path: `${SHOTS}/session-04-record.png`, fullPage: true });
    // typing into the list 议题 leaves 完成 enabled (before the fix, form-js's empty error list disabled it)
    const statements = page.locator('section.task-details .fjs-form-field-textarea').filter({ has: page.locator('label', { hasText: '议题阐述' }) });
    expect(await statements.count() >= 2, 'a statement per topic');
    await statements.first().locator('textarea').fill('车位与充电需求');
    await page.locator('section.task-details .fjs-form-field-textarea').filter({ has: page.locator('label', { hasText: '参会人员' }) }).first().locator('textarea').fill('社区党委、业委会、物业、居民代表');
    await page.waitForTimeout(300);
    expect(!(await page.locator('section.task-details button[type=submit]', { hasText: '完成' }).last().isDisabled()), '议事会记录: 完成 enabled after typing into a list');
    await page.screenshot({ path: `${SHOTS}/dynlist-04-record.png`, fullPage: true });
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/session-failed.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }

  // the chair's record through REST, then the public notice shows the held session with its resolutions
  const record = (await ok('GET', '/engine-rest/task?taskDefinitionKey=userTask_recordSession&maxResults=10', 'demo'))[0];
  const topics = JSON.parse((await ok('GET', `/engine-rest/task/${record.id}/variables/topics?deserializeValue=false`, 'demo')).value);
  const followUps = JSON.parse((await ok('GET', `/engine-rest/task/${record.id}/variables/followUps?deserializeValue=false`, 'demo')).value);
  const deadline = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  const parts = topics.map(t => ({ ...t, statement: '车位与充电需求', discussion: '五方讨论', responsibilities: '物业牵头' }));
  const items = topics.map(t => ({ topic: t.topic, unit: 'property-hualin', measure: `为〔议题${t.topic}〕施划车位、增设充电桩`, deadline }));
  await ok('POST', `/engine-rest/task/${record.id}/submit-form`, 'room.hualin', { variables: {
    attendees: { value: '社区党委、业委会、物业、居民代表' }, participants: { value: 16 }, groundRules: { value: '依次发言' },
    topics: { type: 'Json', value: JSON.stringify(parts) }, followUps: { type: 'Json', value: JSON.stringify(followUps.map(f => ({ ...f, rating: 4 }))) },
    sessionItems: { type: 'Json', value: JSON.stringify(items) } } });
  const after = await phone('/public/meetings?community=hualin', '05-public-held');
  expect(after.includes('已召开的议事会') && after.includes('增设充电桩'), 'the held session with its resolutions');
  expect(after.includes('邀请列席专家：<span>专业人才</span>') && !after.includes('退休工程师志愿者'),
    'the invited expert by expertise, never by name');
  const json = await ok('GET', '/public/meetings.json?community=hualin');
  expect(json.past.length >= 1 && JSON.stringify(json).includes(parking), 'the JSON notice');
  console.log('session journey ok', parking, charging);
})().catch(e => { console.error(e); process.exit(1); });
