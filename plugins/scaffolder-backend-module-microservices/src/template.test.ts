/*
 * The "New microservice" template (examples/templates/microservice): its skeleton rendered
 * as `fetch:template` renders it (nunjitsu, the scaffolder's template engine), then gated by
 * `microservices:validate` against the demo landscape through the validation API's own
 * logic: the output scores 100 and level gold with the default configuration. (The
 * scaffolder's dry-run route is exercised against the running demo in
 * packages/app/e2e-tests/register.test.mjs: under Jest its sandboxed templating refuses
 * arrays from Node's own realm.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  defaultEngineConfig,
  evaluateCatalog,
  parseCatalogYaml,
} from '@microservices-backstage/plugin-microservices-common';
// Test only: the template's gate checked with the validation API's own logic (no HTTP).
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports
import { ProposalValidator } from '@microservices-backstage/plugin-microservices-backend/src/service/ProposalValidator';
import { createTemplateRenderer, type TemplateValue } from 'nunjitsu';
import { parse } from 'yaml';
import { createValidateAction } from './actions/validate';
import { createActionContext } from './__testUtils__/createActionContext';

const ROOT = path.resolve(__dirname, '../../..');
const TEMPLATE_DIR = path.join(ROOT, 'examples/templates/microservice');

function readEntities(file: string): Entity[] {
  const { entities, problems } = parseCatalogYaml(
    fs.readFileSync(file, 'utf8'),
  );
  if (problems.length) throw new Error(`${file}: ${JSON.stringify(problems)}`);
  return entities.map(e => e.entity as Entity);
}

/** The demo landscape: every file examples/all.yaml lists. */
function demoLandscape(): Entity[] {
  const [all] = readEntities(path.join(ROOT, 'examples/all.yaml'));
  const targets = (all.spec as { targets: string[] }).targets;
  return targets.flatMap(t => readEntities(path.join(ROOT, 'examples', t)));
}

const template = parse(
  fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);
const exampleValues = parse(
  fs.readFileSync(path.join(TEMPLATE_DIR, 'example-values.yaml'), 'utf8'),
);
const landscape = demoLandscape();

/** The skeleton rendered into a fresh workspace, as fetch:template does. */
function renderSkeleton(values: Record<string, unknown>): string {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-template-'));
  const renderer = createTemplateRenderer({ allowRegexExecution: true });
  const skeleton = path.join(TEMPLATE_DIR, 'skeleton');
  for (const file of fs.readdirSync(skeleton)) {
    const text = fs.readFileSync(path.join(skeleton, file), 'utf8');
    // templateFileExtension: true: only *.njk files are templated, and lose the extension.
    if (file.endsWith('.njk')) {
      fs.writeFileSync(
        path.join(workspace, file.slice(0, -4)),
        renderer.render(text, { values: values as TemplateValue }),
      );
    } else {
      fs.writeFileSync(path.join(workspace, file), text);
    }
  }
  return workspace;
}

/** The validate step of the template, with the validation API's logic on the demo landscape. */
async function runValidateStep(workspacePath: string) {
  const step = template.spec.steps.find(
    (s: any) => s.action === 'microservices:validate',
  );
  const validator = new ProposalValidator({
    catalog: catalogServiceMock({ entities: landscape }),
    engineConfig: defaultEngineConfig,
  });
  const action = createValidateAction({
    client: {
      validate: (entities, credentials) =>
        validator.validate(
          { format: 'json', text: JSON.stringify(entities) },
          credentials,
        ),
    },
  });
  const { ctx, outputs, lines } = createActionContext(step.input, {
    workspacePath,
  });
  let error: Error | undefined;
  await action.handler(ctx).catch(e => {
    error = e;
  });
  return { outputs, lines, error };
}

describe('the New microservice template', () => {
  it('asks what the principles need', () => {
    const properties = Object.assign(
      {},
      ...template.spec.parameters.map((p: any) => p.properties),
    );
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining([
        'name',
        'description',
        'owner',
        'system',
        'datastore',
        'securityScheme',
        'ciProvider',
        'onCallProvider',
        'onCallId',
        'healthEndpoint',
      ]),
    );
    expect(properties.owner['ui:field']).toBe('OwnerPicker');
    expect(properties.owner['ui:options'].catalogFilter).toEqual([
      { kind: 'Group' },
    ]);
    expect(properties.system['ui:field']).toBe('EntityPicker');
    expect(template.spec.steps.map((s: any) => s.action)).toEqual([
      'fetch:template',
      'microservices:validate',
      'publish:local-folder',
    ]);
  });

  it('renders, for the example values, a service, its own datastore and its API that score 100 (gold)', async () => {
    const workspace = renderSkeleton(exampleValues);
    const entities = readEntities(path.join(workspace, 'catalog-info.yaml'));
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`)).toEqual([
      'Component:pick-route-optimizer',
      'API:pick-route-optimizer-api',
      'Resource:pick-route-optimizer-db',
    ]);
    expect(
      entities.every(e => (e.spec as any).owner === exampleValues.owner),
    ).toBe(true);

    // The engine itself, default configuration, demo landscape plus the output.
    const evaluation = evaluateCatalog(
      [...landscape, ...entities],
      defaultEngineConfig,
    );
    const service = evaluation.services.find(
      s => s.entityRef === 'component:default/pick-route-optimizer',
    )!;
    expect(
      service.checks.filter(
        c => c.status !== 'pass' && c.status !== 'not-applicable',
      ),
    ).toEqual([]);
    expect(service).toMatchObject({ score: 100, level: 'gold', warnings: [] });

    // The template's own gate.
    const { outputs, lines, error } = await runValidateStep(workspace);
    expect(error).toBeUndefined();
    expect(outputs.services).toEqual([
      {
        entityRef: 'component:default/pick-route-optimizer',
        score: 100,
        level: 'gold',
        passed: true,
        failingChecks: [],
      },
    ]);
    expect(lines).toContain(
      'info: PASS component:default/pick-route-optimizer: score 100, level gold (minimum score 100)',
    );
  });

  it.each([
    ['no datastore', { datastore: 'none' }],
    [
      'GitLab CI, Opsgenie and a bearer token',
      {
        ciProvider: 'gitlab-ci',
        onCallProvider: 'opsgenie',
        onCallId: 'warehouse',
        securityScheme: 'bearer',
      },
    ],
    [
      'Jenkins, an API key and a cache',
      { ciProvider: 'jenkins', securityScheme: 'apiKey', datastore: 'redis' },
    ],
  ])('scores 100 with %s', async (_name, overrides) => {
    const { outputs, error } = await runValidateStep(
      renderSkeleton({ ...exampleValues, ...overrides }),
    );
    expect(error).toBeUndefined();
    expect(outputs.services).toEqual([
      expect.objectContaining({ score: 100, level: 'gold' }),
    ]);
  });

  it('stops the task before publishing when the service would not score 100 (team not in the system)', async () => {
    const { outputs, lines, error } = await runValidateStep(
      renderSkeleton({
        ...exampleValues,
        owner: 'group:default/payments-team',
      }),
    );
    expect(error?.message).toMatch(
      /^component:default\/pick-route-optimizer scores \d+: under the minimum score 100$/,
    );
    expect(outputs.services).toEqual([
      expect.objectContaining({
        passed: false,
        failingChecks: ['organizational-alignment.coherent-ownership'],
      }),
    ]);
    expect(
      lines.some(l =>
        l.includes('fail organizational-alignment.coherent-ownership'),
      ),
    ).toBe(true);
  });

  it("stops the task when the name is taken by another team's service", async () => {
    const { error } = await runValidateStep(
      renderSkeleton({ ...exampleValues, name: 'payment-service' }),
    );
    expect(error?.message).toBe(
      'Already in the catalog: component:default/payment-service (choose another name)',
    );
  });
});
