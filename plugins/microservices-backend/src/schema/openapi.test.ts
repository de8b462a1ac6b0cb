import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { createRouter } from '../router/createRouter';
import { SERVICE_SORT_FIELDS } from '@microservices-backstage/plugin-microservices-common';

const spec = parse(fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'));

function servedRoutes(): string[] {
  const router = createRouter({
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    microservices: {} as any,
  }) as any;
  return router.stack
    .filter((layer: any) => layer.route)
    .flatMap((layer: any) =>
      Object.keys(layer.route.methods)
        // `_all`: the 405 answer for other methods on the same path.
        .filter(m => m !== '_all')
        .map(m => `${m.toUpperCase()} ${layer.route.path}`),
    )
    .sort();
}

describe('openapi.yaml', () => {
  it('describes exactly the routes the router serves', () => {
    const documented = Object.entries(spec.paths)
      .flatMap(([p, ops]) =>
        Object.keys(ops as object).map(
          m => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      )
      .sort();
    expect(documented).toEqual(servedRoutes());
  });

  it('lists the sort fields the router accepts', () => {
    const orderBy = spec.paths['/services'].get.parameters.find(
      (p: any) => p.name === 'orderBy',
    );
    expect(orderBy.schema.enum).toEqual([...SERVICE_SORT_FIELDS]);
  });
});
