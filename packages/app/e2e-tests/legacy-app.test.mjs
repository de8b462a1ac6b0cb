/* eslint-disable no-console */
// End-to-end: the legacy frontend system app (packages/app-legacy, the plugin's main exports)
// served by the same backend (app.packageName: app-legacy), in a real headless Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  checkNonServiceEntityPage,
  checkOverview,
  checkServiceEntityPage,
  checkSidebar,
  NON_SERVICE,
} from './appSurfaces.mjs';
import {
  buildApp,
  launchBrowser,
  openSignedIn,
  repoRoot,
  screenshot,
  startBackstage,
  skipWithoutChromium,
} from './harness.mjs';

const skip = skipWithoutChromium();

/** The script bundles an index.html loads. */
function scriptSources(html) {
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .map(m => m[1])
    .sort();
}

describe(
  'The legacy frontend system app',
  { skip, timeout: 15 * 60_000 },
  () => {
    let backstage;
    let browser;

    before(async () => {
      buildApp({ app: 'app-legacy' });
      backstage = await startBackstage({ app: 'app-legacy' });
      console.log(`backend (app-legacy) ready in ${backstage.readyMs} ms`);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      backstage?.stop();
    });

    const openPage = p => openSignedIn(browser, `${backstage.baseUrl}${p}`);

    it('is the bundle the backend serves', async () => {
      const served = await fetch(`${backstage.baseUrl}/microservices`).then(r =>
        r.text(),
      );
      const legacy = fs.readFileSync(
        path.join(repoRoot, 'packages/app-legacy/dist/index.html'),
        'utf8',
      );
      assert.ok(
        scriptSources(legacy).length > 0,
        'the legacy build has scripts',
      );
      assert.deepEqual(scriptSources(served), scriptSources(legacy));
    });

    it('lists the demo services with their scores', async () => {
      const page = await openPage('/microservices');
      await checkOverview(page, backstage);
      await screenshot(page, 'legacy-services-overview');
    });

    it("shows a service's compliance, ownership, health and dependencies cards and its Compliance tab", async () => {
      const page = await openPage('/catalog/default/component/order-service');
      await checkServiceEntityPage(page, backstage, 'order-service');
      await screenshot(page, 'legacy-service-compliance-tab');
    });

    it('shows none of the plugin cards on a component that is not a service', async () => {
      const page = await openPage(`/catalog/default/component/${NON_SERVICE}`);
      await checkNonServiceEntityPage(page);
      await screenshot(page, 'legacy-non-service-entity');
    });

    it('leads from the sidebar to the dashboard and back to the overview', async () => {
      const page = await openPage('/catalog');
      await checkSidebar(page);
    });
  },
);
