// What the browser downloads and may keep: the front end under
// content-hashed names kept a year, compressed text, and pages a shared
// cache may keep briefly.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, MODES } from './support.mjs';

// The bundle, and with `--split` its loader and the lazy islands' chunks.
const HASHED = /^\/pkg\/(plaza|__wasm_split|split_[a-z0-9_]+)\.[A-Za-z0-9_-]{22}\.(css|js|wasm)$/;

describe('caching and compression', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser.close(); });

  for (const { js, name } of MODES) {
    test(`the front end has hashed names, is kept a year and text comes compressed (${name})`, async () => {
      const { context, page, problems } = await openPage(browser, { js });
      const assets = new Map();
      page.on('response', async (response) => {
        const path = new URL(response.url()).pathname;
        if (!path.startsWith('/pkg/')) return;
        try {
          assets.set(path, await response.allHeaders());
        } catch {
          // A preload the browser dropped (JavaScript off) has no headers to read.
        }
      });
      const response = await visit(page, '/datasets/bicycle-counts', js);
      await page.waitForLoadState('networkidle');
      const headers = await response.allHeaders();
      assert.equal(headers['cache-control'], 'public, max-age=60');
      assert.match(headers['content-encoding'] ?? '', /^(zstd|br|gzip)$/);
      assert.match(headers.etag ?? '', /^W\/".+-html-en"$/);

      // Without JavaScript the browser may still preload the bundle.
      const kinds = [...assets.keys()].map((path) => path.split('.').pop());
      for (const kind of js ? ['css', 'js', 'wasm'] : ['css']) {
        assert.ok(kinds.includes(kind), `${kind} in ${kinds}`);
      }
      for (const [path, assetHeaders] of assets) {
        assert.match(path, HASHED);
        assert.equal(assetHeaders['cache-control'], 'public, max-age=31536000, immutable', path);
        assert.match(assetHeaders.vary ?? '', /accept-encoding/i, path);
        if (!path.endsWith('.wasm')) {
          assert.match(assetHeaders['content-encoding'] ?? '', /^(zstd|br|gzip)$/, path);
        }
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
