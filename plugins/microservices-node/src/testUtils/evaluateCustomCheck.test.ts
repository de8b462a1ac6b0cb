import type { Entity } from '@backstage/catalog-model';
import type { CheckDefinition } from '@microservices-backstage/plugin-microservices-common';
import { evaluateCustomCheck } from './evaluateCustomCheck';

const hasRunbook: CheckDefinition = {
  id: 'acme.runbook',
  principle: 'devops',
  title: 'Has a runbook link',
  description: 'A link titled Runbook',
  defaultWeight: 2,
  evaluate: entity =>
    (entity.metadata.links ?? []).some(l => l.title === 'Runbook')
      ? { status: 'pass', message: 'Runbook linked.' }
      : {
          status: 'fail',
          message: 'No runbook link.',
          remediation: 'Add a metadata.links entry titled Runbook.',
        },
};

function service(name: string, metadata: Partial<Entity['metadata']> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...metadata },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

describe('evaluateCustomCheck', () => {
  it('runs an adopter check both ways with the engine', () => {
    const entities = [
      service('with-runbook', { links: [{ url: 'https://runbooks.example.com/x', title: 'Runbook' }] }),
      service('without-runbook'),
    ];
    expect(
      evaluateCustomCheck(hasRunbook, { entities, serviceRef: 'component:default/with-runbook' }),
    ).toMatchObject({ id: 'acme.runbook', principle: 'devops', status: 'pass', weight: 2 });
    expect(
      evaluateCustomCheck(hasRunbook, { entities, serviceRef: 'component:default/without-runbook' }),
    ).toMatchObject({ status: 'fail', remediation: 'Add a metadata.links entry titled Runbook.' });
  });

  it('applies exemptions to custom checks like to built-in ones', () => {
    const entities = [
      service('waived', {
        annotations: {
          'microservices.backstage.io/exempt.acme.runbook': '2027-06-30: written this quarter',
        },
      }),
    ];
    const result = evaluateCustomCheck(hasRunbook, {
      entities,
      serviceRef: 'component:default/waived',
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(result.status).toBe('exempt');
    expect(result.exemption).toMatchObject({ reason: 'written this quarter', expires: '2027-06-30' });
  });

  it('reports a throwing check as an error result', () => {
    const broken: CheckDefinition = { ...hasRunbook, id: 'acme.broken', evaluate: () => { throw new Error('boom'); } };
    const result = evaluateCustomCheck(broken, {
      entities: [service('a')],
      serviceRef: 'component:default/a',
    });
    expect(result.status).toBe('error');
    expect(result.message).toContain('boom');
  });

  it('says when the ref is not a service', () => {
    expect(() =>
      evaluateCustomCheck(hasRunbook, { entities: [], serviceRef: 'component:default/nope' }),
    ).toThrow(/not a service/);
  });
});
