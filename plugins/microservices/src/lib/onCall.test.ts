import { describeOpsgenieSelector, onCallContacts } from './onCall';

describe('onCallContacts', () => {
  it('words each contact for a person, never showing an integration key', () => {
    expect(
      onCallContacts(
        {
          'pagerduty.com/integration-key': 'secret-key-123',
          'opsgenie.com/team': 'orders',
          'backstage.io/source-location': 'url:https://example.com',
        },
        'order-service',
      ),
    ).toEqual([
      {
        annotation: 'pagerduty.com/integration-key',
        provider: 'PagerDuty',
        text: 'alerts routed by an integration key',
      },
      {
        annotation: 'opsgenie.com/team',
        provider: 'Opsgenie',
        text: 'team orders',
        detail: 'orders',
      },
    ]);
  });

  it('names a PagerDuty service after the service, and links it only when the account is known', () => {
    const [unlinked] = onCallContacts(
      { 'pagerduty.com/service-id': 'P022A2E' },
      'storefront-bff',
    );
    expect(unlinked).toMatchObject({
      text: 'service of storefront-bff',
      href: undefined,
      detail: 'PagerDuty service id P022A2E',
    });
    const [linked] = onCallContacts(
      {
        'pagerduty.com/service-id': 'P022A2E',
        'pagerduty.com/account': 'kestrel',
      },
      'storefront-bff',
    );
    expect(linked.href).toBe(
      'https://kestrel.pagerduty.com/service-directory/P022A2E',
    );
  });

  it('reads an Opsgenie selector as words, and leaves it out when a team is declared', () => {
    expect(
      describeOpsgenieSelector('detailsPair(service:campaign-service)'),
    ).toBe('alerts with service campaign-service');
    expect(describeOpsgenieSelector('tag:"payments"')).toBe(
      'alerts tagged payments',
    );
    expect(describeOpsgenieSelector('something(else)')).toBe(
      'alerts matching a component selector',
    );
    expect(
      onCallContacts({
        'opsgenie.com/component-selector':
          'detailsPair(service:campaign-service)',
        'opsgenie.com/team': 'engagement-team',
      }).map(c => c.text),
    ).toEqual(['team engagement-team']);
  });

  it('links a free-text on-call value that is a URL', () => {
    expect(
      onCallContacts({
        'microservices.backstage.io/on-call':
          'https://oncall.example.com/orders',
      })[0],
    ).toMatchObject({
      text: 'https://oncall.example.com/orders',
      href: 'https://oncall.example.com/orders',
    });
  });

  it('gives nothing without annotations or with blank values', () => {
    expect(onCallContacts(undefined)).toEqual([]);
    expect(onCallContacts({ 'opsgenie.com/team': '  ' })).toEqual([]);
  });
});
