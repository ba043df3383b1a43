// Shared set-up for the end-to-end tests: Debian's Chromium through
// playwright-core, the server's address, and the two JavaScript modes every
// spec runs in.
import { chromium } from 'playwright-core';

export const BASE = process.env.PLAZA_E2E_URL ?? 'http://127.0.0.1:3000';

/** Every spec runs once with JavaScript off and once with it on. */
export const MODES = [
  { js: false, name: 'JavaScript off' },
  { js: true, name: 'JavaScript on' },
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a page in a fresh context (no cookies) and records console errors,
 * page errors and failed requests, which most tests assert are empty.
 */
export async function openPage(browser, { js, viewport = DESKTOP, locale = 'en-GB' }) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport, locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const path = new URL(request.url()).pathname;
    // Without JavaScript the browser still preloads the bundle, then drops it.
    const bundle = /\/pkg\/[^/]+\.(js|wasm)$/.test(path);
    // The browser cancels its favicon request when a navigation starts first.
    const cancelledFavicon = path === '/favicon.svg' && request.failure()?.errorText === 'net::ERR_ABORTED';
    if (cancelledFavicon) return;
    if (js || !bundle) problems.push(`request failed: ${request.url()}`);
  });
  return { context, page, problems };
}

/** Waits until the WASM bundle has hydrated the page. */
export async function hydrated(page) {
  await page.waitForSelector('header.site-header.js', { timeout: 30_000 });
}

/** Loads `path` and, with JavaScript on, waits for hydration. */
export async function visit(page, path, js) {
  const response = await page.goto(BASE + path);
  if (js) await hydrated(page);
  return response;
}

/** After a navigation: the page has loaded and, with JavaScript on, hydrated. */
export async function settle(page, js) {
  await page.waitForLoadState('load');
  if (js) await hydrated(page);
}

/** The publisher's API token the end-to-end server was started with. */
/** The password of the accounts `.ci/e2e` made. */
export const PASSWORD = process.env.PLAZA_E2E_PASSWORD;
/** A publisher of the demo city's organisation. */
export const PUBLISHER = 'publisher@havenstad.example';
/** An administrator. */
export const ADMIN = 'admin@havenstad.example';
/** A citizen with no organisation. */
export const RESIDENT = 'resident@havenstad.example';
/** A moderator. */
export const MODERATOR = 'moderator@havenstad.example';

/** Signs in as `email` with the keyboard only and lands on `next`. */
export async function signInWithKeyboard(page, js, email = PUBLISHER, next = '/publish') {
  await visit(page, `/account/sign-in?next=${encodeURIComponent(next)}`, js);
  await page.getByLabel('Email address').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === next);
  await settle(page, js);
}
