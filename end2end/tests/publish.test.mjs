// A publisher's journey with the keyboard only: sign in with their account,
// upload a file on the import page, read the report, open the new record,
// find it through a facet, fetch it as Turtle, and sign out.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, visit, settle, signInWithKeyboard, PASSWORD, MODES, BASE } from './support.mjs';


describe('publishing', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`a publisher imports a file and finds the record (${name})`, { skip: !PASSWORD && 'PLAZA_E2E_PASSWORD is not set' }, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      await signInWithKeyboard(page, js);
      await page.getByText('Signed in as Parks publisher, publishing for City of Havenstad.').waitFor();

      const slug = `e2e-${js ? 'js' : 'nojs'}-${Date.now()}`;
      const dir = mkdtempSync(join(tmpdir(), 'plaza-e2e-'));
      const file = join(dir, `${slug}.ttl`);
      writeFileSync(file, `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
<${BASE}/organisations/havenstad> a foaf:Agent ; foaf:name "City of Havenstad"@en .
<${BASE}/datasets/${slug}> a dcat:Dataset ; dct:title "Rain gauges ${slug}"@en ; dct:description "Rainfall every ten minutes."@en ;
  dct:publisher <${BASE}/organisations/havenstad> ;
  dcat:keyword "${slug}" ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> .
`);
      await page.getByRole('link', { name: 'Import records' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/publish\/import$/);
      await settle(page, js);
      await page.getByLabel('File').setInputFiles(file);
      await page.getByLabel(/^Lenient/).focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Import' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/publish\/imports\//);
      await settle(page, js);
      await page.getByText('Stored: 1 created, 0 updated, 0 unchanged.').waitFor();

      // Find it through the keyword facet, then open it.
      await visit(page, `/catalog?q=${slug}`, js);
      const keyword = page.locator('section.facet', { has: page.getByRole('heading', { name: 'Keyword' }) });
      await keyword.getByRole('link', { name: new RegExp(`^${slug}`) }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/keyword=/);
      await settle(page, js);
      await page.getByRole('link', { name: `Rain gauges ${slug}` }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/datasets/${slug}$`));
      await settle(page, js);
      assert.equal(await page.textContent('h1'), `Rain gauges ${slug}`);

      const turtle = await page.request.get(`${BASE}/datasets/${slug}`, { headers: { Accept: 'text/turtle' } });
      assert.equal(turtle.status(), 200);
      assert.match(await turtle.text(), /Rain gauges/);

      await visit(page, '/account', js);
      await page.getByRole('button', { name: 'Sign out on this device' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/sign-in\?done=signed_out$/);
      await settle(page, js);
      await page.getByText('You are signed out.').waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
