// A publisher describes a new dataset in the form with the keyboard only:
// a mistake is shown next to its field, the fix saves the record, which is
// then found through a facet and fetched as Turtle.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, settle, signInWithKeyboard, PASSWORD, MODES, BASE } from './support.mjs';


async function type(page, label, text) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('record form', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`a dataset published through the form with the keyboard (${name})`, { skip: !PASSWORD && 'PLAZA_E2E_PASSWORD is not set' }, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await signInWithKeyboard(page, js);

      await page.getByRole('link', { name: 'Describe a new dataset' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/publish\/new/);
      await settle(page, js);

      const word = `formtest${js ? 'js' : 'nojs'}${Date.now()}`;
      await type(page, 'Title (English)', `Street lights ${word}`);
      await type(page, 'Keywords', word);
      await type(page, 'Contact e-mail', 'not-an-address');
      if (js) {
        // With JavaScript the error shows as soon as the field is left, once
        // the form's lazily loaded island has hydrated.
        await page.locator('form#record-form.live').waitFor();
        await page.keyboard.press('Tab');
        await page.locator('#contact_email-error').waitFor();
        assert.equal(await page.locator('#contact_email-error').textContent(), 'Enter an e-mail address like name@example.org.');
        assert.match(await page.locator('.form-quality').textContent(), /of \d+ points/);
      }
      await page.getByRole('checkbox', { name: 'Energy' }).focus();
      await page.keyboard.press('Space');
      await type(page, 'Access address', `${BASE}/datasets/street-lights-${word}`);
      await page.getByRole('button', { name: 'Save' }).focus();
      await page.keyboard.press('Enter');

      // Refused: the errors sit next to their fields, what was typed stays.
      await page.waitForURL(/\/publish\/drafts\//);
      await settle(page, js);
      await page.locator('#contact_email-error').waitFor();
      assert.equal(await page.locator('#contact_email-error').textContent(), 'Enter an e-mail address like name@example.org.');
      assert.equal(await page.locator('#description_en-error').textContent(), 'This is required: fill it in.');
      assert.equal(await page.getByLabel('Title (English)', { exact: true }).inputValue(), `Street lights ${word}`);
      assert.equal(await page.getByLabel('Contact e-mail').getAttribute('aria-invalid'), 'true');

      await type(page, 'Contact e-mail', 'lights@havenstad.example');
      await type(page, 'Description (English)', 'Every street light, with its lamp type.');
      await page.getByRole('button', { name: 'Save' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/datasets\/street-lights-/);
      await settle(page, js);
      assert.equal(await page.textContent('h1'), `Street lights ${word}`);

      await visit(page, `/catalog?q=${word}`, js);
      const themes = page.locator('section.facet', { has: page.getByRole('heading', { name: 'Theme' }) });
      await themes.getByRole('link', { name: /^Energy/ }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/theme=/);
      await settle(page, js);
      const link = page.getByRole('link', { name: `Street lights ${word}` });
      const href = await link.getAttribute('href');
      const turtle = await page.request.get(href, { headers: { Accept: 'text/turtle' } });
      assert.equal(turtle.status(), 200);
      assert.match(await turtle.text(), /data-theme\/ENER/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
