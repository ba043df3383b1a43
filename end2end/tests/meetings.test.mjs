// Meetings with the keyboard only, with JavaScript off and on: a citizen
// opens the demo consultation, opens its coming evening session, registers,
// adds it to a calendar (the .ics file the link gives), cancels, and reads
// the minutes of the walk held earlier.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, settle, signInWithKeyboard, BASE, MODES, RESIDENT } from './support.mjs';

const PROCESS = 'A safe cycle route along the Havenkade';
const EVENING = 'Evening session: what we heard, and questions to the alderman';
const WALK = 'A walk along the Havenkade with the traffic engineer';

async function press(page, locator) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

describe('meetings', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`register for a meeting, add it to a calendar, read minutes (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await signInWithKeyboard(page, js, RESIDENT, '/consultations');
      await press(page, page.getByRole('link', { name: PROCESS }));
      await page.waitForURL(/\/consultations\/havenkade-cycle-route$/);
      await settle(page, js);

      await press(page, page.getByRole('link', { name: EVENING }));
      await page.waitForURL(/\/meetings\/2$/);
      await settle(page, js);
      assert.match(await page.locator('.meeting-facts').textContent(), /Europe\/Brussels, UTC\+0[12]:00/);
      await press(page, page.getByRole('button', { name: 'Register' }));
      await page.waitForURL(/done=meeting_registered/);
      await settle(page, js);
      await page.getByText('You are registered for the meeting.').waitFor();

      // The calendar link gives an iCalendar file for this meeting.
      const href = await page.getByRole('link', { name: 'Add to my calendar (.ics)' }).getAttribute('href');
      const ics = await page.request.get(`${BASE}${href}`);
      assert.equal(ics.status(), 200);
      assert.match(ics.headers()['content-type'], /^text\/calendar/);
      const text = await ics.text();
      assert.match(text, /BEGIN:VEVENT\r\n/);
      assert.match(text, /SUMMARY:Evening session: what we heard\\, and questions to the alderman/);

      await press(page, page.getByRole('button', { name: 'Cancel my registration' }));
      await page.waitForURL(/done=registration_cancelled/);
      await settle(page, js);
      await page.getByRole('button', { name: 'Register' }).waitFor();

      // The walk is over: its minutes and the proposals it led to.
      await press(page, page.getByRole('link', { name: 'A safe cycle route along the Havenkade' }).first());
      await page.waitForURL(/\/consultations\/havenkade-cycle-route$/);
      await settle(page, js);
      await press(page, page.getByRole('link', { name: WALK }));
      await page.waitForURL(/\/meetings\/1$/);
      await settle(page, js);
      await page.getByRole('heading', { name: 'Minutes', exact: true }).waitFor();
      await page.getByText('People who came: 24').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Register' }).count(), 0);

      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
