/* eslint-disable no-console */
// End-to-end: live health on the demo landscape. The backend serves the demo's health
// endpoints itself (microservicesDemo.healthEndpoints.port) and probes them (app-config.yaml
// allows only 127.0.0.1); the overview and the entity page show what was probed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildApp,
  launchBrowser,
  openSignedIn,
  screenshot,
  startBackstage,
  skipWithoutChromium,
} from './harness.mjs';

const skip = skipWithoutChromium();

describe(
  'Live health of the demo services',
  { skip, timeout: 15 * 60_000 },
  () => {
    let backstage;
    let browser;
    const api = path =>
      fetch(`${backstage.baseUrl}/api/microservices${path}`, {
        headers: { Authorization: `Bearer ${backstage.token}` },
      }).then(r => r.json());

    before(async () => {
      buildApp();
      backstage = await startBackstage();
      // The probe task runs every 15 s in the demo, and a round probes the services the catalog
      // held when it started: the first round may see only part of the demo landscape (CI once
      // saw 18 of 39). Wait (bounded) for a round over all of them: both unhealthy demo services
      // and most healthy, not only the first healthy one.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const summary = await api('/summary');
        const counts = Object.fromEntries(
          (summary.health ?? []).map(h => [h.status, h.count]),
        );
        if ((counts.healthy ?? 0) >= 20 && (counts.unhealthy ?? 0) >= 2) break;
        if (Date.now() > deadline) {
          throw new Error(
            `the demo services were not all probed within 120 s (${JSON.stringify(
              counts,
            )}):\n${backstage.output().slice(-3000)}`,
          );
        }
        await new Promise(r => setTimeout(r, 1000));
      }
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      backstage?.stop();
    });

    const openPage = path =>
      openSignedIn(browser, `${backstage.baseUrl}${path}`);

    it('probes the demo endpoints: most healthy, some degraded, some unhealthy', async () => {
      const { summary, unhealthy } = {
        summary: await api('/summary'),
        unhealthy: await api('/services?health=unhealthy&orderBy=name'),
      };
      const counts = Object.fromEntries(
        summary.health.map(h => [h.status, h.count]),
      );
      assert.ok(counts.healthy >= 20, `healthy: ${JSON.stringify(counts)}`);
      assert.ok(counts.degraded >= 1, `degraded: ${JSON.stringify(counts)}`);
      assert.deepEqual(
        unhealthy.items.map(s => s.name),
        ['carrier-tracking-poller', 'gift-card-service'],
      );
    });

    it('shows a healthy and an unhealthy service in the overview, worst first', async () => {
      const page = await openPage('/microservices?orderBy=health&pageSize=50');
      await page.getByRole('heading', { name: /^Services \(\d+\)$/ }).waitFor();
      const giftCard = page
        .getByRole('row')
        .filter({ hasText: 'gift-card-service' })
        .first();
      await giftCard.getByText('Unhealthy', { exact: true }).waitFor();
      const healthy = page
        .getByRole('row')
        .filter({ hasText: 'order-service' })
        .first();
      await healthy.getByText('Healthy', { exact: true }).waitFor();
      // Worst first: the first data row is unhealthy.
      const firstRow = page.getByRole('row').nth(1);
      assert.match(await firstRow.innerText(), /Unhealthy/);
      await screenshot(page, 'health-overview');

      // The health filter narrows the list to the chosen status.
      const filtered = await openPage('/microservices?health=unhealthy');
      await filtered.getByRole('heading', { name: 'Services (2)' }).waitFor();
    });

    it('shows latency, uptime and history on an entity page', async () => {
      const health = await api('/services/default/search-service/health');
      assert.equal(
        health.current.status,
        'degraded',
        JSON.stringify(health.current),
      );
      const page = await openPage('/catalog/default/component/search-service');
      await page.getByText('Uptime 24 h').waitFor();
      await page.getByText('Uptime 7 d').waitFor();
      await page.getByText('Degraded', { exact: true }).first().waitFor();
      await page.getByText(/^\d+ ms \(HTTP 200\)$/).waitFor();
      await page
        .getByText(/slower than 1000 ms/)
        .first()
        .waitFor();
      await page
        .getByRole('img', { name: /Health of the last \d+ probes/ })
        .waitFor();
      await page.getByRole('button', { name: 'Show as table' }).click();
      await page.getByRole('table', { name: 'Health history' }).waitFor();
      await screenshot(page, 'health-entity-card');
    });
  },
);
