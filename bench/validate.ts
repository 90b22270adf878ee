// Validation benchmark: `npx tsx bench/validate.ts`. Prints figures only (no assertions):
// median and spread (min–max) of validateDesign and of validateEnvoyConfig over repeated runs, for
// designs of 100 / 1,000 / 5,000 rules built deterministically through model operations, and a
// breakdown of the largest one by stage.
import { cpus } from 'node:os';
import { generateFiles } from '../src/generate/files.ts';
import { connect } from '../src/model/connections.ts';
import { addCluster, addListener, addRoute, addRule, updateRoute, updateRule } from '../src/model/operations.ts';
import type { Design } from '../src/model/schema.ts';
import { emptyDesign } from '../src/model/templates.ts';
import { constraintFindings } from '../src/validate/constraints.ts';
import { BOOTSTRAP_TYPE } from '../src/validate/envoySchema.ts';
import { loadEnvoyRegistry } from '../src/validate/envoySchema.node.ts';
import { validateDesign, validateEnvoyConfig } from '../src/validate/index.ts';
import { loadTimeFindings } from '../src/validate/loadTime.ts';
import { walkSchema } from '../src/validate/schemaWalk.ts';

const RULES_PER_ROUTE = 50;
const RULES_PER_CLUSTER = 10;

/** One HTTP listener; routes of 50 rules each, distinct hosts and path prefixes; a cluster per 10 rules. */
function buildDesign(ruleCount: number): Design {
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

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function measure(run: () => unknown, runs: number): { median: number; min: number; max: number } {
  run(); // warm up (JIT, descriptor caches)
  run();
  const times = Array.from({ length: runs }, () => time(run)).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const registry = loadEnvoyRegistry();

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
console.log('| rules | config size (envoy.json) | findings | runs | validateDesign median (min–max) | validateEnvoyConfig median (min–max) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
let largest: { design: Design; config: unknown } | null = null;
for (const [rules, runs] of [
  [100, 31],
  [1000, 15],
  [5000, 7],
] as const) {
  const design = buildDesign(rules);
  const envoyJson = generateFiles(design)['envoy.json'];
  const config = JSON.parse(envoyJson);
  const findings = validateDesign(design, registry);
  const whole = measure(() => validateDesign(design, registry), runs);
  const configOnly = measure(() => validateEnvoyConfig(config, registry), runs);
  const size = `${(envoyJson.length / 1024).toFixed(0)} KiB`;
  const summary = findings.length === 0 ? '0' : `${findings.length} (${[...new Set(findings.map((f) => f.rule))].join(', ')})`;
  console.log(`| ${rules} | ${size} | ${summary} | ${runs} | ${ms(whole.median)} (${ms(whole.min)}–${ms(whole.max)}) | ${ms(configOnly.median)} (${ms(configOnly.min)}–${ms(configOnly.max)}) |`);
  largest = { design, config };
}

// Where the time goes in the largest design, stage by stage (medians of 7 runs).
const { design, config } = largest!;
const walk = walkSchema(config, registry, BOOTSTRAP_TYPE);
const stages: [string, () => unknown][] = [
  ['generateFiles (all 8 files)', () => generateFiles(design)],
  ['JSON.parse(envoy.json)', () => JSON.parse(JSON.stringify(config))],
  ['schema walk', () => walkSchema(config, registry, BOOTSTRAP_TYPE)],
  ['fromJson + proto constraints', () => constraintFindings(walk.normalized, registry, BOOTSTRAP_TYPE, walk)],
  ['load-time rules', () => loadTimeFindings(walk.normalized, registry)],
];
console.log('\n| stage (5,000 rules) | median |');
console.log('| --- | ---: |');
for (const [name, run] of stages) console.log(`| ${name} | ${ms(measure(run, 7).median)} |`);
