import { onCallContacts } from './onCall';

describe('onCallContacts', () => {
  it('reads the on-call annotations, never showing an integration key', () => {
    expect(
      onCallContacts({
        'pagerduty.com/integration-key': 'secret-key-123',
        'opsgenie.com/team': 'orders',
        'backstage.io/source-location': 'url:https://example.com',
      }),
    ).toEqual([
      {
        annotation: 'pagerduty.com/integration-key',
        provider: 'PagerDuty',
        description: 'integration key configured',
      },
      {
        annotation: 'opsgenie.com/team',
        provider: 'Opsgenie',
        description: 'team orders',
      },
    ]);
  });

  it('gives nothing without annotations or with blank values', () => {
    expect(onCallContacts(undefined)).toEqual([]);
    expect(onCallContacts({ 'opsgenie.com/team': '  ' })).toEqual([]);
  });
});
