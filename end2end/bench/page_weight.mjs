// What a page costs to download: loads each page in Debian's Chromium with
// JavaScript on, waits until the islands have hydrated and the network is
// idle, and adds up the bytes on the wire (compressed as sent) per kind:
// HTML, CSS, JS, WASM, other. Checks the budgets of issue 12 and exits 1 if
// one is missed. Usage: node bench/page_weight.mjs (PLAZA_E2E_URL, and
// PLAZA_BENCH_EMAIL / PLAZA_BENCH_PASSWORD for the publishers' pages).
import { launch, BASE } from '../tests/support.mjs';

const KB = 1024;
const CITIZEN = { wasm: 150 * KB, total: 250 * KB };
const PUBLISHER = { wasm: 250 * KB };

function kindOf(url, type) {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm') || type.includes('wasm')) return 'wasm';
  if (path.endsWith('.js') || type.includes('javascript')) return 'js';
  if (path.endsWith('.css') || type.includes('css')) return 'css';
  if (type.includes('html')) return 'html';
  return 'other';
}

async function weigh(context, path) {
  const page = await context.newPage();
  // Every page is weighed as a first visit: nothing comes from the cache
  // (the context keeps only the session cookie).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const pending = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const sizes = await response.request().sizes().catch(() => null);
        const type = (await response.headerValue('content-type').catch(() => null)) ?? '';
        return { url: response.url(), type, bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0 };
      })(),
    );
  });
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  // Islands hydrate on idle: give the bundle time to arrive and run.
  await page.waitForSelector('header.site-header.js', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const weights = { html: 0, css: 0, js: 0, wasm: 0, other: 0 };
  for (const { url, type, bytes } of await Promise.all(pending)) weights[kindOf(url, type)] += bytes;
  await page.close();
  return weights;
}

async function signIn(context) {
  const page = await context.newPage();
  await page.goto(`${BASE}/account/sign-in?next=/publish`);
  await page.getByLabel('Email address').fill(process.env.PLAZA_BENCH_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(process.env.PLAZA_BENCH_PASSWORD);
  // The sign-in page's own address ends in `next=/publish`: wait for the
  // publishers' page itself, or fail here if the sign-in was refused.
  await Promise.all([page.waitForURL((url) => url.pathname === '/publish'), page.getByRole('button', { name: 'Sign in' }).click()]);
  await page.close();
}

async function firstRecordPage(context) {
  const page = await context.newPage();
  await page.goto(`${BASE}/catalog`);
  // Record links are the records' IRIs, absolute: keep the path.
  const href = await page.locator('main a[href*="/datasets/"]').first().getAttribute('href');
  await page.close();
  return new URL(href, BASE).pathname;
}

const browser = await launch();
const misses = [];
const row = (path, w) => {
  const total = w.html + w.css + w.js + w.wasm + w.other;
  const kb = (n) => (n / KB).toFixed(1).padStart(7);
  console.log(`${path.padEnd(34)}${kb(w.html)}${kb(w.css)}${kb(w.js)}${kb(w.wasm)}${kb(w.other)}${kb(total)}`);
  return total;
};
console.log(`${'page (KB on the wire)'.padEnd(34)}${['html', 'css', 'js', 'wasm', 'other', 'total'].map((h) => h.padStart(7)).join('')}`);

const citizen = await browser.newContext({ viewport: { width: 360, height: 740 } });
const record = await firstRecordPage(citizen);
for (const path of ['/', '/catalog', record, '/publishers', '/consultations']) {
  const w = await weigh(citizen, path);
  const total = row(path, w);
  if (w.wasm > CITIZEN.wasm) misses.push(`${path}: WASM ${(w.wasm / KB).toFixed(1)} KB > ${CITIZEN.wasm / KB} KB`);
  if (total > CITIZEN.total) misses.push(`${path}: total ${(total / KB).toFixed(1)} KB > ${CITIZEN.total / KB} KB`);
}
await citizen.close();

if (process.env.PLAZA_BENCH_EMAIL) {
  const publisher = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await signIn(publisher);
  for (const path of ['/publish', '/publish/new?kind=dataset', '/publish/import']) {
    const w = await weigh(publisher, path);
    row(path, w);
    if (w.wasm > PUBLISHER.wasm) misses.push(`${path}: WASM ${(w.wasm / KB).toFixed(1)} KB > ${PUBLISHER.wasm / KB} KB`);
  }
  await publisher.close();
} else {
  console.log('(publishers’ pages skipped: PLAZA_BENCH_EMAIL is not set)');
}
await browser.close();

console.log(`budgets: citizen page WASM ≤ ${CITIZEN.wasm / KB} KB and total ≤ ${CITIZEN.total / KB} KB; publisher page WASM ≤ ${PUBLISHER.wasm / KB} KB`);
if (misses.length) {
  for (const miss of misses) console.log(`budget missed: ${miss}`);
  process.exit(1);
}
console.log('budgets: all met');
