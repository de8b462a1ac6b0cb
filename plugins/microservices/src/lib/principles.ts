import { PRINCIPLE_IDS } from '@microservices-backstage/plugin-microservices-common';

export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

/** What a principle asks of a service, in this plugin's words. */
export interface PrincipleExplanation {
  id: PrincipleId;
  title: string;
  /** Where the principles document places it. */
  kind: 'Core concept' | 'Benefit' | 'Challenge';
  /** One sentence, for lists and tooltips. */
  summary: string;
  /** Why it matters, a short paragraph. */
  why: string;
  /** What the catalog can show of it, i.e. what the checks look at. */
  evidence: string;
  /** Concrete changes to `catalog-info.yaml` that satisfy the checks. */
  howToComply: string[];
}

const EXPLANATIONS: Record<PrincipleId, Omit<PrincipleExplanation, 'id'>> = {
  decomposition: {
    title: 'Decomposition',
    kind: 'Core concept',
    summary:
      'A service does one business job, belongs to one system and stays small enough to change on its own.',
    why:
      'When a service has a single purpose, its team can change, release and scale it without ' +
      'coordinating with everybody else. A service that spans systems, exposes many APIs or calls ' +
      'a long list of other services is usually several services in one, and every change to it ' +
      'becomes a negotiation.',
    evidence:
      'The service names exactly one existing System, provides a bounded number of APIs, has a ' +
      'bounded number of distinct dependencies, and every reference it declares resolves to an ' +
      'entity in the catalog.',
    howToComply: [
      'Set `spec.system` to an existing System.',
      'Split a service that provides more APIs than the configured limit.',
      'Reduce fan-out: depend on fewer services, or put an aggregating API in front of them.',
      'Fix or remove references in `owner`, `system`, `dependsOn`, `consumesApis` and `providesApis` that name no entity.',
    ],
  },
  'domain-driven-design': {
    title: 'Domain-Driven Design',
    kind: 'Core concept',
    summary:
      'Services are grouped by business domain, and domains talk to each other through published APIs.',
    why:
      'Organising services around business domains keeps the language, the data and the teams of ' +
      "one area together. Direct calls from one domain into another domain's components couple " +
      'their models; a published API is a contract both sides can evolve behind.',
    evidence:
      "The service's System names an existing Domain, and the service has no `dependsOn` going " +
      'straight to a Component whose System lies in another Domain.',
    howToComply: [
      "Set `spec.domain` on the service's System.",
      'Replace a cross-domain `dependsOn: component:...` with `consumesApis` on the API the other domain provides.',
    ],
  },
  'decentralized-data': {
    title: 'Decentralized Data Management',
    kind: 'Core concept',
    summary:
      "Each service owns its datastore; no other team's service reads or writes it directly.",
    why:
      'A database shared by two services is an API nobody designed: a schema change by one team ' +
      'can break another team in production, and neither can scale or migrate its storage alone. ' +
      'Owning the datastore lets a service choose the technology and shape that fit it.',
    evidence:
      'Every datastore `Resource` the service depends on has the same owner as the service, and ' +
      'none of them is also a dependency of a service with a different owner or in a different ' +
      'system (checked across the whole catalog).',
    howToComply: [
      "Give each service its own datastore `Resource`, owned by the service's team.",
      'When another service needs the data, let it consume an API of the owning service instead of `dependsOn: resource:...`.',
    ],
  },
  'continuous-delivery': {
    title: 'Continuous Delivery/Deployment',
    kind: 'Core concept',
    summary:
      'Every change goes through an automated pipeline from a source repository to production.',
    why:
      'Small, frequent, automated releases are what make independent services worth having. ' +
      'Without a pipeline and a known repository, nobody can tell how a service gets built or ' +
      'where a fix would go.',
    evidence:
      'The service carries a CI/CD annotation (GitHub, GitLab, Jenkins, CircleCI, Buildkite, ' +
      'Azure DevOps, Tekton...) and its source location points at a repository.',
    howToComply: [
      'Add the annotation of your CI system, e.g. `github.com/project-slug: org/repo`.',
      "Set `backstage.io/source-location: url:https://...` to the service's repository.",
    ],
  },
  devops: {
    title: 'DevOps Culture',
    kind: 'Core concept',
    summary:
      'A team, not a person, builds and runs the service, and someone is on call for it.',
    why:
      '"You build it, you run it" needs a team that outlives any one member and a way to reach ' +
      'that team when the service breaks. A service owned by a person is orphaned when they move ' +
      'on; a service without on-call is run by whoever notices first.',
    evidence:
      '`spec.owner` names an existing Group, and the service has an on-call annotation ' +
      '(PagerDuty, Opsgenie, Splunk On-Call, FireHydrant...).',
    howToComply: [
      "Set `spec.owner` to the owning team's Group, e.g. `group:orders-team`.",
      'Add an on-call annotation, e.g. `pagerduty.com/service-id` or `opsgenie.com/team`.',
    ],
  },
  'infrastructure-as-code': {
    title: 'Infrastructure as Code',
    kind: 'Core concept',
    summary:
      'The infrastructure a service runs on is declared in code and applied automatically.',
    why:
      'Infrastructure described in code can be reviewed, reproduced and rolled back like any ' +
      'other change. Hand-built servers drift, and the knowledge of how they were made leaves ' +
      'with the person who made them.',
    evidence:
      'The service carries a deployment or IaC annotation (Kubernetes, Argo CD, Terraform, Flux...).',
    howToComply: [
      'Add the annotation of your deployment tooling, e.g. `backstage.io/kubernetes-id`, `argocd/app-name` or `terraform.io/workspace`.',
    ],
  },
  scalability: {
    title: 'Scalability',
    kind: 'Benefit',
    summary:
      'A service is its own deployment unit, so it can be released and scaled without the others.',
    why:
      'Scaling one part of a system on demand only works when that part is deployed on its own. ' +
      'A service bundled into another component, or sharing a deployment with another service, ' +
      'has to be scaled and released together with it.',
    evidence:
      'The service is not a `subcomponentOf` another component, declares a `spec.lifecycle`, and ' +
      'shares its deployment id (`backstage.io/kubernetes-id`, `argocd/app-name`) with no other service.',
    howToComply: [
      'Give the service its own deployment id.',
      'Remove `subcomponentOf` if the service is really deployed on its own; otherwise it is not a separate service.',
      'Set `spec.lifecycle`.',
    ],
  },
  'fault-isolation': {
    title: 'Fault Isolation',
    kind: 'Benefit',
    summary:
      'A failure stays in the service that failed and the few services that use it.',
    why:
      'Services that depend on each other in a circle fail together and cannot be deployed or ' +
      'restarted in any safe order. A service that very many others depend on, directly or not, ' +
      "turns its own outage into everybody's.",
    evidence:
      'The service is on no cycle of the dependency graph, and the number of services that ' +
      'depend on it transitively stays under the configured bound.',
    howToComply: [
      'Break a dependency cycle: invert one call into an event, or move the shared part into a service both use.',
      'Reduce the blast radius of a widely used service: cache, degrade gracefully, or split it.',
    ],
  },
  'technology-diversity': {
    title: 'Technology Diversity',
    kind: 'Benefit',
    summary:
      'Each team picks the stack that fits its service, and says which one it picked.',
    why:
      'Freedom to choose a stack only pays off when others can see what was chosen: who to ask ' +
      'about a language, which services a security advisory affects. This check is informational ' +
      'and does not lower the score by default.',
    evidence:
      'The service has at least one `metadata.tags` entry naming its stack.',
    howToComply: [
      'Add tags for the language and main frameworks, e.g. `tags: [java, spring]`.',
    ],
  },
  'organizational-alignment': {
    title: 'Organizational Alignment',
    kind: 'Benefit',
    summary:
      "The team structure matches the architecture: a system's services belong to its team or its sub-teams.",
    why:
      'When the owner of a service sits outside the team that owns its system, decisions about ' +
      'that system need people who do not work together. Aligning ownership keeps the ' +
      'communication paths short.',
    evidence:
      "The service's owner is its System's owner, or a child group of it (through `spec.parent`).",
    howToComply: [
      'Move the service to the System its team owns, or hand it to the team (or a sub-team) that owns its System.',
    ],
  },
  observability: {
    title: 'Complexity: monitoring, logging and tracing',
    kind: 'Challenge',
    summary:
      'A distributed system is only operable when every service can be monitored, its logs searched and its requests traced.',
    why:
      'A request that crosses ten services fails in one of them; finding which takes metrics, ' +
      'logs and traces from all of them. A single service without them is a blind spot in ' +
      'every incident it takes part in.',
    evidence:
      'The service has a monitoring annotation (Prometheus, Grafana, Datadog...), a logging ' +
      'annotation (Loki, Kibana, Sentry...) and a tracing annotation (Jaeger, Tempo, Honeycomb...).',
    howToComply: [
      'Add one annotation of each kind, e.g. `grafana/dashboard-selector`, `grafana/loki-query`, `grafana/tempo-service`.',
    ],
  },
  'network-latency': {
    title: 'Network Latency',
    kind: 'Challenge',
    summary:
      'Services talk over declared, defined APIs, so every network hop is visible and designed.',
    why:
      'Every call between services costs latency and can fail. Calls through declared APIs can be ' +
      'found, measured and designed for (batching, caching, asynchronous messages); hidden ' +
      'service-to-service calls cannot.',
    evidence:
      'The service has no `dependsOn` straight to another service Component (it uses ' +
      '`consumesApis`), and every API it provides exists with a non-empty definition.',
    howToComply: [
      "Replace `dependsOn: component:<service>` with `consumesApis` on that service's API.",
      'Give every provided API a `spec.definition`.',
    ],
  },
  security: {
    title: 'Security',
    kind: 'Challenge',
    summary: 'Every API a service provides says how callers authenticate.',
    why:
      'More services mean more network entry points. An API definition that declares its ' +
      'authentication makes the expectation explicit for callers and reviewers; one that does not ' +
      'is, as far as anyone can tell, open.',
    evidence:
      "Each provided API's definition declares security schemes (OpenAPI " +
      '`components.securitySchemes` or `securityDefinitions`, AsyncAPI ' +
      '`components.securitySchemes`). Other API types cannot be checked and give a warning.',
    howToComply: [
      'Declare `components.securitySchemes` (and a `security` requirement) in each provided OpenAPI or AsyncAPI definition.',
    ],
  },
  'data-consistency': {
    title: 'Data Consistency',
    kind: 'Challenge',
    summary:
      'Data spread over services needs a deliberate consistency strategy: eventual consistency, sagas or compensation.',
    why:
      'Once each service owns its data, a business operation that touches several services can ' +
      'no longer rely on one database transaction. A service that publishes or consumes events, ' +
      'or writes to a datastore another service also uses, needs a deliberate strategy for ' +
      'keeping data consistent.',
    evidence:
      'Event APIs (`spec.type: asyncapi`) the service provides or consumes, datastores it shares ' +
      'with other services, and the annotation `microservices.backstage.io/consistency`. The ' +
      'check does not apply to a service with neither events nor shared datastores.',
    howToComply: [
      'Add `microservices.backstage.io/consistency: saga | outbox | eventual | transactional` to the metadata.annotations of a service on an event API or a shared datastore.',
      "Document the consistency strategy of operations that span services (in the service's docs or an ADR).",
    ],
  },
};

/** The explanation of a principle id, or undefined for an adopter's own principle. */
export function principleExplanation(
  id: string,
): PrincipleExplanation | undefined {
  const entry = (
    EXPLANATIONS as Record<string, Omit<PrincipleExplanation, 'id'>>
  )[id];
  return entry ? { id: id as PrincipleId, ...entry } : undefined;
}

/** Every documented principle, in the order of the principles document. */
export function allPrincipleExplanations(): PrincipleExplanation[] {
  return PRINCIPLE_IDS.map(id => ({ id, ...EXPLANATIONS[id] }));
}

/** A principle's title, or its id when it is an adopter's own one. */
export function principleTitle(id: string): string {
  return principleExplanation(id)?.title ?? id;
}

/** Sorts principle ids in the document's order, unknown ones after, alphabetically. */
export function comparePrinciples(a: string, b: string): number {
  const ia = (PRINCIPLE_IDS as readonly string[]).indexOf(a);
  const ib = (PRINCIPLE_IDS as readonly string[]).indexOf(b);
  if (ia === -1 && ib === -1) return a.localeCompare(b);
  if (ia === -1) return 1;
  if (ib === -1) return -1;
  return ia - ib;
}
