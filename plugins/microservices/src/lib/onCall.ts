import { defaultEngineConfig } from '@microservices-backstage/plugin-microservices-common';

/** One way to reach whoever is on call for a service, read from its annotations. */
export interface OnCallContact {
  annotation: string;
  provider: string;
  /** What a person reads: a service or team name, never a secret or a raw selector. */
  text: string;
  /** The provider's page for it, when the provider has one and the account is known. */
  href?: string;
  /** The raw value, for a tooltip (absent for secrets). */
  detail?: string;
}

/** What the contacts are worded with besides the annotation's value. */
export interface OnCallContext {
  /** The service's display name (title or name). */
  serviceName: string;
  /** All of the entity's annotations (for account annotations such as `pagerduty.com/account`). */
  annotations: Record<string, string>;
}

const isUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

/**
 * An Opsgenie component selector as words: `detailsPair(service:orders)` is "alerts with
 * service orders", `tag:"orders"` is "alerts tagged orders"; anything else is "alerts matching a
 * selector".
 */
export function describeOpsgenieSelector(selector: string): string {
  const pair = /^detailsPair\(\s*([^:()]+?)\s*:\s*([^()]+?)\s*\)$/i.exec(
    selector,
  );
  if (pair) return `alerts with ${pair[1]} ${pair[2]}`;
  const tag = /^tag\s*:\s*"?([^"]+?)"?$/i.exec(selector);
  if (tag) return `alerts tagged ${tag[1]}`;
  return 'alerts matching a component selector';
}

const PROVIDERS: Record<
  string,
  {
    provider: string;
    describe: (
      value: string,
      context: OnCallContext,
    ) => Omit<OnCallContact, 'annotation' | 'provider'>;
  }
> = {
  'pagerduty.com/integration-key': {
    provider: 'PagerDuty',
    // An integration key lets anyone trigger incidents: never show it.
    describe: () => ({ text: 'alerts routed by an integration key' }),
  },
  'pagerduty.com/service-id': {
    provider: 'PagerDuty',
    describe: (value, { serviceName, annotations }) => {
      // The service directory is per account (subdomain): link only when the entity names it.
      const account = annotations['pagerduty.com/account']?.trim();
      const subdomain = account?.replace(/\.pagerduty\.com$/i, '');
      return {
        text: `service of ${serviceName}`,
        href:
          subdomain && /^[a-z0-9-]+$/i.test(subdomain)
            ? `https://${subdomain}.pagerduty.com/service-directory/${encodeURIComponent(
                value,
              )}`
            : undefined,
        detail: `PagerDuty service id ${value}`,
      };
    },
  },
  'opsgenie.com/team': {
    provider: 'Opsgenie',
    describe: value => ({ text: `team ${value}`, detail: value }),
  },
  'opsgenie.com/component-selector': {
    provider: 'Opsgenie',
    describe: value => ({
      text: describeOpsgenieSelector(value),
      detail: value,
    }),
  },
  'splunk.com/on-call-routing-key': {
    provider: 'Splunk On-Call',
    describe: value => ({ text: `routing key ${value}`, detail: value }),
  },
  'firehydrant.com/service-name': {
    provider: 'FireHydrant',
    describe: value => ({ text: `service ${value}`, detail: value }),
  },
  'microservices.backstage.io/on-call': {
    provider: 'On call',
    describe: value =>
      isUrl(value) ? { text: value, href: value } : { text: value },
  },
};

/** The on-call annotations the default configuration knows, in its order. */
export const ON_CALL_ANNOTATIONS: readonly string[] =
  defaultEngineConfig.annotations.onCall;

/**
 * The on-call contacts declared on an entity, from the default `onCall` annotation list, in
 * words a person reads. An Opsgenie component selector is left out when an Opsgenie team is
 * declared too (the team says who is on call).
 */
export function onCallContacts(
  annotations: Record<string, string> | undefined,
  serviceName = 'this service',
): OnCallContact[] {
  if (!annotations) return [];
  const context: OnCallContext = { serviceName, annotations };
  const hasOpsgenieTeam = !!annotations['opsgenie.com/team']?.trim();
  return ON_CALL_ANNOTATIONS.flatMap(annotation => {
    const value = annotations[annotation]?.trim();
    if (!value) return [];
    if (annotation === 'opsgenie.com/component-selector' && hasOpsgenieTeam)
      return [];
    const known = PROVIDERS[annotation];
    if (!known) {
      return [
        {
          annotation,
          provider: annotation.split('/')[0],
          ...(isUrl(value) ? { text: value, href: value } : { text: value }),
        },
      ];
    }
    return [
      {
        annotation,
        provider: known.provider,
        ...known.describe(value, context),
      },
    ];
  });
}
