import { defaultEngineConfig } from '@microservices-backstage/plugin-microservices-common';

/** One way to reach whoever is on call for a service, read from its annotations. */
export interface OnCallContact {
  annotation: string;
  provider: string;
  /** What to show: the value, or a description when the value is a secret. */
  description: string;
}

const PROVIDERS: Record<
  string,
  { provider: string; describe: (value: string) => string }
> = {
  'pagerduty.com/integration-key': {
    provider: 'PagerDuty',
    // An integration key lets anyone trigger incidents: never show it.
    describe: () => 'integration key configured',
  },
  'pagerduty.com/service-id': {
    provider: 'PagerDuty',
    describe: v => `service ${v}`,
  },
  'opsgenie.com/team': { provider: 'Opsgenie', describe: v => `team ${v}` },
  'opsgenie.com/component-selector': {
    provider: 'Opsgenie',
    describe: v => `components matching ${v}`,
  },
  'splunk.com/on-call-routing-key': {
    provider: 'Splunk On-Call',
    describe: v => `routing key ${v}`,
  },
  'firehydrant.com/service-name': {
    provider: 'FireHydrant',
    describe: v => `service ${v}`,
  },
  'microservices.backstage.io/on-call': {
    provider: 'On-call',
    describe: v => v,
  },
};

/** The on-call annotations the default configuration knows, in its order. */
export const ON_CALL_ANNOTATIONS: readonly string[] =
  defaultEngineConfig.annotations.onCall;

/** The on-call contacts declared on an entity, from the default `onCall` annotation list. */
export function onCallContacts(
  annotations: Record<string, string> | undefined,
): OnCallContact[] {
  if (!annotations) return [];
  return ON_CALL_ANNOTATIONS.flatMap(annotation => {
    const value = annotations[annotation]?.trim();
    if (!value) return [];
    const known = PROVIDERS[annotation];
    return [
      {
        annotation,
        provider: known?.provider ?? annotation.split('/')[0],
        description: known ? known.describe(value) : value,
      },
    ];
  });
}
