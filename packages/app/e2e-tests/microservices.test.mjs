/* eslint-disable no-console */
// End-to-end: the real backend and app on the demo landscape, in a real headless Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  checkNonServiceEntityPage,
  checkSidebar,
  NON_SERVICE,
} from './appSurfaces.mjs';
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
  'Backstage with the microservices plugin',
  { skip, timeout: 15 * 60_000 },
  () => {
    let backstage;
    let browser;

    before(async () => {
      buildApp();
      backstage = await startBackstage();
      console.log(
        `backend ready in ${backstage.readyMs} ms at ${backstage.baseUrl}`,
      );
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      backstage?.stop();
    });

    const openPage = path =>
      openSignedIn(browser, `${backstage.baseUrl}${path}`);

    it('serves the demo services from the catalog', async () => {
      const res = await fetch(
        `${backstage.baseUrl}/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=100&fields=metadata.name`,
        { headers: { Authorization: `Bearer ${backstage.token}` } },
      );
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.ok(
        body.totalItems >= 20,
        `expected at least 20 demo services, got ${body.totalItems}`,
      );
    });

    it('refuses the microservices API without credentials', async () => {
      const res = await fetch(
        `${backstage.baseUrl}/api/microservices/services`,
      );
      assert.equal(res.status, 401);
    });

    it('lists the services with owner, system, lifecycle, score and level on the page', async () => {
      const api = await fetch(
        `${backstage.baseUrl}/api/microservices/services?orderBy=name&limit=5`,
        {
          headers: { Authorization: `Bearer ${backstage.token}` },
        },
      ).then(r => r.json());
      const first = api.items[0];

      const page = await openPage('/microservices');
      await page.getByRole('heading', { name: 'Microservices' }).waitFor();
      const row = page
        .getByRole('row')
        .filter({ hasText: first.title ?? first.name });
      await row.first().waitFor();
      const text = await row.first().innerText();
      assert.match(text, new RegExp(String(first.score)));
      assert.match(text, new RegExp(first.level, 'i'));
      if (first.lifecycle) assert.match(text, new RegExp(first.lifecycle));
      await screenshot(page, 'services-overview');
    });

    it('filters the overview by a team, keeping the filter in the URL', async () => {
      const owner = 'group:default/orders-team';
      const api = await fetch(
        `${
          backstage.baseUrl
        }/api/microservices/services?owner=${encodeURIComponent(
          owner,
        )}&limit=100`,
        { headers: { Authorization: `Bearer ${backstage.token}` } },
      ).then(r => r.json());
      assert.ok(
        api.totalCount >= 1,
        'the demo landscape has services owned by orders-team',
      );

      const page = await openPage('/microservices');
      await page.getByRole('heading', { name: /^Services \(\d+\)$/ }).waitFor();
      const ownerFilter = page.getByRole('textbox', { name: 'Owner' });
      await ownerFilter.click();
      await ownerFilter.fill('orders-team');
      await page
        .getByRole('option', { name: 'orders-team', exact: true })
        .click();

      await page.waitForURL(url =>
        new URL(url).searchParams.getAll('owner').includes(owner),
      );
      await page
        .getByRole('heading', { name: `Services (${api.totalCount})` })
        .waitFor();
      const rows = page
        .locator('table tbody tr')
        .filter({ has: page.getByRole('link') });
      assert.equal(await rows.count(), api.totalCount);
      for (const text of await rows.allInnerTexts()) {
        assert.match(
          text,
          /\borders-team\b/,
          `row not owned by orders-team: ${text}`,
        );
      }
      for (const service of api.items) {
        assert.ok(
          await page
            .getByRole('link', {
              name: service.title ?? service.name,
              exact: true,
            })
            .isVisible(),
          `${service.name} is listed`,
        );
      }
      await screenshot(page, 'services-overview-filtered-by-team');

      // The filtered view is shareable: opening the URL again shows the same rows.
      const shared = page.url();
      await page.goto(`${backstage.baseUrl}/microservices`);
      await page.goto(shared);
      await page
        .getByRole('heading', { name: `Services (${api.totalCount})` })
        .waitFor();
    });

    it("shows a failing service's failing check and how to fix it on its Compliance tab", async () => {
      const detail = await fetch(
        `${backstage.baseUrl}/api/microservices/services/default/order-service`,
        {
          headers: { Authorization: `Bearer ${backstage.token}` },
        },
      ).then(r => r.json());
      const failing = detail.checks.find(
        c => c.id === 'decentralized-data.no-shared-datastore',
      );
      assert.equal(
        failing?.status,
        'fail',
        'order-service shares orders-db in the demo landscape',
      );

      const page = await openPage(
        `/microservices?owner=${encodeURIComponent(
          'group:default/orders-team',
        )}`,
      );
      await page
        .getByRole('link', { name: 'order-service', exact: true })
        .click();
      await page.waitForURL(/\/catalog\/default\/component\/order-service/);

      // Overview: compliance, ownership, health and dependencies cards.
      await page.getByText(`Score ${detail.score} of 100`).first().waitFor();
      await page.getByText('Owning team').waitFor();
      await page.getByText('Uptime 24 h').waitFor();
      await page
        .getByText(
          /This service shares a datastore with another team or system/,
        )
        .waitFor();
      const resources = page.getByRole('region', {
        name: 'Datastores and other resources',
      });
      await resources.getByText('orders-db').waitFor();
      await screenshot(page, 'service-overview-cards');
      await resources.scrollIntoViewIfNeeded();
      await screenshot(page, 'service-overview-dependencies');

      // The entity page's tabs: MUI tabs in the legacy app, links in the new catalog header.
      await page
        .getByRole('tab', { name: 'Compliance' })
        .or(page.getByRole('link', { name: 'Compliance', exact: true }))
        .first()
        .click();
      await page.waitForURL(/\/order-service\/compliance$/);
      const check = page.getByTestId(`check-${failing.id}`);
      await check.waitFor();
      const text = await check.innerText();
      assert.match(text, /\bFail\b/);
      assert.match(text, /How to fix:/);
      assert.ok(
        text
          .replace(/\s+/g, ' ')
          .includes(failing.remediation.replace(/`/g, '').replace(/\s+/g, ' ')),
        `remediation shown: ${text}`,
      );
      assert.equal(
        await check
          .getByRole('link', { name: `About the check ${failing.id}` })
          .getAttribute('href'),
        `/microservices/principles/decentralized-data#${failing.id}`,
      );
      await page
        .getByRole('img', { name: /Line chart of the score over time/ })
        .waitFor();
      await screenshot(page, 'service-compliance-tab');

      // The check's explanation is one click away.
      await check
        .getByRole('link', { name: `About the check ${failing.id}` })
        .click();
      await page.getByRole('heading', { name: 'Why it matters' }).waitFor();
      await page.locator(`[id="${failing.id}"]`).waitFor();
      await screenshot(page, 'principle-decentralized-data');
    });

    it('warns about the shared datastore and the dependency cycle on the dashboard', async () => {
      const sharing = await fetch(
        `${backstage.baseUrl}/api/microservices/services?failingCheck=decentralized-data.no-shared-datastore&limit=1`,
        { headers: { Authorization: `Bearer ${backstage.token}` } },
      ).then(r => r.json());
      const page = await openPage('/microservices/dashboard');
      await page
        .getByText(/\d+ datastores? (is|are) shared across teams or systems/)
        .waitFor();
      const shared = page.getByRole('table', { name: 'Shared datastores' });
      const row = shared.getByRole('row').filter({ hasText: 'orders-db' });
      await row.waitFor();
      const text = await row.innerText();
      assert.match(text, /order-service/);
      assert.match(text, /loyalty-service/);
      await page
        .getByRole('list', { name: 'Dependency cycles' })
        .getByText('inventory-service')
        .waitFor();
      await page
        .getByRole('table', { name: 'Pass rate per principle' })
        .waitFor();
      await page
        .getByRole('img', { name: /average score over time/ })
        .waitFor();
      await screenshot(page, 'architecture-dashboard');
      await shared.scrollIntoViewIfNeeded();
      await screenshot(page, 'architecture-dashboard-shared-datastores');

      // Each number leads to the filtered overview.
      await page
        .getByRole('link', { name: 'Show the services that share a datastore' })
        .click();
      await page.waitForURL(
        /failingCheck=decentralized-data\.no-shared-datastore/,
      );
      // As many services as the API counts: the dashboard's numbers are services.
      await page
        .getByRole('heading', { name: `Services (${sharing.totalCount})` })
        .waitFor();
      await page
        .getByRole('link', { name: 'loyalty-service', exact: true })
        .waitFor();
    });

    it('explains all 14 principles', async () => {
      const page = await openPage('/microservices/principles');
      await page
        .getByRole('link', {
          name: 'Why Fault Isolation matters and how to comply',
        })
        .waitFor();
      assert.equal(
        await page
          .getByRole('link', { name: /^Why .* matters and how to comply$/ })
          .count(),
        14,
      );
      await screenshot(page, 'principles');
    });
    it('opens on the services overview and leads from the sidebar to the dashboard', async () => {
      const page = await openPage('/');
      await page.waitForURL(/\/microservices$/);
      await checkSidebar(page);
    });

    it('shows none of the plugin cards on a component that is not a service', async () => {
      const page = await openPage(`/catalog/default/component/${NON_SERVICE}`);
      await checkNonServiceEntityPage(page);
      await screenshot(page, 'non-service-entity');
    });

    it("shows the catalog under the organisation's name, the graph and the template", async () => {
      const page = await openPage('/catalog');
      await page
        .getByRole('heading', { name: 'Kestrel Outfitters Catalog' })
        .waitFor();
      const sidebar = page.getByTestId('sidebar-root');
      await sidebar.getByRole('link', { name: 'Graph' }).click();
      await page.waitForURL(/\/catalog-graph/);
      await sidebar.getByRole('link', { name: 'Create...' }).click();
      await page.waitForURL(/\/create/);
      await page.getByText('New microservice').first().waitFor();
      await screenshot(page, 'create-templates');
    });
  },
);
