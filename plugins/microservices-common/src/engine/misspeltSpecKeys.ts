import type { Entity } from '@backstage/catalog-model';
import { isObject, lowercase } from './graph/entityFields';

/**
 * `spec` keys Backstage reads per kind (catalog-model's kind schemas). A key close to one of
 * these but not equal is ignored by Backstage without a word: a misspelt `dependsOn` silently
 * drops an edge, so the engine warns about it.
 */
const SPEC_KEYS: Record<string, readonly string[]> = {
  component: [
    'type',
    'lifecycle',
    'owner',
    'system',
    'subcomponentOf',
    'providesApis',
    'consumesApis',
    'dependsOn',
    'dependencyOf',
  ],
  resource: ['type', 'owner', 'system', 'dependsOn', 'dependencyOf'],
  api: ['type', 'lifecycle', 'owner', 'system', 'definition'],
  system: ['owner', 'domain', 'type'],
  domain: ['owner', 'subdomainOf', 'type'],
};

/** Letters only, lower-case: `depends_on`, `Depends-On` and `dependsOn` compare equal. */
const squash = (key: string) => lowercase(key).replace(/[^a-z0-9]/g, '');

/** Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost,
      );
      best = Math.min(best, current[j]);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known key an unknown one probably meant, if it is close enough to be a typo.
 *
 * @public
 */
export function nearestSpecKey(
  key: string,
  known: readonly string[],
): string | undefined {
  const squashed = squash(key);
  let nearest: string | undefined;
  let nearestDistance = Infinity;
  for (const candidate of known) {
    const target = squash(candidate);
    // Short keys (`type`, `owner`) tolerate one slip, long ones two.
    const max = target.length >= 8 ? 2 : 1;
    const d = distance(squashed, target, max);
    if (d <= max && d < nearestDistance) {
      nearest = candidate;
      nearestDistance = d;
    }
  }
  return nearest;
}

/**
 * Warnings for `spec` keys that Backstage ignores but that look like a misspelt known key.
 *
 * @public
 */
export function misspeltSpecKeys(entity: Entity): string[] {
  const kind = typeof entity.kind === 'string' ? lowercase(entity.kind) : '';
  const known = SPEC_KEYS[kind];
  if (!known || !isObject(entity.spec)) return [];
  const warnings: string[] = [];
  for (const key of Object.keys(entity.spec)) {
    if (known.includes(key)) continue;
    const meant = nearestSpecKey(key, known);
    if (meant) {
      warnings.push(
        `\`spec.${key}\` is not a field Backstage reads, so it is ignored; did you mean \`spec.${meant}\`?`,
      );
    }
  }
  return warnings;
}
