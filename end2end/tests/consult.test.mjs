// A citizen's consultation with the keyboard only, with JavaScript off and
// on: sign in, open the consultation, read a proposal and its evidence,
// support it, comment, reply, report a comment; then a moderator hides the
// reported comment from the queue.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, settle, signInWithKeyboard, MODES, RESIDENT, MODERATOR } from './support.mjs';

const PROCESS = 'A safe cycle route along the Havenkade';

async function press(page, locator) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

describe('consultations', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`read, support, comment, reply, report; a moderator hides (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      // Each mode on its own proposal, both citing the demo catalog.
      const proposal = js
        ? { number: 11, title: 'Public toilets at the harbour end', cites: 'Public toilets' }
        : { number: 9, title: 'Count the cyclists after the works', cites: 'Bicycle counts' };
      // And each reports a different demo comment.
      const reported = js
        ? { number: 2, text: 'Deliveries at 6 in the morning', kept: 'The market is why people come' }
        : { number: 1, text: 'slow down the ambulances', kept: 'The crossing is the worst part' };
      await signInWithKeyboard(page, js, RESIDENT, '/consultations');
      await press(page, page.getByRole('link', { name: PROCESS }));
      await page.waitForURL(/\/consultations\/havenkade-cycle-route$/);
      await settle(page, js);
      await page.getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
      assert.ok(await page.getByRole('link', { name: 'City budget 2026' }).isVisible());

      await press(page, page.getByRole('link', { name: proposal.title }));
      await page.waitForURL(new RegExp(`/proposals/${proposal.number}$`));
      await settle(page, js);
      await page.getByRole('heading', { name: 'Evidence cited' }).waitFor();
      assert.ok(await page.getByRole('link', { name: proposal.cites }).isVisible());

      // Support it.
      await press(page, page.getByRole('button', { name: 'Support', exact: true }));
      await page.waitForURL(/done=supported/);
      await settle(page, js);
      await page.getByText('Thank you: your support is counted.').waitFor();
      assert.ok(await page.getByText('You support this proposal.').isVisible());

      // Follow it, to hear of comments and the answer.
      await press(page, page.getByRole('button', { name: 'Follow', exact: true }));
      await page.waitForURL(/done=followed/);
      await settle(page, js);
      assert.ok(await page.getByRole('button', { name: 'Stop following' }).isVisible());

      // Comment, in favour.
      const comment = `Counting before and after is the only honest test (${name}).`;
      await page.getByLabel('Your comment', { exact: true }).focus();
      await page.keyboard.type(comment);
      await page.getByRole('radio', { name: 'In favour' }).first().focus();
      await page.keyboard.press('Space');
      await press(page, page.getByRole('button', { name: 'Publish comment' }));
      await page.waitForURL(/done=comment_posted/);
      await settle(page, js);
      const mine = page.locator('li.comment', { hasText: comment });
      await mine.waitFor();

      // Reply to it: the reply form opens in a disclosure.
      await press(page, mine.locator('summary', { hasText: 'Reply' }).first());
      const replyBox = mine.getByLabel('Your reply').first();
      await replyBox.focus();
      await page.keyboard.type('And publish the counts every month.');
      await press(page, mine.getByRole('button', { name: 'Publish reply' }).first());
      await page.waitForURL(/done=comment_posted/);
      await settle(page, js);
      await page.locator('.comment .prose p', { hasText: 'And publish the counts every month.' }).waitFor();

      // Report a comment of someone else.
      await visit(page, `/consultations/havenkade-cycle-route/proposals/${reported.number}`, js);
      const rude = page.locator('li.comment', { hasText: reported.text });
      await press(page, rude.locator('summary', { hasText: 'Report' }).first());
      await rude.getByRole('radio', { name: 'Off topic' }).first().focus();
      await page.keyboard.press('Space');
      await press(page, rude.getByRole('button', { name: 'Send the report' }).first());
      await page.waitForURL(/done=reported/);
      await settle(page, js);

      // The header leads to the notifications.
      await press(page, page.getByRole('link', { name: /^Notifications/ }));
      await page.waitForURL(/\/notifications$/);
      await settle(page, js);
      await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();

      // The moderator hides it from the queue.
      const moderator = await openPage(browser, { js });
      await signInWithKeyboard(moderator.page, js, MODERATOR, '/moderation');
      const item = moderator.page.locator('li.moderation-item', { hasText: reported.text });
      await item.waitFor();
      await press(moderator.page, item.getByRole('button', { name: 'Hide' }));
      await moderator.page.waitForURL(/done=moderated/);
      await settle(moderator.page, js);
      await visit(moderator.page, `/consultations/havenkade-cycle-route/proposals/${reported.number}`, js);
      await moderator.page.getByText(reported.kept).waitFor();
      assert.equal(await moderator.page.getByText(reported.text).count(), 0);
      assert.deepEqual(moderator.problems, []);
      await moderator.context.close();
    });
  }
});
