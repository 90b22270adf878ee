// Design edits the inspector needs beyond operations.ts: renaming the design and switching the
// kind of a rule's action. Pure, like every operation: design in, new design out.
import { forwardAction, weightedAction } from './defaults';
import type { Design, RuleAction } from './schema';

export type ActionKind = RuleAction['kind'];

export function setDesignName(design: Design, name: string): Design {
  return design.name === name ? design : { ...design, name };
}

type ForwardOptions = Omit<Extract<RuleAction, { kind: 'cluster' }>, 'kind' | 'clusterId'>;

function forwardOptionsOf(action: RuleAction): ForwardOptions | null {
  if (action.kind !== 'cluster' && action.kind !== 'weighted') return null;
  const { timeout, prefixRewrite, hostRewrite, retry, websocket } = action;
  return { timeout, prefixRewrite, hostRewrite, retry, websocket };
}

/** The clusters an action forwards to, heaviest first. */
function targetsByWeight(action: RuleAction): string[] {
  if (action.kind === 'cluster') return action.clusterId ? [action.clusterId] : [];
  if (action.kind !== 'weighted') return [];
  return [...action.clusters].sort((a, b) => b.weight - a.weight).map((c) => c.clusterId);
}

/**
 * A sensible action of `kind` built from `action`. Forward options (timeout, rewrites, retry,
 * websocket) survive a switch between forward and weighted; the clusters carry over too:
 * forward → split keeps the cluster and adds another one (50/50) when the design has one,
 * split → forward keeps the heaviest cluster. A redirect defaults to HTTPS, a direct response to 200.
 */
export function actionOfKind(design: Design, action: RuleAction, kind: ActionKind): RuleAction {
  if (action.kind === kind) return action;
  const options = forwardOptionsOf(action);
  const targets = targetsByWeight(action).filter((id) => design.clusters.some((c) => c.id === id));
  switch (kind) {
    case 'cluster':
      return { ...forwardAction(targets[0] ?? design.clusters[0]?.id ?? null), ...options };
    case 'weighted': {
      const first = targets[0] ?? design.clusters[0]?.id;
      const second = design.clusters.find((c) => c.id !== first)?.id;
      const ids = [first, second].filter((id): id is string => id !== undefined);
      const clusters = ids.map((clusterId) => ({ clusterId, weight: ids.length > 1 ? 50 : 100 }));
      return { ...weightedAction(clusters), ...options };
    }
    case 'redirect':
      return { kind: 'redirect', hostRedirect: null, pathRedirect: null, httpsRedirect: true, responseCode: 'MOVED_PERMANENTLY' };
    case 'direct':
      return { kind: 'direct', status: 200, body: '' };
  }
}

/** Switches the kind of a rule's action (see `actionOfKind`). */
export function setActionKind(design: Design, ruleId: string, kind: ActionKind): Design {
  let changed = false;
  const routes = design.routes.map((route) => {
    if (!route.rules.some((r) => r.id === ruleId)) return route;
    const rules = route.rules.map((rule) => {
      if (rule.id !== ruleId || rule.action.kind === kind) return rule;
      changed = true;
      return { ...rule, action: actionOfKind(design, rule.action, kind) };
    });
    return { ...route, rules };
  });
  return changed ? { ...design, routes } : design;
}
