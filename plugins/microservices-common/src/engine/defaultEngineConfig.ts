import type { EngineConfig } from './types';

/**
 * The defaults of docs/checks.md. Check weights are not listed here: each
 * check definition carries its own default weight, `checks` only overrides.
 *
 * @public
 */
export const defaultEngineConfig: EngineConfig = {
  checks: {},
  thresholds: { maxProvidedApis: 5, maxFanOut: 8, maxBlastRadius: 10 },
  // A rubric: each level adds required checks to the one below (see docs/checks.md).
  levels: [
    {
      name: 'bronze',
      minScore: 50,
      requiredChecks: [
        'devops.owned-by-team',
        'decomposition.single-system',
        'continuous-delivery.ci-cd',
      ],
    },
    {
      name: 'silver',
      minScore: 70,
      requiredChecks: [
        'decentralized-data.no-shared-datastore',
        'fault-isolation.no-dependency-cycle',
        'continuous-delivery.source-repository',
        'devops.on-call',
      ],
    },
    { name: 'gold', minScore: 90, requiredChecks: ['*'] },
  ],
  levelBelowAll: 'none',
  annotations: {
    ci: [
      'github.com/project-slug',
      'gitlab.com/project-slug',
      'gitlab.com/project-id',
      'jenkins.io/job-full-name',
      'jenkins.io/github-folder',
      'circleci.com/project-slug',
      'buildkite.com/project-slug',
      'dev.azure.com/project-repo',
      'dev.azure.com/build-definition',
      'tekton.dev/ci-cd',
      'microservices.backstage.io/ci',
    ],
    monitoring: [
      'prometheus.io/rule',
      'prometheus.io/alert',
      'grafana/dashboard-selector',
      'grafana/alert-label-selector',
      'datadoghq.com/dashboard-url',
      'newrelic.com/dashboard-guid',
      'dynatrace.com/dynatrace-entity-id',
      'microservices.backstage.io/monitoring',
    ],
    logging: [
      'sentry.io/project-slug',
      'elastic.co/kibana-url',
      'grafana/loki-query',
      'splunk.com/search-query',
      'datadoghq.com/logs-query',
      'microservices.backstage.io/logging',
    ],
    tracing: [
      'jaegertracing.io/service',
      'grafana/tempo-service',
      'lightstep.com/service',
      'honeycomb.io/dataset',
      'datadoghq.com/service-name',
      'microservices.backstage.io/tracing',
    ],
    iac: [
      'backstage.io/kubernetes-id',
      'backstage.io/kubernetes-label-selector',
      'argocd/app-name',
      'argocd/app-selector',
      'terraform.io/workspace',
      'fluxcd.io/kustomization',
      'microservices.backstage.io/iac',
    ],
    onCall: [
      'pagerduty.com/integration-key',
      'pagerduty.com/service-id',
      'opsgenie.com/team',
      'opsgenie.com/component-selector',
      'splunk.com/on-call-routing-key',
      'firehydrant.com/service-name',
      'microservices.backstage.io/on-call',
    ],
  },
  datastoreTypes: [
    'database',
    'datastore',
    'cache',
    'object-storage',
    's3-bucket',
    'bucket',
    'search-index',
    'table',
  ],
  exemptions: [],
};
