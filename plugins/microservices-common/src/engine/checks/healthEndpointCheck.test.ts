import { checkResult, service } from '../__fixtures__/entities';

const ID = 'observability.health-endpoint';
const withEndpoint = (value: unknown) =>
  service(
    'orders',
    {},
    { annotations: { 'microservices.backstage.io/health-endpoint': value } },
  );

describe('observability.health-endpoint', () => {
  it('passes with an absolute https URL', () => {
    expect(
      checkResult(
        [withEndpoint('https://orders.example.com/health')],
        'orders',
        ID,
      ),
    ).toMatchObject({ status: 'pass', weight: 1, principle: 'observability' });
  });

  it('fails without the annotation', () => {
    const result = checkResult([service('orders')], 'orders', ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Declares no health endpoint');
    expect(result.remediation).toContain(
      'microservices.backstage.io/health-endpoint',
    );
  });

  it.each([
    ['file:///etc/passwd', 'scheme `file`'],
    ['gopher://example.com/', 'scheme `gopher`'],
    ['http://user:secret@orders.example.com/health', 'userinfo'],
    ['/health', 'not an absolute URL'],
    ['', 'empty'],
  ])('fails for %s', (value, reason) => {
    const result = checkResult([withEndpoint(value)], 'orders', ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(reason);
  });
});
