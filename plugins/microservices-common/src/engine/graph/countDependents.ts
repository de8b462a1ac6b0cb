/** Upper bound of the bitset table, in 32-bit words (16 MB). */
const MAX_TABLE_WORDS = 1 << 22;

function popCount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * For every node, how many distinct marked nodes (services) can reach it
 * through the edges: its transitive dependents, itself excluded.
 *
 * Works on the condensation given by `components` (in Tarjan's order, see
 * stronglyConnectedComponents): walking components from dependents to
 * dependencies, each pushes the bitset of marked nodes that reach it, plus
 * its own marked nodes, to the components it depends on. The marked nodes
 * are processed 32 × `words` at a time to bound memory, so the cost is
 * O((V + E) · ⌈S / 32⌉) word operations for V nodes, E edges and S marked
 * nodes, with at most 16 MB of bitsets; components that no marked node of
 * the current batch reaches are skipped. 10,000 services over a 50,000-edge
 * graph take well under a second.
 */
export function countDependents(
  adjacency: readonly (readonly number[])[],
  components: readonly (readonly number[])[],
  marked: Uint8Array,
  maxTableWords = MAX_TABLE_WORDS,
): Int32Array {
  const nodeCount = adjacency.length;
  const componentCount = components.length;
  const componentOf = new Int32Array(nodeCount);
  const markedIn = new Int32Array(componentCount);
  const firstMarkedOf = new Int32Array(componentCount);
  // Marked nodes grouped by component, dependents' components first.
  const markedNodes: number[] = [];
  for (let component = componentCount - 1; component >= 0; component--) {
    firstMarkedOf[component] = markedNodes.length;
    for (const node of components[component]) {
      componentOf[node] = component;
      if (marked[node]) {
        markedNodes.push(node);
        markedIn[component]++;
      }
    }
  }

  // The other marked members of a node's own cycle all reach it.
  const counts = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    counts[node] = markedIn[componentOf[node]] - (marked[node] ? 1 : 0);
  }
  if (markedNodes.length === 0) {
    return counts;
  }

  const words = Math.max(
    1,
    Math.min(
      Math.ceil(markedNodes.length / 32),
      Math.floor(maxTableWords / componentCount),
    ),
  );
  const batchSize = words * 32;
  const reachedBy = new Int32Array(componentCount * words);
  // Whether a component's bitset got anything this batch: most never do, and need not be read.
  const touched = new Uint8Array(componentCount);
  const outgoing = new Int32Array(words);

  for (let start = 0; start < markedNodes.length; start += batchSize) {
    const end = Math.min(markedNodes.length, start + batchSize);
    reachedBy.fill(0);
    touched.fill(0);
    // Components before the batch's first one in this walk hold none of
    // its nodes, and edges only lead down the walk: skip them.
    for (
      let component = componentOf[markedNodes[start]];
      component >= 0;
      component--
    ) {
      const ownFrom = Math.max(start, firstMarkedOf[component]);
      const ownTo = Math.min(
        end,
        firstMarkedOf[component] + markedIn[component],
      );
      if (!touched[component] && ownFrom >= ownTo) {
        continue; // nothing of this batch reaches it
      }
      const offset = component * words;
      let reachedCount = 0;
      let any = false;
      for (let word = 0; word < words; word++) {
        const value = touched[component] ? reachedBy[offset + word] : 0;
        outgoing[word] = value;
        if (value !== 0) {
          reachedCount += popCount(value);
          any = true;
        }
      }
      for (let position = ownFrom; position < ownTo; position++) {
        const bit = position - start;
        outgoing[bit >>> 5] |= 1 << (bit & 31);
        any = true;
      }
      if (!any) {
        continue;
      }
      for (const node of components[component]) {
        counts[node] += reachedCount;
        for (const target of adjacency[node]) {
          const targetComponent = componentOf[target];
          if (targetComponent !== component) {
            touched[targetComponent] = 1;
            const targetOffset = targetComponent * words;
            for (let word = 0; word < words; word++) {
              reachedBy[targetOffset + word] |= outgoing[word];
            }
          }
        }
      }
    }
  }
  return counts;
}
