import { createPermission } from '@backstage/plugin-permission-common';

/** Read compliance results (services, checks, summary, history). */
export const microservicesReadPermission = createPermission({
  name: 'microservices.results.read',
  attributes: { action: 'read' },
});

/** Trigger an evaluation of the whole catalog now. */
export const microservicesEvaluatePermission = createPermission({
  name: 'microservices.evaluation.create',
  attributes: { action: 'create' },
});

export const microservicesPermissions = [
  microservicesReadPermission,
  microservicesEvaluatePermission,
];
