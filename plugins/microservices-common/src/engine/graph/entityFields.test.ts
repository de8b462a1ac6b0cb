import type { Entity } from '@backstage/catalog-model';
import { annotationsOf } from './entityFields';

const withAnnotations = (annotations: unknown): Entity =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
  } as Entity);

describe('annotationsOf', () => {
  it('gives clean annotations as they are and cleans the others, whatever the order asked', () => {
    const clean = withAnnotations({ 'github.com/project-slug': 'shop/orders' });
    const messy = withAnnotations({
      'github.com/project-slug': '  shop/orders  ',
      blank: '   ',
      number: 3,
    });
    const none = withAnnotations(undefined);
    for (const entity of [clean, messy, clean, none, messy, messy]) {
      const expected =
        entity === none ? {} : { 'github.com/project-slug': 'shop/orders' };
      expect(annotationsOf(entity)).toEqual(expected);
    }
    expect(annotationsOf(clean)).toBe(clean.metadata.annotations);
  });
});
