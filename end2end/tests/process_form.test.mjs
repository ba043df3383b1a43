// A moderator opens a consultation with the consultation form, with the
// keyboard only, JavaScript off and on; a resident then proposes in it and
// cites a catalog record: found as they type with JavaScript, pasted
// without.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, settle, signInWithKeyboard, MODES, RESIDENT, MODERATOR } from './support.mjs';

async function press(page, locator) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

async function type(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

const day = 24 * 60 * 60 * 1000;
const utc = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('the consultation form', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`a moderator opens a consultation, a resident proposes and cites (${name})`, async () => {
      const slug = `benches-${js ? 'js' : 'plain'}-${Date.now()}`;
      const title = `Benches on the quays (${name})`;
      const moderator = await openPage(browser, { js });
      await signInWithKeyboard(moderator.page, js, MODERATOR, '/moderation');
      await press(moderator.page, moderator.page.getByRole('link', { name: 'New consultation' }));
      await moderator.page.waitForURL(/\/moderation\/consultations\/new$/);
      await settle(moderator.page, js);
      await type(moderator.page, '#process-slug', slug);
      await type(moderator.page, '#process-title', title);
      await type(moderator.page, '#process-summary', 'Where should the new benches go?');
      await type(moderator.page, '#process-proposals-starts', utc(Date.now() - day));
      await type(moderator.page, '#process-proposals-ends', utc(Date.now() + 30 * day));
      await press(moderator.page, moderator.page.getByRole('button', { name: 'Create the consultation' }));
      await moderator.page.waitForURL(new RegExp(`/consultations/${slug}\\?done=process_saved`));
      await settle(moderator.page, js);
      await moderator.page.getByRole('heading', { name: title, level: 1 }).waitFor();
      assert.deepEqual(moderator.problems, []);
      await moderator.context.close();

      const { context, page, problems } = await openPage(browser, { js });
      await signInWithKeyboard(page, js, RESIDENT, `/consultations/${slug}/new`);
      await settle(page, js);
      await type(page, '#proposal-title', 'Three benches facing the water');
      await type(page, '#proposal-body', 'In the shade, with backs.');
      const finder = page.getByLabel('Find a record to cite');
      if (js) {
        await finder.focus();
        await page.keyboard.type('bicycle');
        const cite = page.getByRole('button', { name: /^Cite Bicycle counts/ });
        await cite.waitFor();
        await press(page, cite);
        await page.getByText('Added to the citations: Bicycle counts').waitFor();
        assert.match(await page.locator('#proposal-citations').inputValue(), /\/datasets\/bicycle-counts$/);
      } else {
        assert.equal(await finder.isVisible(), false, 'without JavaScript the finder stays hidden');
        const record = new URL('/datasets/bicycle-counts', page.url()).href;
        await type(page, '#proposal-citations', record);
      }
      await press(page, page.getByRole('button', { name: 'Publish proposal' }));
      await page.waitForURL(/done=proposal_published/);
      await settle(page, js);
      await page.getByRole('heading', { name: 'Evidence cited' }).waitFor();
      assert.ok(await page.getByRole('link', { name: 'Bicycle counts' }).isVisible());
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
