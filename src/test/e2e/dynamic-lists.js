// A Camunda Form with a dynamic list completed with 完成 in Tasklist (yishi-dynamic-lists.js): community.hualin opens
// 定期听接待, fills 接待群众人数 and one row of 听到的诉求 (类别, 标题, 内容), sees 必填项 under an emptied required field
// of the row, and completes the task by clicking 完成.
//   node dynamic-lists.js <baseUrl> <taskId> <title>
// Screenshots: target/screenshots/dynlist-07-*.png, dynlist-08-*.png. Run by DynamicListFormsIT.
const { SHOTS, expect, desktop, signIn } = require('./harness');

const [, , base, taskId, title] = process.argv;

(async () => {
  const { browser, page } = await desktop();
  try {
    await signIn(page, base, 'tasklist', 'community.hualin');
    await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${taskId}`);
    const details = page.locator('section.task-details', { hasText: '定期听接待' }).first();
    await details.locator('.fjs-form').first().waitFor();
    await page.waitForTimeout(800);
    if (await details.locator('button.claim').first().isVisible()) {
      await details.locator('button.claim').first().click();
      await details.locator('button.unclaim').first().waitFor();
    }
    const field = (label, type) => details.locator(`.fjs-form-field-${type}`)
      .filter({ has: page.locator('label', { hasText: label }) }).first();
    const done = details.locator('button[type=submit]', { hasText: '完成' }).last();

    await field('接待群众人数', 'number').locator('input').fill('12');
    await field('诉求标题', 'textfield').locator('input').fill('x');
    await field('诉求标题', 'textfield').locator('input').fill('');
    await field('诉求标题', 'textfield').locator('input').blur();
    await page.waitForTimeout(300);
    expect(await done.isDisabled(), '完成 enabled with an empty 诉求标题');
    expect((await field('诉求标题', 'textfield').innerText()).includes('必填项'), 'no 必填项 under the empty 诉求标题');
    await page.screenshot({ path: `${SHOTS}/dynlist-07-reception-required.png`, fullPage: true });

    await field('诉求类别', 'select').locator('.fjs-input-group').first().click();
    await page.locator('.fjs-dropdownlist-item').first().click();
    await field('诉求标题', 'textfield').locator('input').fill(title);
    await field('诉求内容', 'textarea').locator('textarea').fill('居民反映楼道堆放杂物，影响通行。');
    // the compound is chosen from the directory (a searchable select), never typed
    await field('小区', 'select').locator('.fjs-input-group').first().click();
    await page.locator('.fjs-dropdownlist-item', { hasText: '御苑小区' }).first().click();
    await page.waitForFunction(el => !el.disabled, await done.elementHandle(), { timeout: 5000 })
      .catch(() => { throw new Error('定期听接待: 完成 stays disabled in Tasklist'); });
    await done.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dynlist-08-reception-filled.png`, fullPage: true });
    await done.click();
    await details.locator('.fjs-form').first().waitFor({ state: 'detached', timeout: 15000 })
      .catch(() => { throw new Error('定期听接待: not completed by 完成'); });
    console.log('RECEPTION_OK');
  } catch (e) {
    await page.screenshot({ path: `${SHOTS}/dynlist-failed.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });
