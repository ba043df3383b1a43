// axe on every page, with JavaScript off and on, on a desktop and a phone,
// in both languages: no serious or critical violation of WCAG 2.2 AA rules.
//
// axe is itself a script, and it hangs in a context with JavaScript turned
// off. "Off" here therefore means: the page's own scripts (the WASM bundle
// and its loader) are blocked, so axe checks exactly the server-rendered DOM
// that a reader without JavaScript gets.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openPage, visit, MODES, DESKTOP, PHONE, BASE, ADMIN, PASSWORD } from './support.mjs';

const PAGES = [
  '/',
  '/catalog',
  '/catalog?q=bicycle&sort=title',
  '/catalog?format=http%3A%2F%2Fpublications.europa.eu%2Fresource%2Fauthority%2Ffile-type%2FCSV',
  '/catalog?q=zeppelin',
  '/datasets/bicycle-counts',
  '/publishers',
  '/publish',
  '/publish/tokens',
  '/publish/import',
  '/publish/new?kind=dataset',
  '/publish/new?kind=service',
  '/datasets/bicycle-counts?version=1',
  '/consultations',
  '/consultations?status=open&q=cycle',
  '/consultations/havenkade-cycle-route',
  '/consultations/havenkade-cycle-route?sort=supports&located=1',
  '/consultations/havenkade-cycle-route/proposals/1',
  '/consultations/havenkade-cycle-route/proposals/3?comments=recent',
  '/consultations/havenkade-cycle-route/new',
  '/consultations/havenkade-cycle-route/surveys/1',
  '/consultations/havenkade-cycle-route/surveys/2',
  '/consultations/havenkade-cycle-route/meetings/1',
  '/consultations/havenkade-cycle-route/meetings/2',
  '/consultations/havenkade-cycle-route/results',
  '/consultations/school-streets/results',
  '/moderation',
  '/notifications/unsubscribe?account=nobody&signature=00',
  '/notifications/unsubscribe?done=unsubscribed',
  '/maps',
  '/models',
  '/account',
  '/account/sign-in',
  '/account/sign-in?error=credentials',
  '/account/sign-up',
  '/account/sign-up?error=password_common',
  '/account/reset',
  '/account/reset?done=reset_sent',
  '/account/reset?token=0000',
  '/account/deleted',
  '/admin',
  '/accessibility',
  '/privacy',
  '/no/such/page',
];
// Server-rendered pages of the machine endpoints: plain HTML, no hydration.
const PLAIN_PAGES = [
  '/sparql',
  '/sparql?query=SELECT%20%3Fd%20WHERE%20%7B%20%3Fd%20a%20%3Chttp%3A%2F%2Fwww.w3.org%2Fns%2Fdcat%23Dataset%3E%20%7D',
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

function describeViolation(violation) {
  const where = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ');
  return `${violation.impact} ${violation.id}: ${violation.help} at ${where}`;
}

describe('accessibility (axe)', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    for (const [viewportName, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      for (const locale of ['en-GB', 'fr-FR']) {
        test(`every page passes axe (${name}, ${viewportName}, ${locale})`, async () => {
          const { context, page } = await openPage(browser, { js: true, viewport, locale });
          if (!js) await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
          const found = [];
          const check = async (path, hydrate) => {
            await visit(page, path, hydrate);
            const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
            for (const violation of results.violations) {
              if (violation.impact === 'serious' || violation.impact === 'critical') {
                found.push(`${path}: ${describeViolation(violation)}`);
              }
            }
          };
          // Signed out first: the account pages' way in, the
          // administrators-only notices.
          for (const path of [...PAGES, ...PLAIN_PAGES]) {
            await check(path, js && !PLAIN_PAGES.includes(path));
          }
          // Signed in as an administrator (who may also publish), the
          // account, administration and publishing pages show their forms,
          // and a draft shows the form with errors.
          const signedIn = [];
          if (PASSWORD) {
            await context.request.post(`${BASE}/account/sign-in`, { form: { email: ADMIN, password: PASSWORD } });
            const draft = await context.request.post(`${BASE}/publish/records`, {
              form: { kind: 'dataset', title_en: 'Draft', contact_email: 'nope', action: 'save' },
              maxRedirects: 0,
            });
            signedIn.push(draft.headers().location.split('#')[0]);
            signedIn.push('/publish/confirm-delete?record=%2Fdatasets%2Fbicycle-counts');
            signedIn.push('/publish/edit?record=%2Fdatasets%2Fbicycle-counts');
            signedIn.push('/account', '/account?done=welcome', '/account?error=pseudonym_taken', '/account?error=current_password');
            signedIn.push('/admin', '/admin?error=organisation_iri_invalid', '/admin/audit');
            signedIn.push('/publish/tokens', '/publish/tokens?error=token_name_taken');
            signedIn.push('/publish', '/publish/import', '/publish/new?kind=dataset');
            // Consultations signed in: the support, answer, comment, reply
            // and report forms, the proposal form, the moderators' queue.
            signedIn.push('/consultations/havenkade-cycle-route', '/consultations/havenkade-cycle-route/proposals/2');
            signedIn.push('/consultations/havenkade-cycle-route/proposals/1?done=supported', '/consultations/havenkade-cycle-route/new');
            signedIn.push('/moderation', '/moderation?done=moderated');
            // The consultation form, new and editing the demo consultation.
            signedIn.push('/moderation/consultations/new', '/moderation/consultations/havenkade-cycle-route/edit');
            signedIn.push('/notifications', '/notifications?done=marked_read');
            // Surveys: answering with results and publish buttons, the builder.
            signedIn.push('/consultations/havenkade-cycle-route/surveys/1', '/consultations/havenkade-cycle-route/surveys/1?done=survey_answered');
            signedIn.push('/moderation/consultations/havenkade-cycle-route/surveys/new', '/moderation/consultations/havenkade-cycle-route/surveys/1/edit');
            // Meetings: registration, the meeting form, the minutes form.
            signedIn.push('/consultations/havenkade-cycle-route/meetings/2', '/consultations/havenkade-cycle-route/meetings/2?done=meeting_waitlisted');
            signedIn.push('/moderation/consultations/havenkade-cycle-route/meetings/new', '/moderation/consultations/havenkade-cycle-route/meetings/1/edit');
          }
          // A publisher's own page, found from the dashboard.
          const dashboard = await (await context.request.get(`${BASE}/publishers`)).text();
          const publisher = dashboard.match(/href="(\/publishers\/[0-9a-f]+)"/);
          if (publisher) {
            signedIn.push(publisher[1]);
          }
          for (const path of signedIn) {
            await check(path, js);
          }
          assert.deepEqual(found, []);
          await context.close();
        });
      }
    }
  }
});
