import { formatPassRate, passRateAxisMin } from './PrinciplePassRateChart';

describe('PrinciplePassRateChart', () => {
  it('starts the axis a round 10 points under the lowest rate, so differences show', () => {
    expect(passRateAxisMin([92, 95, 97])).toBe(80);
    expect(passRateAxisMin([50, 97])).toBe(40);
    expect(passRateAxisMin([5, 90])).toBe(0);
    expect(passRateAxisMin([])).toBe(0);
  });

  it('says a pass rate in words', () => {
    expect(formatPassRate(0.956)).toBe('96%');
    expect(formatPassRate(null)).toBe('no applicable check');
  });
});
