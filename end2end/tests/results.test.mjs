// A consultation's results with the keyboard only, with JavaScript off and
// on: a visitor opens the closed demo consultation, follows the link to its
// results, reads the city's summary, the answered proposals, the
// engagement chart and its table, and downloads the open data.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, settle, BASE, MODES } from './support.mjs';

async function press(page, locator) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

describe('results', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`read a consultation's results and its open data (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await page.goto(`${BASE}/consultations/school-streets`);
      await settle(page, js);
      await press(page, page.getByRole('link', { name: 'Results of this consultation' }));
      await page.waitForURL(/\/consultations\/school-streets\/results$/);
      await settle(page, js);
      await page.getByRole('heading', { name: 'What the city heard' }).waitFor();
      await page.getByText('What we will do.').waitFor();
      const answers = page.locator('#answers');
      assert.ok(await answers.getByRole('link', { name: 'A school street for the Brugschool' }).isVisible());
      assert.match(await answers.textContent(), /Close the Kaaistraat all day/);

      // Engagement: a chart whose title says the figures, and its table.
      const chart = page.locator('#engagement figure');
      assert.match(await chart.locator('svg title').textContent(), /Contributions per week\. \d{4}-\d{2}-\d{2}: \d+/);
      await press(page, chart.locator('summary'));
      assert.ok(await chart.getByRole('columnheader', { name: 'Supports' }).isVisible());
      assert.match(await page.locator('#engagement').textContent(), /never from page views, cookies or addresses/);

      // The open data, and the dataset in the catalog.
      const csvHref = await page.locator('#open-data a', { hasText: 'CSV' }).first().getAttribute('href');
      const csv = await page.request.get(`${BASE}${csvHref}`);
      assert.equal(csv.status(), 200);
      assert.match(await csv.text(), /^number,title,state,answer,/);
      await press(page, page.getByRole('link', { name: 'These results as a dataset in the city\'s catalog' }));
      await page.waitForURL(/\/datasets\/consultation-school-streets-results$/);
      await settle(page, js);
      await page.getByRole('heading', { name: /Results of the consultation/ }).waitFor();

      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
