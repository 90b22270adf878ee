// Designs for the benchmarks, built deterministically through model operations so they look like
// what a user would draw: one HTTP listener; routes of 50 rules each with distinct hosts and path
// prefixes; a cluster per 5 rules (1,000 rules → 200 clusters, the shape issue #8 budgets for).
import { connect } from '../src/model/connections.ts';
import { addCluster, addListener, addRoute, addRule, updateRoute, updateRule } from '../src/model/operations.ts';
import type { Design } from '../src/model/schema.ts';
import { emptyDesign } from '../src/model/templates.ts';

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
