import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import plugin, {
  entityComplianceCard,
  entityDependenciesCard,
  entityHealthCard,
  entityOwnershipCard,
  entityScorecardContent,
  microservicesPage,
} from './alpha';
import { microservicesApiRef } from './api';
import {
  orderServiceDetail,
  orderServiceEntity,
} from './__testUtils__/fixtures';

const website: Entity = {
  ...orderServiceEntity,
  spec: { ...orderServiceEntity.spec, type: 'website' },
};

describe('new frontend system plugin', () => {
  it('is the microservices plugin with its page, entity content and cards', () => {
    expect(plugin.id).toBe('microservices');
    expect(plugin.routes.root).toBeDefined();
    expect(plugin.routes.dashboard).toBeDefined();
    expect(plugin.routes.principle).toBeDefined();
  });

  it('shows the cards and the Compliance tab on services only', () => {
    for (const card of [
      entityComplianceCard,
      entityOwnershipCard,
      entityDependenciesCard,
      entityHealthCard,
    ]) {
      const filter = createExtensionTester(
        card as typeof entityComplianceCard,
      ).get(EntityCardBlueprint.dataRefs.filterFunction);
      expect(filter?.(orderServiceEntity)).toBe(true);
      expect(filter?.(website)).toBe(false);
    }
    const content = createExtensionTester(entityScorecardContent);
    expect(content.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Compliance',
    );
    expect(
      content.get(EntityContentBlueprint.dataRefs.filterFunction)?.(
        orderServiceEntity,
      ),
    ).toBe(true);
  });

  it('renders the health card from its extension', async () => {
    await renderInTestApp(
      <EntityProvider entity={orderServiceEntity}>
        {createExtensionTester(entityHealthCard).reactElement()}
      </EntityProvider>,
      {
        apis: [
          [
            microservicesApiRef,
            {
              getServiceHealth: jest.fn().mockResolvedValue({
                entityRef: orderServiceDetail.entityRef,
                current: { status: 'unknown', message: 'not probed yet' },
                uptime24h: null,
                uptime7d: null,
                points: [],
              }),
            },
          ],
        ],
      },
    );
    expect(await screen.findByText('Unknown')).toBeInTheDocument();
  });

  it('mounts the page at /microservices', () => {
    const page = createExtensionTester(microservicesPage);
    expect(page.get(coreExtensionData.routePath)).toBe('/microservices');
  });
});
