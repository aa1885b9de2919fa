/**
 * Ordering of the states of a Markov graph for Gauss–Seidel sweeps: Tarjan's strongly connected
 * components in topological order, the states of each cyclic component ordered so that little
 * transition weight points backward.
 *
 * @internal
 * @packageDocumentation
 */

/** A sweep order and where its cyclic part begins and ends. @internal */
export interface SweepOrder {
  /** `states[i]` is the state at position i. */
  readonly states: Int32Array;
  /** `position[s]` is the position of state s. */
  readonly position: Int32Array;
  /**
   * First and one past the last position of a state on a cycle (in a strongly connected component
   * of several states, or with a self-loop); `firstCyclic = lastCyclic = n` without cycles.
   */
  readonly firstCyclic: number;
  readonly lastCyclic: number;
}

/** The same graph by target: sources of each target ascending, with the edge weights. @internal */
export interface InEdges {
  readonly offsets: Int32Array;
  readonly sources: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Strongly connected components of the CSR graph `offsets`/`targets` (edge weights `weights`) in
 * topological order (Tarjan's algorithm, depth-first from state 0, then from any unvisited state);
 * the states of a component of several states ordered by {@link FeedbackOrdering}. Every edge between two
 * components points forward, so states before `firstCyclic` (at or after `lastCyclic`) are exact
 * after one forward (backward) sweep; inside a component most transition weight also points
 * forward, which is what makes Gauss–Seidel converge in few sweeps. `inEdges`, when the caller has
 * them, saves building them.
 *
 * @internal
 */
export function sweepOrder(
  offsets: Int32Array,
  targets: Int32Array,
  weights: Float64Array,
  inEdges?: InEdges,
): SweepOrder {
  const n = offsets.length - 1;
  // Iterative Tarjan: `index` doubles as the visited mark, `next` is each frame's edge cursor.
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const next = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const cyclic = new Uint8Array(n);
  const component = new Int32Array(n);
  const componentSize: number[] = [];
  const tarjanStack = new Int32Array(n);
  const callStack = new Int32Array(n);
  let tarjanTop = 0;
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    let depth = 0;
    callStack[depth++] = root;
    index[root] = low[root] = counter++;
    next[root] = offsets[root]!;
    tarjanStack[tarjanTop++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      const e = next[v]!;
      if (e < offsets[v + 1]!) {
        next[v] = e + 1;
        const w = targets[e]!;
        if (w === v) cyclic[v] = 1;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          next[w] = offsets[w]!;
          tarjanStack[tarjanTop++] = w;
          onStack[w] = 1;
          callStack[depth++] = w;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const u = callStack[depth - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
      if (low[v] === index[v]) {
        // v roots a component: pop it; several states form a cycle.
        const size = tarjanTop - tarjanStack.lastIndexOf(v, tarjanTop - 1);
        for (let k = 0; k < size; k++) {
          const w = tarjanStack[--tarjanTop]!;
          onStack[w] = 0;
          component[w] = componentSize.length;
          if (size > 1) cyclic[w] = 1;
        }
        componentSize.push(size);
      }
    }
  }
  // Components in topological order (Tarjan completes them in reverse), each contiguous: the states
  // after the last cycle then need a single pass.
  const componentCount = componentSize.length;
  const start = new Int32Array(componentCount + 1);
  for (let k = componentCount - 1; k >= 0; k--) start[k] = start[k + 1]! + componentSize[k + 1]!;
  const states = new Int32Array(n);
  const fill = start.slice();
  for (let s = 0; s < n; s++) states[fill[component[s]!]!++] = s;
  let ordering: FeedbackOrdering | undefined;
  for (let k = 0; k < componentCount; k++) {
    if (componentSize[k]! === 1) continue;
    // Tarjan's arrays are free now: they become the ordering's scratch.
    ordering ??= new FeedbackOrdering(
      offsets,
      targets,
      weights,
      inEdges ?? inEdgesOf(offsets, targets, weights),
      component,
      onStack,
      index,
      low,
      next,
      tarjanStack,
    );
    ordering.order(states.subarray(start[k]!, start[k]! + componentSize[k]!));
  }
  const position = new Int32Array(n);
  let firstCyclic = n;
  let lastCyclic = 0;
  for (let i = 0; i < n; i++) {
    const s = states[i]!;
    position[s] = i;
    if (cyclic[s] === 1) {
      if (i < firstCyclic) firstCyclic = i;
      lastCyclic = i + 1;
    }
  }
  if (firstCyclic === n) lastCyclic = n;
  return { states, position, firstCyclic, lastCyclic };
}

/** The in-edges of a CSR graph (sources ascending). */
function inEdgesOf(offsets: Int32Array, targets: Int32Array, weights: Float64Array): InEdges {
  const n = offsets.length - 1;
  const m = targets.length;
  const inOffsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) inOffsets[targets[e]! + 1]!++;
  for (let s = 0; s < n; s++) inOffsets[s + 1] = inOffsets[s + 1]! + inOffsets[s]!;
  const fill = inOffsets.slice(0, n);
  const sources = new Int32Array(m);
  const inWeights = new Float64Array(m);
  for (let s = 0; s < n; s++) {
    for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
      const at = fill[targets[e]!]!++;
      sources[at] = s;
      inWeights[at] = weights[e]!;
    }
  }
  return { offsets: inOffsets, sources, weights: inWeights };
}

/**
 * Orders the states of one strongly connected component so that little transition weight points
 * backward (the Gauss–Seidel error shrinks with the backward mass): the greedy heuristic of Eades,
 * Lin and Smyth (1993) with weights. Repeatedly, sinks go to the back, sources to the front, and
 * otherwise the state with the largest out-weight minus in-weight (within the component, among the
 * remaining states; ties to the smaller state) goes to the front. The candidates sit in an indexed
 * max-heap whose keys are updated in place, so it never holds more than the component.
 *
 * @reference Eades, Peter, Xuemin Lin, and W. F. Smyth. 1993. "A Fast and Effective Heuristic for the
 * Feedback Arc Set Problem." _Information Processing Letters_ 47 (6): 319–323.
 * doi:10.1016/0020-0190(93)90079-O
 */
class FeedbackOrdering {
  private readonly inOffsets: Int32Array;
  private readonly inSource: Int32Array;
  private readonly inWeight: Float64Array;
  private readonly outW: Float64Array;
  private readonly inW: Float64Array;
  private readonly queue: Int32Array;
  /** States in heap order, and each state's index in `heap` (−1 when not in it). */
  private readonly heap: Int32Array;
  private readonly slot: Int32Array;
  private heapSize = 0;

  /** `removed`, `outDegree`, `inDegree`, `heap` and `slot` are scratch arrays of the state count. */
  constructor(
    private readonly offsets: Int32Array,
    private readonly targets: Int32Array,
    private readonly weights: Float64Array,
    inEdges: InEdges,
    private readonly component: Int32Array,
    private readonly removed: Uint8Array,
    private readonly outDegree: Int32Array,
    private readonly inDegree: Int32Array,
    heap: Int32Array,
    slot: Int32Array,
  ) {
    const n = offsets.length - 1;
    this.inOffsets = inEdges.offsets;
    this.inSource = inEdges.sources;
    this.inWeight = inEdges.weights;
    this.outW = new Float64Array(n);
    this.inW = new Float64Array(n);
    removed.fill(0);
    outDegree.fill(0);
    inDegree.fill(0);
    this.heap = heap;
    this.slot = slot.fill(-1);
    this.queue = new Int32Array(2 * n); // a state is queued at most twice (as source, as sink)
  }

  /** Reorders `members` (one component) in place. */
  order(members: Int32Array): void {
    const { offsets, targets, weights, component, inOffsets, inSource, inWeight } = this;
    const { outW, inW, outDegree, inDegree, removed, queue } = this;
    const k = component[members[0]!]!;
    for (const s of members) {
      for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
        const t = targets[e]!;
        if (t === s || component[t] !== k) continue;
        outW[s] = outW[s]! + weights[e]!;
        outDegree[s]!++;
        inW[t] = inW[t]! + weights[e]!;
        inDegree[t]!++;
      }
    }
    this.heapSize = 0;
    for (const s of members) this.insert(s);
    const result = new Int32Array(members.length);
    let front = 0;
    let back = members.length;
    // `queue` holds states that became sinks or sources; each is placed when taken.
    let head = 0;
    let tail = 0;
    const take = (s: number, atFront: boolean): void => {
      removed[s] = 1;
      this.remove(s);
      if (atFront) result[front++] = s;
      else result[--back] = s;
      for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
        const t = targets[e]!;
        if (removed[t] === 1 || component[t] !== k) continue;
        inW[t] = inW[t]! - weights[e]!;
        if (--inDegree[t]! === 0) queue[tail++] = t;
        this.update(t);
      }
      for (let e = inOffsets[s]!; e < inOffsets[s + 1]!; e++) {
        const t = inSource[e]!;
        if (removed[t] === 1 || component[t] !== k) continue;
        outW[t] = outW[t]! - inWeight[e]!;
        if (--outDegree[t]! === 0) queue[tail++] = t;
        this.update(t);
      }
    };
    while (front < back) {
      while (head < tail) {
        const s = queue[head++]!;
        if (removed[s] === 1) continue;
        take(s, inDegree[s] === 0); // a source goes to the front, a sink to the back
      }
      if (front === back) break;
      take(this.heap[0]!, true);
    }
    for (const s of members) {
      removed[s] = 0;
      outW[s] = 0;
      inW[s] = 0;
      outDegree[s] = 0;
      inDegree[s] = 0;
    }
    members.set(result);
  }

  /** Whether state a goes before state b: larger out-weight minus in-weight, then smaller id. */
  private before(a: number, b: number): boolean {
    const ka = this.outW[a]! - this.inW[a]!;
    const kb = this.outW[b]! - this.inW[b]!;
    return ka > kb || (ka === kb && a < b);
  }

  private insert(s: number): void {
    const i = this.heapSize++;
    this.heap[i] = s;
    this.slot[s] = i;
    this.siftUp(i);
  }

  private remove(s: number): void {
    const i = this.slot[s]!;
    this.slot[s] = -1;
    const last = this.heap[--this.heapSize]!;
    if (i === this.heapSize) return;
    this.heap[i] = last;
    this.slot[last] = i;
    this.siftDown(this.siftUp(i));
  }

  /** Restores the heap after the key of s changed. */
  private update(s: number): void {
    const i = this.slot[s]!;
    if (i >= 0) this.siftDown(this.siftUp(i));
  }

  /** Moves the state at i up while it goes before its parent; returns where it ends. */
  private siftUp(i: number): number {
    const { heap, slot } = this;
    const s = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.before(s, p)) break;
      heap[i] = p;
      slot[p] = i;
      i = parent;
    }
    heap[i] = s;
    slot[s] = i;
    return i;
  }

  private siftDown(i: number): void {
    const { heap, slot } = this;
    const size = this.heapSize;
    const s = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(heap[child + 1]!, heap[child]!)) child++;
      const c = heap[child]!;
      if (!this.before(c, s)) break;
      heap[i] = c;
      slot[c] = i;
      i = child;
    }
    heap[i] = s;
    slot[s] = i;
  }
}
