import { toCheckResultJson } from './toCheckResultJson';
import type { CheckResult } from './types';

describe('toCheckResultJson', () => {
  it('writes the contract fields in contract order, optional ones only when present', () => {
    const exempt = {
      related: ['component:default/payments'],
      exemption: {
        reason: 'migrating',
        expires: '2027-01-31',
        source: 'annotation',
      },
      weight: 3,
      remediation: 'Break the cycle.',
      message: 'Is on a dependency cycle.',
      status: 'exempt',
      principle: 'fault-isolation',
      id: 'fault-isolation.no-dependency-cycle',
      extra: 'not part of the contract',
    } as CheckResult;
    expect(JSON.stringify(toCheckResultJson(exempt))).toBe(
      '{"id":"fault-isolation.no-dependency-cycle","principle":"fault-isolation","status":"exempt","message":"Is on a dependency cycle.","remediation":"Break the cycle.","weight":3,"exemption":{"reason":"migrating","expires":"2027-01-31","source":"annotation"},"related":["component:default/payments"]}',
    );
    const passing: CheckResult = {
      id: 'devops.on-call',
      principle: 'devops',
      status: 'pass',
      message: 'Has an on-call rotation.',
      remediation: '',
      weight: 1,
    };
    expect(Object.keys(toCheckResultJson(passing))).toEqual([
      'id',
      'principle',
      'status',
      'message',
      'remediation',
      'weight',
    ]);
  });
});
