import { stronglyConnectedComponents } from './stronglyConnectedComponents';

describe('stronglyConnectedComponents', () => {
  it('lists components with dependencies before dependents', () => {
    // 0 → 1 → 2 → 1, 2 → 3
    const components = stronglyConnectedComponents([[1], [2], [1, 3], []]);
    expect(components.map(c => [...c].sort())).toEqual([[3], [1, 2], [0]]);
  });

  it('survives a 200,000-deep path', () => {
    const length = 200_000;
    const adjacency = Array.from({ length }, (_, i) =>
      i + 1 < length ? [i + 1] : [],
    );
    expect(stronglyConnectedComponents(adjacency)).toHaveLength(length);
  });
});
