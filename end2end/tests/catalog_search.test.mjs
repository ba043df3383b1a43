// Searching the catalog as a reader does: type words with the keyboard,
// narrow with a facet, remove the filter, change the order. Every step is a
// link or a GET form, so it works the same with JavaScript off and on.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, settle, MODES } from './support.mjs';

async function resultTitles(page) {
  return page.locator('.results .card-title a').allTextContents();
}


describe('catalog search', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`words typed with the keyboard find a dataset (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await visit(page, '/catalog', js);
      await page.getByLabel('Search the catalog').focus();
      await page.keyboard.type('qualité air');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=qualit/);
      await settle(page, js);
      await page.getByRole('heading', { name: /^1 results$/ }).waitFor();
      assert.deepEqual(await resultTitles(page), ['Air quality measurements']);
      assert.equal(await page.getByLabel('Search the catalog').inputValue(), 'qualité air');
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`a facet narrows the results and its chip removes the filter (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await visit(page, '/catalog', js);
      const total = (await page.locator('.results-count').textContent()).match(/\d+/)[0];
      const format = page.locator('section.facet', { has: page.getByRole('heading', { name: 'Format' }) });
      const csv = format.getByRole('link', { name: /^CSV \d+/ });
      const expected = Number((await csv.locator('.facet-count').textContent()).match(/\d+/)[0]);
      await csv.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/format=/);
      await settle(page, js);
      await page.getByRole('heading', { name: `${expected} results` }).waitFor();
      assert.equal((await resultTitles(page)).length, expected);
      const chip = page.getByRole('link', { name: /Remove filter Format: CSV/ });
      await chip.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.search.includes('format='));
      await settle(page, js);
      await page.getByRole('heading', { name: `${total} results` }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`the sort menu orders results by title (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await visit(page, '/catalog', js);
      await page.getByLabel('Sort by').selectOption('title');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/sort=title/);
      await settle(page, js);
      const titles = await resultTitles(page);
      const total = Number((await page.locator('.results-count').textContent()).match(/\d+/)[0]);
      assert.equal(titles.length, Math.min(total, 20));
      const sorted = [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
      assert.deepEqual(titles, sorted);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
