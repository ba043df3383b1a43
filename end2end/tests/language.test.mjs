// The language switch: a form post without JavaScript, an in-place switch
// with it; the choice sticks across pages and reloads.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, hydrated, MODES } from './support.mjs';

describe('language switch', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`switching to French and back (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await visit(page, '/catalog', js);
      assert.equal(await page.textContent('h1'), 'Catalog');

      await page.getByRole('button', { name: 'Français' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      assert.equal(await page.textContent('h1'), 'Catalogue');
      assert.equal(await page.title(), 'Catalogue · Plaza');
      await page.getByText("Mesures de la qualité de l'air").waitFor();
      assert.equal(new URL(page.url()).pathname, '/catalog', 'the reader stays on the same page');
      assert.equal(await page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed'), 'true');

      await page.reload();
      if (js) await hydrated(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'the choice survives a reload');
      assert.equal(await page.textContent('h1'), 'Catalogue');

      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await page.textContent('h1'), 'Catalog');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
