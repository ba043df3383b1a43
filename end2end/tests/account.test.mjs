// A citizen's account with the keyboard only, with JavaScript off and on:
// sign up, download their data, sign out, sign in again, delete the
// account; and sign in through the city's OpenID Connect provider (a real
// oidc-provider that .ci/e2e starts on loopback).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, visit, settle, MODES } from './support.mjs';

const PASSWORD = 'a walk along the harbour';

async function typeInto(page, label, text) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

describe('account', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`sign up, download, sign out, sign in, delete (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      const email = `resident-${js ? 'js' : 'nojs'}-${Date.now()}@example.org`;
      const pseudonym = `Resident ${js ? 'JS' : 'NoJS'} ${Date.now() % 100000}`;

      await visit(page, '/account/sign-up', js);
      await typeInto(page, 'Email address', email);
      await typeInto(page, 'Pseudonym', pseudonym);
      // A common password first: refused, with the message linking to the field.
      await typeInto(page, 'New password', 'password123456');
      await page.getByRole('checkbox').focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Create my account' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/error=password_common/);
      await settle(page, js);
      await page.getByText('This password is too common').waitFor();
      await page.getByRole('link', { name: 'Go to the field' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#sign-up-password$/);

      await typeInto(page, 'Email address', email);
      await typeInto(page, 'Pseudonym', pseudonym);
      await typeInto(page, 'New password', PASSWORD);
      await page.getByRole('checkbox').focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Create my account' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\?done=welcome$/);
      await settle(page, js);
      await page.getByText('Welcome! Your account is ready and you are signed in.').waitFor();
      assert.ok(await page.getByText(email).isVisible());

      // Download my data: one JSON file with the account in it.
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download my data (JSON)' }).focus();
      await page.keyboard.press('Enter');
      const download = await downloading;
      const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(data.account.email, email);
      assert.equal(data.account.pseudonym, pseudonym);

      // Sign out, then in again.
      await page.getByRole('button', { name: 'Sign out on this device' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/sign-in\?done=signed_out$/);
      await settle(page, js);
      await page.getByText('You are signed out.').waitFor();
      await typeInto(page, 'Email address', email);
      await typeInto(page, 'Password', 'not my password at all');
      await page.keyboard.press('Enter');
      await page.waitForURL(/error=credentials/);
      await settle(page, js);
      await page.getByText('The email address or the password is not right').waitFor();
      await typeInto(page, 'Email address', email);
      await typeInto(page, 'Password', PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account$/);
      await settle(page, js);

      // Delete the account: confirm, then it is gone.
      await page.getByLabel('I understand that this cannot be undone').focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Delete my account' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/deleted$/);
      await settle(page, js);
      await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
      await visit(page, '/account', js);
      await page.getByText('You are not signed in.').waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`sign in through the city's identity provider (${name})`, async () => {
      const { context, page } = await openPage(browser, { js });
      await visit(page, '/account/sign-in', js);
      await page.getByRole('button', { name: 'Sign in with City Login' }).focus();
      await page.keyboard.press('Enter');
      // The provider's own login and consent pages.
      await page.waitForURL(/\/interaction\//);
      await page.locator('input[name="login"]').focus();
      await page.keyboard.type('ada');
      await page.keyboard.press('Tab');
      await page.keyboard.type('any password');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/interaction\//);
      await page.getByRole('button', { name: /continue/i }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account$/);
      await settle(page, js);
      assert.ok(await page.getByText('ada@city.example').isVisible());
      await page.getByRole('button', { name: 'Sign out everywhere' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=signed_out_everywhere$/);
      await context.close();
    });
  }
});
