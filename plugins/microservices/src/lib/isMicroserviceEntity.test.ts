import { isMicroserviceEntity } from './isMicroserviceEntity';

const entity = (kind: string, type?: unknown) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: type === undefined ? {} : { type },
});

describe('isMicroserviceEntity', () => {
  it('accepts Components of type service, in any case', () => {
    expect(isMicroserviceEntity(entity('Component', 'service'))).toBe(true);
    expect(isMicroserviceEntity(entity('component', 'Service'))).toBe(true);
  });

  it('rejects everything else', () => {
    expect(isMicroserviceEntity(entity('Component', 'website'))).toBe(false);
    expect(isMicroserviceEntity(entity('Component'))).toBe(false);
    expect(isMicroserviceEntity(entity('Resource', 'service'))).toBe(false);
    expect(isMicroserviceEntity(entity('Component', 42))).toBe(false);
  });
});
