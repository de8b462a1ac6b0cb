import { scoreChecks } from './scoreChecks';
import type { CheckResult, CheckStatus } from './types';

const result = (status: CheckStatus, weight: number): CheckResult => ({
  id: `check-${status}-${weight}`,
  principle: 'decomposition',
  status,
  message: '',
  remediation: '',
  weight,
});

describe('scoreChecks', () => {
  it('counts pass fully, warn half, fail and error not at all', () => {
    expect(
      scoreChecks([
        result('pass', 3),
        result('warn', 2),
        result('fail', 1),
        result('error', 2),
      ]),
    ).toBe(50);
    expect(scoreChecks([result('pass', 1), result('fail', 2)])).toBe(33);
    expect(scoreChecks([result('pass', 2), result('warn', 1)])).toBe(83);
  });

  it('leaves not-applicable and exempt checks out, and gives 100 when nothing weighted applies', () => {
    expect(
      scoreChecks([
        result('pass', 1),
        result('exempt', 5),
        result('not-applicable', 5),
      ]),
    ).toBe(100);
    expect(scoreChecks([result('fail', 0), result('not-applicable', 3)])).toBe(
      100,
    );
    expect(scoreChecks([])).toBe(100);
  });
});
