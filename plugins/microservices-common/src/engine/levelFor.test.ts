import { defaultEngineConfig } from './defaultEngineConfig';
import { levelFor } from './levelFor';

describe('levelFor', () => {
  it('gives the highest level reached, else the level below all', () => {
    expect(levelFor(90, defaultEngineConfig)).toBe('gold');
    expect(levelFor(89, defaultEngineConfig)).toBe('silver');
    expect(levelFor(50, defaultEngineConfig)).toBe('bronze');
    expect(levelFor(49, defaultEngineConfig)).toBe('none');
  });

  it('does not depend on the order of the levels', () => {
    const config = {
      levels: [
        { name: 'low', minScore: 10 },
        { name: 'high', minScore: 80 },
      ],
      levelBelowAll: '-',
    };
    expect(levelFor(85, config)).toBe('high');
    expect(levelFor(5, config)).toBe('-');
  });
});
