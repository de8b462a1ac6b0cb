import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read compliance results (services, checks, summary, history).
 *
 * @public
 */
export const microservicesReadPermission = createPermission({
  name: 'microservices.results.read',
  attributes: { action: 'read' },
});

/**
 * Trigger an evaluation of the whole catalog now.
 *
 * @public
 */
export const microservicesEvaluatePermission = createPermission({
  name: 'microservices.evaluation.create',
  attributes: { action: 'create' },
});

/**
 * Score a proposed catalog-info.yaml against the live catalog (`POST /validate`, the
 * scaffolder action `microservices:validate`). Its own permission: it reads the catalog
 * with the caller's credentials and costs a whole-graph evaluation per call.
 *
 * @public
 */
export const microservicesValidatePermission = createPermission({
  name: 'microservices.validation.create',
  attributes: { action: 'create' },
});

/** @public */
export const microservicesPermissions = [
  microservicesReadPermission,
  microservicesEvaluatePermission,
  microservicesValidatePermission,
];
