// Designs for the benchmarks, built deterministically through model operations so they look like
// what a user would draw: one HTTP listener; routes of 50 rules each with distinct hosts and path
// prefixes; a cluster per 5 rules (1,000 rules → 200 clusters, the shape issue #8 budgets for).
import { buildBootstrap } from '../src/generate/envoy/bootstrap.ts';
import { connect } from '../src/model/connections.ts';
import { addCluster, addListener, addRoute, addRule, updateRoute, updateRule } from '../src/model/operations.ts';
import type { Design } from '../src/model/schema.ts';
import { emptyDesign } from '../src/model/templates.ts';
import { RULE_COUNTS, measure, type Stats } from './harness.ts';

const RULES_PER_ROUTE = 50;
const RULES_PER_CLUSTER = 5;

/** One HTTP listener; routes of 50 rules each, distinct hosts and path prefixes; a cluster per 5 rules. */
export function buildDesign(ruleCount: number): Design {
  const listener = addListener(emptyDesign());
  let design = listener.design;
  const clusterIds: string[] = [];
  for (let c = 0; c < Math.ceil(ruleCount / RULES_PER_CLUSTER); c++) {
    const added = addCluster(design);
    design = added.design;
    clusterIds.push(added.id);
  }
  let made = 0;
  for (let r = 0; made < ruleCount; r++) {
    const route = addRoute(design); // comes with one catch-all rule
    design = updateRoute(route.design, route.id, { domains: [`svc-${r}.example.com`] });
    const connected = connect(design, listener.id, route.id);
    if (!connected.ok) throw new Error(connected.reason);
    design = connected.design;
    const ruleIds = [design.routes.find((x) => x.id === route.id)!.rules[0].id];
    for (let j = 1; j < RULES_PER_ROUTE && made + j < ruleCount; j++) {
      const rule = addRule(design, route.id);
      design = rule.design;
      ruleIds.push(rule.id);
    }
    ruleIds.forEach((ruleId, j) => {
      const base = design.routes.find((x) => x.id === route.id)!.rules[j];
      // The catch-all last keeps every rule reachable (no shadowing warnings to skew the run).
      const path = j === ruleIds.length - 1 ? '/' : `/api/v${j}/items`;
      design = updateRule(design, ruleId, { match: { ...base.match, path } });
      const linked = connect(design, ruleId, clusterIds[(made + j) % clusterIds.length]);
      if (!linked.ok) throw new Error(linked.reason);
      design = linked.design;
    });
    made += ruleIds.length;
  }
  return design;
}

/** Timed runs per design size: many where a run takes microseconds, few where it takes seconds. */
export const RUNS_BY_RULES: Record<number, number> = { 10: 201, 100: 51, 1000: 15, 5000: 7 };

export type SizedDesign = {
  rules: number;
  design: Design;
  /** buildBootstrap(design): the Envoy object every ratio's floor stringifies. */
  bootstrap: Record<string, unknown>;
  /** JSON.stringify(bootstrap), timed like every other figure: the floor issue #8 compares with. */
  floor: Stats;
};

/**
 * The designs of every size, each with its Envoy object and the JSON.stringify floor. Built one
 * at a time (a 5,000-rule design takes seconds to build: nextId scans every id per addition).
 */
export function* sizedDesigns(): Generator<SizedDesign> {
  for (const rules of RULE_COUNTS) {
    const design = buildDesign(rules);
    const bootstrap = buildBootstrap(design);
    yield { rules, design, bootstrap, floor: measure(() => JSON.stringify(bootstrap), { runs: RUNS_BY_RULES[rules] }) };
  }
}
