// Request-matching benchmark: `npm run --silent bench:routing [-- --quick]`. Prints figures only
// (no assertions), as Markdown: for designs of 10 / 100 / 1,000 / 5,000 rules, batches of 1,000
// requests (100 with --quick) through matchRequest, a quarter each hitting the first rule of the
// first virtual host, a middle rule of the middle one, the catch-all of the last one (every rule
// of that host evaluated), and no virtual host at all. Reports the batch's median and spread, the
// cost per request (as a ratio to the JSON.stringify floor of the design's Envoy bootstrap) and
// per kind, and how it grows with the design.
import { buildListener } from '../src/generate/envoy/listener.ts';
import type { Design } from '../src/model/schema.ts';
import { matchRequest } from '../src/routing/matchRequest.ts';
import type { TestRequest } from '../src/routing/types.ts';
import { sizedDesigns } from './designs.ts';
import { QUICK, growth, int, measure, medianCell, ms, printEnvironment, printTable, ratio, runsFor, summarize, timeOnce, us, type Stats } from './harness.ts';

const BATCH = QUICK ? 100 : 1000;
/** Batches timed per size (plus one to warm up): a 5,000-rule batch takes seconds. */
const RUNS: Record<number, number> = { 10: 9, 100: 7, 1000: 5, 5000: 3 };
const KINDS = ['first', 'middle', 'last', 'none'] as const;
type Kind = (typeof KINDS)[number];

type Probe = { kind: Kind; request: TestRequest; expectRuleId: string | null };

/** One request of each kind, with the rule it must land on (checked once before timing). */
function probes(design: Design): Probe[] {
  const routes = design.routes;
  const rulePath = (path: string) => `${path.replace(/\/$/, '')}/42?page=1`;
  const first = routes[0];
  const middle = routes[Math.floor(routes.length / 2)];
  const middleRule = middle.rules[Math.floor((middle.rules.length - 1) / 2)];
  const last = routes[routes.length - 1];
  const catchAll = last.rules[last.rules.length - 1];
  return [
    { kind: 'first', request: { authority: first.domains[0], path: rulePath(first.rules[0].match.path) }, expectRuleId: first.rules[0].id },
    { kind: 'middle', request: { authority: middle.domains[0], path: rulePath(middleRule.match.path) }, expectRuleId: middleRule.id },
    { kind: 'last', request: { authority: last.domains[0], path: '/nothing/else/matches' }, expectRuleId: catchAll.id },
    { kind: 'none', request: { authority: 'unknown.example.org', path: '/' }, expectRuleId: null },
  ];
}

type Row = {
  rules: number;
  vhosts: number;
  batch: Stats;
  byKind: Record<Kind, Stats>;
  traces: Record<Kind, number>;
  floor: Stats;
  listener: Stats;
};

printEnvironment('Request matching (bench/routing.ts)');

const rows: Row[] = [];
for (const { rules, design, floor } of sizedDesigns()) {
  const kinds = probes(design);
  const traces = {} as Record<Kind, number>;
  for (const probe of kinds) {
    const result = matchRequest(design, probe.request);
    if (result.ruleId !== probe.expectRuleId) throw new Error(`${rules} rules, ${probe.kind}: matched ${result.ruleId}, expected ${probe.expectRuleId}`);
    traces[probe.kind] = result.trace.length;
  }
  const batch = Array.from({ length: BATCH }, (_, i) => kinds[i % kinds.length]);
  const perRequest: Record<Kind, number[]> = { first: [], middle: [], last: [], none: [] };
  // Each request timed on its own (so kinds can be told apart); the batch is their sum.
  const runBatch = () => batch.reduce((total, probe) => {
    const t = timeOnce(() => matchRequest(design, probe.request));
    perRequest[probe.kind].push(t);
    return total + t;
  }, 0);
  runBatch(); // warm up
  for (const kind of KINDS) perRequest[kind] = [];
  const batchTimes = Array.from({ length: runsFor(RUNS[rules]) }, runBatch);
  // What every request pays before matching: the Envoy listener built from the design.
  const listener = design.listeners[0];
  const names = new Map(design.clusters.map((c) => [c.id, c.name]));
  const routes = design.routes.filter((r) => listener.routeIds.includes(r.id));
  rows.push({
    rules,
    vhosts: routes.length,
    batch: summarize(batchTimes),
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, summarize(perRequest[kind])])) as Record<Kind, Stats>,
    traces,
    floor,
    listener: measure(() => buildListener(listener, routes, (id) => names.get(id) ?? id), { runs: RUNS[rules] * 5 }),
  });
}

console.log(`### Batches of ${int(BATCH)} requests\n`);
console.log('The designs of `bench/designs.ts` (one HTTP listener, a virtual host per 50 rules). A quarter of the requests each: **first** (first rule of the first virtual host), **middle** (a middle rule of the middle one), **last** (the catch-all of the last one: every rule of that host evaluated), **none** (an unknown authority: 404). "per request" = batch median / batch size; "× floor" compares it with `JSON.stringify` of the whole bootstrap; "growth" is against the previous size (rules ×10, ×10, ×5).\n');
printTable(
  ['rules', 'virtual hosts', 'batches', 'batch median (min–max)', 'per request', '× floor', 'growth', '`buildListener` alone'],
  rows.map((r, k) => {
    const per = r.batch.median / BATCH;
    return [int(r.rules), int(r.vhosts), String(r.batch.runs), medianCell(r.batch), us(per), ratio(per, r.floor.median), growth(r.batch.median, rows[k - 1]?.batch.median), us(r.listener.median)];
  }),
);

console.log('### Per request, by kind (median, p90 over every request of every batch)\n');
printTable(
  ['rules', ...KINDS.map((kind) => `${kind}`), 'rules evaluated (first / middle / last / none)'],
  rows.map((r) => [int(r.rules), ...KINDS.map((kind) => `${us(r.byKind[kind].median)} (p90 ${us(r.byKind[kind].p90)})`), KINDS.map((kind) => r.traces[kind]).join(' / ')]),
);

const [small, large] = [rows[0], rows[rows.length - 1]];
console.log(
  `From ${int(small.rules)} to ${int(large.rules)} rules (×${large.rules / small.rules}), a request costs ×${(large.batch.median / small.batch.median).toFixed(0)} ` +
    `(${us(small.batch.median / BATCH)} → ${us(large.batch.median / BATCH)}); the first rule of the first host alone ×${(large.byKind.first.median / small.byKind.first.median).toFixed(0)}. ` +
    `matchRequest builds the listener's Envoy config (${ms(large.listener.median)} at ${int(large.rules)} rules) once per design and listener, not per request.`,
);
