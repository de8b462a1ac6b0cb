import { resolveEngineConfig } from '../resolveEngineConfig';
import { checkResult, service } from '../__fixtures__/entities';

const withAnnotations = (annotations: Record<string, string>) =>
  service('orders', {}, { annotations });

describe('continuous-delivery.ci-cd', () => {
  const id = 'continuous-delivery.ci-cd';

  it('passes with one of the CI annotations', () => {
    const result = checkResult(
      [withAnnotations({ 'jenkins.io/job-full-name': 'shop/orders' })],
      'orders',
      id,
    );
    expect(result).toMatchObject({
      status: 'pass',
      weight: 3,
      message: 'Has the CI/CD pipeline annotation `jenkins.io/job-full-name`.',
    });
  });

  it('fails without, naming the annotations to add', () => {
    const result = checkResult(
      [withAnnotations({ 'backstage.io/techdocs-ref': 'dir:.' })],
      'orders',
      id,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Declares no CI/CD pipeline');
    expect(result.remediation).toBe(
      'Add one of these annotations under `metadata.annotations`, e.g. `github.com/project-slug: <value>`.',
    );
  });

  it('uses a configured list instead of the default one', () => {
    const config = resolveEngineConfig({
      annotations: { ci: ['acme.com/pipeline'] },
    });
    const entities = [
      withAnnotations({ 'github.com/project-slug': 'acme/orders' }),
    ];
    expect(checkResult(entities, 'orders', id, config).status).toBe('fail');
    const configured = [withAnnotations({ 'acme.com/pipeline': 'orders' })];
    expect(checkResult(configured, 'orders', id, config).status).toBe('pass');
  });
});

describe('continuous-delivery.source-repository', () => {
  const id = 'continuous-delivery.source-repository';
  const statusWith = (annotations: Record<string, string>) =>
    checkResult([withAnnotations(annotations)], 'orders', id).status;

  it('passes for a url: source location, a url: managed-by location or a slug', () => {
    expect(
      statusWith({
        'backstage.io/source-location':
          'url:https://github.com/acme/orders/tree/main/',
      }),
    ).toBe('pass');
    expect(
      statusWith({
        'backstage.io/managed-by-location':
          'url:https://gitlab.com/acme/orders/-/blob/main/catalog-info.yaml',
      }),
    ).toBe('pass');
    expect(statusWith({ 'gitlab.com/project-id': '1234' })).toBe('pass');
  });

  it('fails for local files and missing locations', () => {
    expect(
      statusWith({
        'backstage.io/managed-by-location': 'file:/tmp/catalog-info.yaml',
      }),
    ).toBe('fail');
    const result = checkResult(
      [withAnnotations({ 'backstage.io/source-location': 'dir:./orders' })],
      'orders',
      id,
    );
    expect(result.message).toContain(
      'is `dir:./orders`, not a `url:` repository location',
    );
    expect(result.remediation).toContain(
      'backstage.io/source-location: url:https://',
    );
    expect(statusWith({})).toBe('fail');
  });
});
