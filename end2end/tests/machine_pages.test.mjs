// The pages of the catalog's machine side, as a person uses them: the
// SPARQL editor with the keyboard, and a record page linking its data.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, MODES, BASE } from './support.mjs';

describe('machine-side pages', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`a query typed into the SPARQL editor shows its results (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await visit(page, '/sparql', false);
      const editor = page.getByLabel('Query');
      await editor.fill('SELECT ?title WHERE { <' + BASE.replace('localhost', '127.0.0.1') + '/datasets/bicycle-counts> <http://purl.org/dc/terms/title> ?title }');
      await editor.focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Results' }).waitFor();
      const cells = await page.locator('td').allTextContents();
      assert.ok(cells.includes('Bicycle counts'), `results: ${cells}`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`a record page shows the record and links its RDF (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      const response = await visit(page, '/datasets/bicycle-counts', false);
      assert.equal(response.status(), 200);
      assert.equal(await page.textContent('h1'), 'Bicycle counts');
      const turtle = page.getByRole('link', { name: 'text/turtle' });
      const href = await turtle.getAttribute('href');
      const answer = await page.request.get(BASE + href);
      assert.equal(answer.status(), 200);
      assert.match(answer.headers()['content-type'], /^text\/turtle/);
      assert.match(await answer.text(), /dcat:Dataset/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
