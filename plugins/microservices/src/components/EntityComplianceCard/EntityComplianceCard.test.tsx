import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import { microservicesApiRef, MicroservicesApi } from '../../api';
import { EntityComplianceCard } from './EntityComplianceCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

function renderCard(api: Partial<MicroservicesApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[microservicesApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityComplianceCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityComplianceCard', () => {
  it('shows the score, level and each failing check with its remediation', async () => {
    const getService = jest.fn().mockResolvedValue({
      entityRef: 'component:default/orders',
      score: 42,
      level: 'none',
      checks: [
        {
          id: 'devops.on-call',
          principle: 'devops',
          status: 'fail',
          message: 'No on-call annotation.',
          remediation: 'Add pagerduty.com/integration-key.',
          weight: 2,
        },
        {
          id: 'devops.owned-by-team',
          principle: 'devops',
          status: 'pass',
          message: 'Owned by group:default/team-a.',
          remediation: '',
          weight: 3,
        },
      ],
    });
    await renderCard({ getService });
    expect(await screen.findByText('42')).toBeInTheDocument();
    expect(screen.getByLabelText('Level none')).toBeInTheDocument();
    expect(screen.getByText('devops.on-call: No on-call annotation.')).toBeInTheDocument();
    expect(screen.getByText('Add pagerduty.com/integration-key.')).toBeInTheDocument();
    expect(screen.queryByText(/Owned by group/)).not.toBeInTheDocument();
    expect(getService).toHaveBeenCalledWith('default', 'orders');
  });

  it('says when the service has not been evaluated yet', async () => {
    const notFound = await ResponseError.fromResponse(
      new Response(JSON.stringify({ error: { name: 'NotFoundError', message: 'No result' } }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      }) as any,
    );
    await renderCard({ getService: jest.fn().mockRejectedValue(notFound) });
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
  });
});
