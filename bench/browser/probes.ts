// In-page probes for the browser benchmark, installed with page.addInitScript before the app loads.
// Self-contained (serialised into the page): no imports, no closures over module scope.

export type ProbeResults = {
  /** performance.now() when the first canvas node was in the DOM. */
  canvasAt: number | null;
  /** Each change of the number of canvas nodes in the DOM, with when it happened (performance.now()). */
  nodeCounts: { count: number; at: number }[];
  longTasks: { start: number; duration: number }[];
  /** Renders of canvas node components, by node id, since the last reset. */
  nodeRenders: Record<string, number>;
  commits: number;
};

declare global {
  interface Window {
    __bench: ProbeResults & { reset(): void };
  }
}

/**
 * Installs: a MutationObserver noting when the first `.react-flow__node` appears; a long-task
 * observer; and a stand-in for React's DevTools hook that counts, on every commit, the canvas node
 * components that actually ran. The hook works in production builds: React reports each commit to
 * it. A node component ran in a commit when its fiber was replaced (React alternates two fiber
 * objects per component it works on) and carries the PerformedWork flag (1).
 */
export function installProbes(): void {
  const state = { canvasAt: null as number | null, nodeCounts: [] as { count: number; at: number }[], longTasks: [] as { start: number; duration: number }[], nodeRenders: {} as Record<string, number>, commits: 0 };
  const lastFiber = new Map<string, unknown>();
  const NODE_TYPES = new Set(['listener', 'route', 'cluster']);
  type Fiber = { tag: number; flags: number; memoizedProps: Record<string, unknown> | null; child: Fiber | null; sibling: Fiber | null; stateNode: unknown };

  // The walk goes into a DOM element's subtree only on the way to the canvas's nodes: the whole
  // tree of a 2,300-rule design (its outline alone has ~5,700 elements) took the probe ~10 ms a
  // commit, which showed up in the long tasks it counts while dragging.
  const HOST_COMPONENT = 5;
  let nodes: Element | null = null;
  const onTheWay = (element: Element) => !nodes || element.contains(nodes) || nodes.contains(element);
  const countRenders = (root: { current: Fiber }) => {
    state.commits += 1;
    nodes = document.querySelector('.react-flow__nodes');
    const stack: Fiber[] = [root.current];
    while (stack.length > 0) {
      const fiber = stack.pop()!;
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.tag === HOST_COMPONENT && fiber.stateNode instanceof Element && !onTheWay(fiber.stateNode)) continue;
      const props = fiber.memoizedProps;
      // Function (0) and simple memo (15) components given React Flow's node props.
      if ((fiber.tag === 0 || fiber.tag === 15) && props && 'positionAbsoluteX' in props && NODE_TYPES.has(props.type as string)) {
        const id = String(props.id);
        if (lastFiber.get(id) !== fiber && (fiber.flags & 1) === 1) state.nodeRenders[id] = (state.nodeRenders[id] ?? 0) + 1;
        lastFiber.set(id, fiber);
      }
      if (fiber.child) stack.push(fiber.child);
    }
  };

  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => countRenders(root),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
  };

  // A live collection: reading its length on every batch of mutations costs nothing.
  const canvasNodes = document.getElementsByClassName('react-flow__node');
  new MutationObserver(() => {
    const count = canvasNodes.length;
    if (count === (state.nodeCounts.at(-1)?.count ?? 0)) return;
    state.nodeCounts.push({ count, at: performance.now() });
    state.canvasAt ??= performance.now();
  }).observe(document, { childList: true, subtree: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  window.__bench = Object.assign(state, {
    reset() {
      state.longTasks = [];
      state.nodeRenders = {};
      state.commits = 0;
    },
  });
}
