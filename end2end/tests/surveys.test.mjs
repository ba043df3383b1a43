// Surveys with the keyboard only, with JavaScript off and on: a citizen
// opens the demo consultation, answers its quick poll in place, answers
// the travel survey (one choice, a scale, several choices, free text) and
// reads the results: charts with their data tables.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, settle, signInWithKeyboard, MODES, RESIDENT } from './support.mjs';

const PROCESS = 'A safe cycle route along the Havenkade';
const SURVEY = 'How do you travel along the Havenkade?';

async function press(page, locator) {
  await locator.focus();
  await page.keyboard.press('Enter');
}

async function tick(page, locator) {
  await locator.focus();
  if (!(await locator.isChecked())) await page.keyboard.press('Space');
}

describe('surveys', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`answer a poll and a survey, read the results (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await signInWithKeyboard(page, js, RESIDENT, '/consultations');
      await press(page, page.getByRole('link', { name: PROCESS }));
      await page.waitForURL(/\/consultations\/havenkade-cycle-route$/);
      await settle(page, js);

      // The quick poll, answered on the consultation's page.
      const poll = page.locator('article.poll');
      await tick(page, poll.getByRole('radio', { name: 'Yes' }));
      await press(page, poll.getByRole('button', { name: /Send my answers|Save my changes/ }));
      await page.waitForURL(/done=survey_answered/);
      await settle(page, js);
      await page.getByText('Thank you: your answers are counted.').waitFor();
      assert.match(await page.locator('article.poll svg title').textContent(), /Yes: \d+ \(\d+ %\)/);

      // The survey, on its own page.
      await press(page, page.getByRole('link', { name: SURVEY }));
      await page.waitForURL(/\/surveys\/1$/);
      await settle(page, js);
      await tick(page, page.getByRole('radio', { name: 'By bike' }));
      await tick(page, page.getByRole('radio', { name: '3', exact: true }));
      await tick(page, page.getByRole('checkbox', { name: 'More trees' }));
      await page.getByLabel(/Anything else the city should know/).focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(`A bench by the ferry, please (${name}).`);
      await press(page, page.getByRole('button', { name: /Send my answers|Save my changes/ }));
      await page.waitForURL(/done=survey_answered/);
      await settle(page, js);
      await page.getByText('You answered this survey.').waitFor();
      assert.ok(await page.getByRole('radio', { name: 'By bike' }).isChecked(), 'the answers are shown again');

      // The results: a chart per question, each with its table.
      await page.getByRole('heading', { name: 'Results', exact: true }).waitFor();
      const first = page.locator('figure.survey-result').first();
      assert.match(await first.locator('svg title').textContent(), /By bike: \d+ \(\d+ %\)/);
      await press(page, first.locator('summary', { hasText: 'Show the figures as a table' }));
      assert.ok(await first.getByRole('rowheader', { name: 'By bike' }).isVisible());

      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
