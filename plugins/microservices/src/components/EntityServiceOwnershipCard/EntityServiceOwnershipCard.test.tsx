import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import {
  orderServiceEntity,
  ordersTeamEntity,
} from '../../__testUtils__/fixtures';
import { renderEntityComponent } from '../../__testUtils__/renderEntityComponent';
import { EntityServiceOwnershipCard } from './EntityServiceOwnershipCard';

describe('EntityServiceOwnershipCard', () => {
  it('shows the owning team, its parent, contact, members and on-call', async () => {
    await renderEntityComponent(<EntityServiceOwnershipCard />, {
      api: {},
      catalogEntities: [ordersTeamEntity],
    });
    expect(await screen.findByText('orders-team')).toHaveAttribute(
      'href',
      '/catalog/default/group/orders-team',
    );
    expect(screen.getByText('fulfillment-engineering')).toBeInTheDocument();
    expect(screen.getByText('orders-team@kestrel.example')).toHaveAttribute(
      'href',
      'mailto:orders-team@kestrel.example',
    );
    expect(screen.getByText('ines.duarte')).toBeInTheDocument();
    expect(screen.getByText('tomas.berg')).toBeInTheDocument();
    expect(
      screen.getByText(/PagerDuty: alerts routed by an integration key/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Opsgenie: team orders/)).toBeInTheDocument();
    // The integration key is a secret.
    expect(screen.queryByText(/super-secret/)).not.toBeInTheDocument();
  });

  it('shows a PagerDuty service by the service name, linked when the account is known', async () => {
    await renderEntityComponent(<EntityServiceOwnershipCard />, {
      api: {},
      catalogEntities: [ordersTeamEntity],
      entity: {
        ...orderServiceEntity,
        metadata: {
          ...orderServiceEntity.metadata,
          annotations: {
            'pagerduty.com/service-id': 'P022A2E',
            'pagerduty.com/account': 'kestrel',
          },
        },
      },
    });
    const link = await screen.findByRole('link', {
      name: /^service of order-service/,
    });
    expect(link).toHaveAttribute(
      'href',
      'https://kestrel.pagerduty.com/service-directory/P022A2E',
    );
    expect(screen.queryByText(/P022A2E/)).not.toBeInTheDocument();
  });

  it('says when a person owns the service and nobody is on call', async () => {
    const labelService: Entity = {
      ...orderServiceEntity,
      metadata: { name: 'label-service', namespace: 'default' },
      spec: { type: 'service', owner: 'user:marek.nowak' },
      relations: [{ type: 'ownedBy', targetRef: 'user:default/marek.nowak' }],
    };
    const marek: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'marek.nowak', namespace: 'default' },
      spec: { profile: { email: 'marek@kestrel.example' }, memberOf: [] },
    };
    await renderEntityComponent(<EntityServiceOwnershipCard />, {
      api: {},
      entity: labelService,
      catalogEntities: [marek],
    });
    expect(await screen.findByText('a person, not a team')).toBeInTheDocument();
    expect(screen.getByText('marek@kestrel.example')).toBeInTheDocument();
    expect(screen.getByText(/None declared/)).toBeInTheDocument();
  });

  it('says when the owner is not in the catalog', async () => {
    await renderEntityComponent(<EntityServiceOwnershipCard />, {
      api: {},
      catalogEntities: [],
    });
    expect(
      await screen.findByText(/orders-team is not in the catalog/),
    ).toBeInTheDocument();
  });

  it('explains a catalog failure', async () => {
    await renderEntityComponent(<EntityServiceOwnershipCard />, {
      api: {},
      catalogApi: {
        getEntityByRef: jest.fn().mockRejectedValue(new Error('catalog down')),
      },
    });
    expect(
      await screen.findByText(/Could not load the owner from the catalog/),
    ).toBeInTheDocument();
    expect(screen.getByText('catalog down')).toBeInTheDocument();
  });
});
