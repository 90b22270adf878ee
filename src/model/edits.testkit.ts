// Test kit: random sequences of the edits a user makes, for property tests of what is remembered
// per element (generation, permalink compaction): after each edit, the remembering code must give
// what it gives for the same design made anew. The edits change an element, the id counters after
// it, the indexes references become, or the cluster names a rule asks for.
import fc from 'fast-check';
import { connect } from './connections';
import { addCluster, addRoute, removeElement, renameElement, reorderRule, updateCluster, updateRule } from './operations';
import type { Design, RuleAction } from './schema';

type Edit = (design: Design, pick: number) => Design;

const nth = <T>(items: T[], pick: number): T | undefined => (items.length > 0 ? items[pick % items.length] : undefined);
const elements = (design: Design) => [...design.listeners, ...design.routes, ...design.clusters];
const rules = (design: Design) => design.routes.flatMap((route) => route.rules);

const EDITS: Edit[] = [
  (design, pick) => {
    const element = nth([...elements(design), ...rules(design)], pick);
    return element ? renameElement(design, element.id, `${element.name}-2`) : design;
  },
  (design, pick) => {
    const element = nth(elements(design), pick);
    return element ? removeElement(design, element.id) : design;
  },
  (design) => addCluster(design).design,
  (design, pick) => {
    const added = addRoute(design);
    const listener = nth(design.listeners, pick);
    const connected = listener ? connect(added.design, listener.id, added.id) : null;
    return connected?.ok ? connected.design : added.design;
  },
  (design, pick) => ({ ...design, clusters: [...design.clusters.slice(pick % 2), ...design.clusters.slice(0, pick % 2)] }),
  (design, pick) => {
    const rule = nth(rules(design), pick);
    const cluster = nth(design.clusters, pick + 1);
    return rule && cluster ? updateRule(design, rule.id, { action: { ...rule.action, kind: 'cluster', clusterId: cluster.id } as RuleAction }) : design;
  },
  (design, pick) => {
    const cluster = nth(design.clusters, pick);
    return cluster ? updateCluster(design, cluster.id, { connectTimeout: '7s' }) : design;
  },
  (design, pick) => {
    const rule = nth(rules(design), pick);
    return rule ? updateRule(design, rule.id, { match: { ...rule.match, path: `${rule.match.path}x` } }) : design;
  },
  (design, pick) => {
    const route = nth(design.routes, pick);
    return route && route.rules.length > 1 ? reorderRule(design, route.id, 0, route.rules.length - 1) : design;
  },
];

/** 1 to 6 edits, each on a random element; `applyEdits` carries them out. */
export function arbitraryEdits(): fc.Arbitrary<Array<[edit: number, pick: number]>> {
  return fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat()), { minLength: 1, maxLength: 6 });
}

/** Carries out the edits one after another, calling `check` with each design in turn. */
export function applyEdits(start: Design, edits: Array<[number, number]>, check: (design: Design) => void): void {
  let design = start;
  for (const [edit, pick] of edits) {
    design = EDITS[edit](design, pick);
    check(design);
  }
}
