// The page shell: server rendering without JavaScript, hydration with it,
// navigation on a phone, the skip link and the not-found page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, MODES, PHONE } from './support.mjs';

describe('page shell', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`the home page shows the demo city (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      const response = await visit(page, '/', js);
      assert.equal(response.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.title(), "Welcome to the city's Plaza · Plaza");
      assert.equal(await page.textContent('h1'), "Welcome to the city's Plaza");
      assert.equal(await page.locator('.recent .dataset-card').count(), 3);
      // Six demo datasets, and more when the publishing spec has run.
      assert.match(await page.textContent('.recent'), /\d+ datasets in the catalog/);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      for (const label of ['Catalog', 'Consultations', 'Maps', 'Models', 'Account']) {
        assert.ok(await nav.getByRole('link', { name: label, exact: true }).isVisible(), label);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`the skip link is the first stop and moves to the content (${name})`, async () => {
      const { context, page } = await openPage(browser, { js });
      await visit(page, '/catalog', js);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      assert.equal(focused, 'Skip to main content');
      assert.ok(await page.locator('.skip-link').isVisible(), 'the focused skip link is visible');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main' || location.hash === '#main');
      await context.close();
    });

    test(`an unknown address gets the 404 page (${name})`, async () => {
      const { context, page } = await openPage(browser, { js });
      const response = await page.goto(`${process.env.PLAZA_E2E_URL ?? 'http://127.0.0.1:3000'}/no/such/page`);
      assert.equal(response.status(), 404);
      assert.equal(await page.textContent('h1'), 'Page not found');
      await context.close();
    });
  }

  test('with JavaScript the page hydrates and the phone menu opens and closes', async () => {
    const { context, page, problems } = await openPage(browser, { js: true, viewport: PHONE });
    await visit(page, '/', true);
    const button = page.getByRole('button', { name: 'Menu' });
    const nav = page.locator('#site-nav');
    assert.ok(await button.isVisible(), 'the menu button appears once hydrated');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.ok(!(await nav.isVisible()), 'the navigation is folded');
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok(await nav.isVisible(), 'the navigation unfolds');
    await nav.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Catalog');
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'following a link folds the menu');
    assert.equal(await page.title(), 'Catalog · Plaza');
    assert.deepEqual(problems, [], 'no script, CSP or network error');
    await context.close();
  });

  test('without JavaScript a phone shows the whole navigation and nothing overflows', async () => {
    const { context, page } = await openPage(browser, { js: false, viewport: PHONE });
    await visit(page, '/', false);
    assert.ok(!(await page.getByRole('button', { name: 'Menu' }).isVisible()), 'no dead menu button');
    assert.ok(await page.locator('#site-nav').isVisible());
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `page is ${width}px wide on a ${PHONE.width}px screen`);
    await context.close();
  });
});
