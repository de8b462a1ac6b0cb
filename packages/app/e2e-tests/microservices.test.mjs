/* eslint-disable no-console */
// End-to-end: the real backend and app on the demo landscape, in a real headless Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildApp,
  findChromium,
  launchBrowser,
  openSignedIn,
  screenshot,
  startBackstage,
} from './harness.mjs';

const required = process.env.MICROSERVICES_REQUIRE_ALL_TESTS === '1';
const skip = !findChromium() && !required ? 'Chromium is not installed (apt-get install chromium)' : false;
if (skip) console.warn(`Skipping end-to-end tests: ${skip}`);

describe('Backstage with the microservices plugin', { skip, timeout: 15 * 60_000 }, () => {
  let backstage;
  let browser;

  before(async () => {
    buildApp();
    backstage = await startBackstage();
    console.log(`backend ready in ${backstage.readyMs} ms at ${backstage.baseUrl}`);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    backstage?.stop();
  });

  it('serves the demo services from the catalog', async () => {
    const res = await fetch(
      `${backstage.baseUrl}/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=100&fields=metadata.name`,
      { headers: { Authorization: `Bearer ${backstage.token}` } },
    );
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.ok(body.totalItems >= 20, `expected at least 20 demo services, got ${body.totalItems}`);
  });

  it('refuses the microservices API without credentials', async () => {
    const res = await fetch(`${backstage.baseUrl}/api/microservices/services`);
    assert.equal(res.status, 401);
  });

  it('lists the services with owner, system, lifecycle, score and level on the page', async () => {
    const api = await fetch(`${backstage.baseUrl}/api/microservices/services?orderBy=name&limit=5`, {
      headers: { Authorization: `Bearer ${backstage.token}` },
    }).then(r => r.json());
    const first = api.items[0];

    const page = await openSignedIn(browser, `${backstage.baseUrl}/microservices`);
    await page.getByRole('heading', { name: 'Microservices' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: first.title ?? first.name });
    await row.first().waitFor();
    const text = await row.first().innerText();
    assert.match(text, new RegExp(String(first.score)));
    assert.match(text, new RegExp(first.level, 'i'));
    if (first.lifecycle) assert.match(text, new RegExp(first.lifecycle));
    await screenshot(page, 'services-overview');
  });
});
