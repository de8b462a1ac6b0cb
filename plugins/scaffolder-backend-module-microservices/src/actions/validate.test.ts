import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ValidateProposalResponse } from '@microservices-backstage/plugin-microservices-common';
import { createValidateAction } from './validate';
import { createActionContext } from '../__testUtils__/createActionContext';

function workspace(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-validate-'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

function response(score: number): ValidateProposalResponse {
  return {
    problems: [],
    entityCount: 1,
    replacedRefs: [],
    services: [
      {
        entityRef: 'component:default/orders',
        score,
        level: score === 100 ? 'gold' : 'bronze',
        nextLevel: null,
        source: { document: 1 },
        warnings: [],
        checks: [
          {
            id: 'devops.on-call',
            principle: 'devops',
            status: score === 100 ? 'pass' : 'fail',
            message: 'No on-call annotation.',
            remediation: 'Add pagerduty.com/service-id.',
            weight: 2,
          },
        ],
      },
    ],
  };
}

describe('microservices:validate', () => {
  it('passes a task whose services score at least the minimum, with the results in the log and the output', async () => {
    const client = { validate: jest.fn(async () => response(100)) };
    const action = createValidateAction({ client });
    const { ctx, outputs, lines } = createActionContext(
      { files: ['catalog-info.yaml'], minimumScore: 100 },
      { workspacePath: workspace({ 'catalog-info.yaml': CATALOG_INFO }) },
    );
    await action.handler(ctx);
    expect(client.validate).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          kind: 'Component',
          metadata: { name: 'orders' },
        }),
      ],
      expect.objectContaining({
        principal: expect.objectContaining({
          userEntityRef: 'user:default/alice',
        }),
      }),
    );
    expect(outputs.services).toEqual([
      {
        entityRef: 'component:default/orders',
        score: 100,
        level: 'gold',
        passed: true,
        failingChecks: [],
      },
    ]);
    expect(lines).toContain(
      'info: PASS component:default/orders: score 100, level gold (minimum score 100)',
    );
  });

  it('fails a task whose service scores under the minimum, naming what to fix in the log', async () => {
    const action = createValidateAction({
      client: { validate: async () => response(80) },
    });
    const { ctx, outputs, lines } = createActionContext(
      { files: ['catalog-info.yaml'], minimumScore: 90 },
      { workspacePath: workspace({ 'catalog-info.yaml': CATALOG_INFO }) },
    );
    await expect(action.handler(ctx)).rejects.toThrow(
      'component:default/orders scores 80: under the minimum score 90',
    );
    expect(outputs.services).toEqual([
      expect.objectContaining({
        passed: false,
        failingChecks: ['devops.on-call'],
      }),
    ]);
    expect(lines).toContain(
      'info:   fail devops.on-call (devops, weight 2): No on-call annotation. Fix: Add pagerduty.com/service-id.',
    );
  });

  it('only warns with failOnError: false', async () => {
    const action = createValidateAction({
      client: { validate: async () => response(80) },
    });
    const { ctx, lines } = createActionContext(
      { files: ['catalog-info.yaml'], minimumScore: 90, failOnError: false },
      { workspacePath: workspace({ 'catalog-info.yaml': CATALOG_INFO }) },
    );
    await action.handler(ctx);
    expect(
      lines.some(l => l.startsWith('warn: component:default/orders scores 80')),
    ).toBe(true);
  });

  it('refuses malformed YAML with file and line, and paths outside the workspace', async () => {
    const client = { validate: jest.fn() };
    const action = createValidateAction({ client });
    const dir = workspace({
      'catalog-info.yaml': `${CATALOG_INFO}  owner: twice\n`,
    });
    await expect(
      action.handler(
        createActionContext(
          { files: ['catalog-info.yaml'] },
          { workspacePath: dir },
        ).ctx,
      ),
    ).rejects.toThrow(
      'catalog-info.yaml:9: malformed YAML: Map keys must be unique',
    );
    await expect(
      action.handler(
        createActionContext(
          { files: ['../etc/passwd'] },
          { workspacePath: dir },
        ).ctx,
      ),
    ).rejects.toThrow(/outside/);
    expect(client.validate).not.toHaveBeenCalled();
  });

  it('supports dry-run', () => {
    expect(
      createValidateAction({ client: { validate: jest.fn() } }).supportsDryRun,
    ).toBe(true);
  });
});
