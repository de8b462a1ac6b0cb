/*
 * Small constructors for check outcomes and the text they carry, so that
 * every check words its findings the same way.
 */
import type { Entity } from '@backstage/catalog-model';
import type { CatalogGraph, EntityNode } from '../CatalogGraph';
import type { CheckOutcome } from '../types';

/** How many refs a message names before summarizing the rest. */
const LISTED_IN_MESSAGE = 10;
/** How many refs a result's `related` carries at most. */
const MAX_RELATED = 100;

export function pass(message: string, related?: string[]): CheckOutcome {
  return withRelated({ status: 'pass', message, remediation: '' }, related);
}

export function fail(
  message: string,
  remediation: string,
  related?: string[],
): CheckOutcome {
  return withRelated({ status: 'fail', message, remediation }, related);
}

export function warn(
  message: string,
  remediation: string,
  related?: string[],
): CheckOutcome {
  return withRelated({ status: 'warn', message, remediation }, related);
}

export function notApplicable(message: string): CheckOutcome {
  return { status: 'not-applicable', message, remediation: '' };
}

function withRelated(outcome: CheckOutcome, related?: string[]): CheckOutcome {
  if (related && related.length > 0) {
    // Stops at the cap: a huge cycle must not make every member's result O(cycle size).
    const distinct = new Set<string>();
    for (const ref of related) {
      if (distinct.size >= MAX_RELATED) break;
      distinct.add(ref);
    }
    outcome.related = [...distinct];
  }
  return outcome;
}

/** `a`, `b` and 3 more. */
export function listRefs(refs: readonly string[]): string {
  const shown = refs.slice(0, LISTED_IN_MESSAGE).map(ref => `\`${ref}\``);
  const rest = refs.length - shown.length;
  if (rest > 0) {
    return `${shown.join(', ')} and ${rest} more`;
  }
  if (shown.length <= 1) {
    return shown.join('');
  }
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `1 API`, `2 APIs`; pass `many` for irregular plurals. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The graph's view of the service under evaluation. */
export function serviceNode(service: Entity, graph: CatalogGraph): EntityNode {
  const node = graph.nodeOf(service);
  if (!node) {
    throw new Error(
      'The service is not part of the catalog graph it is evaluated against',
    );
  }
  return node;
}
