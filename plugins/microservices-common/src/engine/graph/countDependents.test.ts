import { countDependents } from './countDependents';
import { stronglyConnectedComponents } from './stronglyConnectedComponents';

function bruteForce(adjacency: number[][], marked: Uint8Array): number[] {
  return adjacency.map(
    (_, target) =>
      adjacency.filter((__, source) => {
        if (source === target || !marked[source]) return false;
        const seen = new Set([source]);
        const queue = [source];
        while (queue.length) {
          for (const next of adjacency[queue.pop()!]) {
            if (next === target) return true;
            if (!seen.has(next)) {
              seen.add(next);
              queue.push(next);
            }
          }
        }
        return false;
      }).length,
  );
}

describe('countDependents', () => {
  it('matches a brute-force count on random graphs, across bitset batches', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const size of [1, 5, 40, 300]) {
      const adjacency = Array.from({ length: size }, (_, node) =>
        Array.from({ length: Math.floor(random() * 3) }, () =>
          Math.floor(random() * size),
        ).filter(target => target !== node),
      );
      const marked = Uint8Array.from({ length: size }, () =>
        random() < 0.7 ? 1 : 0,
      );
      const components = stronglyConnectedComponents(adjacency);
      const expected = bruteForce(adjacency, marked);
      expect([...countDependents(adjacency, components, marked)]).toEqual(
        expected,
      );
      // A one-word table forces batches of 32 marked nodes.
      expect([...countDependents(adjacency, components, marked, 1)]).toEqual(
        expected,
      );
    }
  });
});
