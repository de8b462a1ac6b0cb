import { screen, waitFor } from '@testing-library/react';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  coreExtensionData,
  identityApiRef,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import plugin, { microservicesPage } from './alpha';
import { MicroservicesApi, microservicesApiRef } from './api';
import {
  landscapeSummary,
  orderServiceDetail,
  orderServiceEntity,
  ordersDbEntity,
  ordersTeamEntity,
} from './__testUtils__/fixtures';

/** A component that is not a service: in the catalog, not scored. */
const website: Entity = {
  ...orderServiceEntity,
  metadata: { name: 'order-web', namespace: 'default' },
  spec: { ...orderServiceEntity.spec, type: 'website' },
};

function mockMicroservicesApi() {
  return {
    listServices: jest.fn().mockResolvedValue({
      items: [orderServiceDetail],
      totalCount: 1,
      offset: 0,
      limit: 20,
    }),
    getSummary: jest.fn().mockResolvedValue(landscapeSummary),
    getService: jest.fn().mockResolvedValue(orderServiceDetail),
    getHistory: jest.fn().mockResolvedValue([]),
    getServiceHealth: jest.fn().mockResolvedValue({
      entityRef: orderServiceDetail.entityRef,
      current: { status: 'unknown', message: 'not probed yet' },
      uptime24h: null,
      uptime7d: null,
      points: [],
    }),
    listChecks: jest.fn().mockResolvedValue([]),
  } satisfies Partial<MicroservicesApi>;
}

/**
 * A new frontend system app with the catalog and this plugin, at `path`: the plugin's pages link
 * to entity pages, so it needs the catalog.
 */
function renderApp(path: string, api = mockMicroservicesApi()) {
  renderTestApp({
    features: [catalogPlugin, plugin],
    apis: [
      [
        catalogApiRef,
        catalogApiMock({
          entities: [
            orderServiceEntity,
            website,
            ordersTeamEntity,
            ordersDbEntity,
          ],
        }),
      ],
      [microservicesApiRef, api],
      // "Only mine" in the overview needs to know who is signed in.
      [
        identityApiRef,
        mockApis.identity({ userEntityRef: 'user:default/ada' }),
      ],
    ],
    initialRouteEntries: [path],
  });
  return api;
}

/** The titles of the plugin's entity cards. */
const CARD_TITLES = [
  'Architecture compliance',
  'Ownership',
  'Health',
  'Dependencies',
];

// The whole app renders, and pages and cards load lazily: slower than a component test.
jest.setTimeout(120_000);
const slow = { timeout: 60_000 };

describe('the plugin in a new frontend system app', () => {
  it('shows the services overview at /microservices, under its own header only', async () => {
    const api = renderApp('/microservices');
    expect(
      await screen.findByRole('heading', { name: 'Services (1)' }, slow),
    ).toBeInTheDocument();
    // Found, not held: the page extension may mount its content again (Backstage re-creates a
    // page's lazy content when the page re-renders), which replaces the element.
    await screen.findByRole('link', { name: 'order-service' }, slow);
    // The app's page header is left out: one "Microservices" title, the plugin's.
    expect(
      screen.getAllByRole('heading', { name: 'Microservices' }),
    ).toHaveLength(1);
    expect(api.listServices).toHaveBeenCalledWith({ offset: 0, limit: 20 });
  });

  it('has the extension ids that apps configure (app.extensions, README)', () => {
    for (const id of [
      'api:microservices',
      'page:microservices',
      'entity-content:microservices/scorecard',
      'entity-card:microservices/compliance',
      'entity-card:microservices/dependencies',
      'entity-card:microservices/ownership',
      'entity-card:microservices/health',
    ] as const) {
      expect(plugin.getExtension(id)).toBeDefined();
    }
  });

  it('is a nav item: the page has a title and an icon', () => {
    const page = createExtensionTester(microservicesPage);
    expect(page.get(coreExtensionData.routePath)).toBe('/microservices');
    expect(page.get(coreExtensionData.title)).toBe('Microservices');
    expect(page.get(coreExtensionData.icon)).toBeDefined();
  });

  it("shows the compliance, ownership, health and dependencies cards on a service's entity page", async () => {
    const api = renderApp('/catalog/default/component/order-service');
    expect(
      await screen.findByText('Score 93 of 100', undefined, slow),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Owning team', undefined, slow),
    ).toBeInTheDocument();
    for (const title of CARD_TITLES) {
      expect(
        await screen.findByText(title, { exact: true }, slow),
      ).toBeInTheDocument();
    }
    expect(
      screen.getByRole('link', { name: 'Compliance' }),
    ).toBeInTheDocument();
    expect(api.getService).toHaveBeenCalledWith('default', 'order-service');
  });

  it('shows the full scorecard on the Compliance tab of a service', async () => {
    renderApp('/catalog/default/component/order-service/compliance');
    expect(
      await screen.findByTestId(
        'check-decentralized-data.no-shared-datastore',
        undefined,
        slow,
      ),
    ).toBeInTheDocument();
  });

  it('adds neither cards nor the Compliance tab to a component that is not a service', async () => {
    const api = renderApp('/catalog/default/component/order-web');
    expect(
      await screen.findByText('About', { exact: true }, slow),
    ).toBeInTheDocument();
    // Let every lazily loaded card of the page settle before counting what is absent.
    await waitFor(
      () => expect(screen.queryByRole('progressbar')).toBeNull(),
      slow,
    );
    for (const title of CARD_TITLES) {
      expect(screen.queryByText(title, { exact: true })).toBeNull();
    }
    expect(screen.queryByRole('link', { name: 'Compliance' })).toBeNull();
    expect(api.getService).not.toHaveBeenCalled();
    expect(api.getServiceHealth).not.toHaveBeenCalled();
  });

  it('has no Compliance page for a component that is not a service', async () => {
    renderApp('/catalog/default/component/order-web/compliance');
    expect(
      await screen.findByText(/not found/i, undefined, slow),
    ).toBeInTheDocument();
  });
});
