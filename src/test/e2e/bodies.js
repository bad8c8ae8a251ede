// 议事机构 in a real browser (Debian's chromium, playwright-core):
//   node bodies.js bodies <baseUrl>    community.hualin opens 议事机构 in Tasklist's header: the community's stations and
//                                      room with place, fixed days and party model; a fixed day out of range is refused
//                                      under the field and nothing changes; the room moves to the 5th and 20th with
//                                      城市 5+N (its standing parties ticked by the model) and a new place
//   node bodies.js refused <baseUrl>   grid.hualin opens 议事机构 and reads the Chinese refusal
// Run by BodiesIT. Screenshots go to target/screenshots/bodies-NN-*.png.
const { SHOTS, PASSWORD, expect, desktop } = require('./harness');

const [, , step, ...args] = process.argv;

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/bodies-${name}.png`, fullPage: true });
}

async function open(baseUrl, user) {
  const { browser, page } = await desktop();
  page.context().setDefaultTimeout(90000);
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`, { timeout: 240000 });
  // the first visit after start-up compiles the webapp's resources: give it time on a busy machine, and load the page
  // once more when it stays on the spinner (as resource-list.js does)
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
  await page.locator('#yishi-bodies-link').click();
  return { browser, page, dialog: page.locator('#yishi-bodies') };
}

async function bodies(baseUrl) {
  const { browser, page, dialog } = await open(baseUrl, 'community.hualin');
  try {
    await dialog.locator('#yishi-bodies-table').waitFor();
    const listed = await dialog.innerText();
    for (const words of ['议事机构', '御苑小区党群会客站', '滨江花园党群会客站', '华林社区党群会客室', '每月15日', '五方议事（奉新、金溪）',
      '社区（村）两委', '业主委员会', '初始配置']) {
      expect(listed.includes(words), `the list lacks ${words}: ${listed}`);
    }
    expect(!listed.includes('圣殿社区'), 'another community\'s bodies are listed');
    await shot(page, '01-list');

    const room = dialog.locator('#yishi-bodies-table tbody tr', { hasText: '华林社区党群会客室' });
    await room.locator('.yishi-body-edit').click();
    await dialog.locator('#yishi-body-form-title', { hasText: '修改：华林社区党群会客室' }).waitFor();
    await dialog.locator('#yishi-body-fixed-days').fill('15、32');
    await dialog.locator('#yishi-body-save').click();
    await dialog.locator('#yishi-body-fixedDays-error', { hasText: '1日到31日' }).waitFor();
    expect((await room.locator('.yishi-body-days').innerText()).trim() === '每月15日', 'a refused edit changed the list');
    await shot(page, '02-refused');

    await dialog.locator('#yishi-body-fixed-days').fill('5、20');
    await dialog.locator('#yishi-body-place').fill('华林社区二楼议事厅');
    await dialog.locator('#yishi-body-model').selectOption('URBAN_5N');
    const ticked = await dialog.locator('#yishi-body-parties input:checked').evaluateAll(n => n.map(i => i.value));
    expect(ticked.join(',') === 'TWO_COMMITTEES,PARTY_BRANCH,OWNERS_COMMITTEE,PROPERTY,SOCIAL_ORGS',
      'the model did not tick its standing parties: ' + ticked);
    await shot(page, '03-editing');
    await dialog.locator('#yishi-body-save').click();
    await dialog.locator('#yishi-bodies-notice', { hasText: '已保存：华林社区党群会客室' }).waitFor();
    const saved = await dialog.locator('#yishi-bodies-table tbody tr', { hasText: '华林社区党群会客室' }).innerText();
    for (const words of ['华林社区二楼议事厅', '每月5日、20日', '城市 5+N', '小区党支部', '社会组织', '社区书记 李']) {
      expect(saved.includes(words), `the saved row lacks ${words}: ${saved}`);
    }
    await shot(page, '04-saved');
    const text = await dialog.innerText();
    expect(!/ROOM:|STATION:|URBAN_5N|FIVE_PARTIES|hualin|system/.test(text), 'codes are shown: ' + text);
    console.log('BODIES_OK');
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/bodies-failed-${step}.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

async function refused(baseUrl) {
  const { browser, page, dialog } = await open(baseUrl, 'grid.hualin');
  try {
    const message = dialog.locator('#yishi-bodies-refused');
    await message.waitFor();
    expect((await message.innerText()).includes('只有议事机构本身、社区两委、街道工作人员和调度中心可以维护议事机构'), 'no Chinese refusal');
    await shot(page, '05-refused-grid');
    console.log('REFUSED_OK');
  } finally {
    await browser.close();
  }
}

const steps = { bodies, refused };
if (!steps[step]) {
  console.error('unknown step ' + step);
  process.exit(2);
}
steps[step](...args).catch(e => {
  console.error(e.stack || e.message);
  process.exit(1);
});
