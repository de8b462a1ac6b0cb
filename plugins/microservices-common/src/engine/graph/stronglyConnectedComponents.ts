/**
 * Tarjan's strongly connected components, written with an explicit stack so
 * that a 100,000-deep dependency chain cannot overflow the call stack.
 * O(V + E) time and memory.
 *
 * `adjacency[u]` lists the nodes u has an edge to. Components come out in
 * Tarjan's order: every edge leaves a component for itself or for a component
 * listed earlier (dependencies before their dependents).
 */
export function stronglyConnectedComponents(
  adjacency: readonly (readonly number[])[],
): number[][] {
  const count = adjacency.length;
  const indexOf = new Int32Array(count).fill(-1);
  const lowLink = new Int32Array(count);
  const nextEdge = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const componentStack: number[] = [];
  const callStack: number[] = [];
  const components: number[][] = [];
  let nextIndex = 0;

  const visit = (node: number) => {
    indexOf[node] = nextIndex;
    lowLink[node] = nextIndex;
    nextIndex++;
    componentStack.push(node);
    onStack[node] = 1;
    callStack.push(node);
  };

  for (let root = 0; root < count; root++) {
    if (indexOf[root] !== -1) {
      continue;
    }
    visit(root);
    while (callStack.length > 0) {
      const node = callStack[callStack.length - 1];
      const edges = adjacency[node];
      if (nextEdge[node] < edges.length) {
        const target = edges[nextEdge[node]++];
        if (indexOf[target] === -1) {
          visit(target);
        } else if (onStack[target]) {
          lowLink[node] = Math.min(lowLink[node], indexOf[target]);
        }
        continue;
      }
      callStack.pop();
      if (callStack.length > 0) {
        const caller = callStack[callStack.length - 1];
        lowLink[caller] = Math.min(lowLink[caller], lowLink[node]);
      }
      if (lowLink[node] === indexOf[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = componentStack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
