// Import benchmark: `npm run --silent bench:import [-- --quick]`. Prints figures only (no
// assertions), as Markdown: for designs of 10 / 100 / 1,000 / 5,000 rules, the median and spread
// of importing the generated envoy.json and envoy.yaml (with the Envoy protos: type checks and
// the proto-equal round trip), of ELK's auto layout of the imported design, and of both together,
// as ratios to the JSON.stringify floor of the same Envoy bootstrap object, with the cost per rule
// and the growth from one size to the next; then issue #8's budget (import + auto layout of a
// 1,000-rule config ≤ 1 s). ELK's layout of the 5,000-rule design takes minutes: it runs (once)
// only with `--layout-5000`.
import { generateFiles } from '../src/generate/files.ts';
import { importEnvoyConfig } from '../src/import/importEnvoy.ts';
import { autoLayout } from '../src/import/layout.ts';
import type { Design } from '../src/model/schema.ts';
import { loadEnvoyRegistry } from '../src/validate/envoySchema.node.ts';
import { sizedDesigns } from './designs.ts';
import { int, kib, measure, measureAsync, medianCell, ms, printEnvironment, printTable, relativeCells, type Stats } from './harness.ts';

const BUDGET_RULES = 1000;
const BUDGET_MS = 1000;
/** Imports take tens of ms to seconds: fewer runs than the generation benchmark's. */
const RUNS: Record<number, number> = { 10: 51, 100: 21, 1000: 9, 5000: 5 };
/** ELK takes seconds at 1,000 rules and minutes at 5,000 (one run: ~5 min on a 2-core VM). */
const LAYOUT_RUNS: Record<number, number> = { 10: 21, 100: 9, 1000: 5, 5000: 1 };
const LAYOUT_5000 = process.argv.includes('--layout-5000');

const registry = loadEnvoyRegistry();

function imported(text: string, withRegistry = true): Design {
  const result = importEnvoyConfig(text, withRegistry ? registry : undefined);
  if (!result.ok) throw new Error(`the generated config does not import: ${result.errors.join('; ')}`);
  return result.design;
}

type Reading = { name: string; stats: Stats | null };
type Row = { rules: number; json: number; yaml: number; unsupported: number; readings: Reading[] };

printEnvironment('Import and auto layout (bench/import.ts)');

const rows: Row[] = [];
for (const { rules, design, bootstrap } of sizedDesigns()) {
  const files = generateFiles(design);
  const json = files['envoy.json'];
  const yaml = files['envoy.yaml'];
  const check = importEnvoyConfig(yaml, registry);
  if (!check.ok) throw new Error(`the generated envoy.yaml of ${rules} rules does not import: ${check.errors.join('; ')}`);
  const runs = RUNS[rules];
  const design0 = check.design;
  const layoutRuns = { runs: LAYOUT_RUNS[rules], warmup: rules >= 5000 ? 0 : 1 };
  const layout = rules < 5000 || LAYOUT_5000;
  rows.push({
    rules,
    json: json.length,
    yaml: yaml.length,
    unsupported: check.summary.unsupported.length,
    readings: [
      { name: '`JSON.stringify(bootstrap)` (the floor)', stats: measure(() => JSON.stringify(bootstrap), { runs }) },
      { name: '`JSON.parse(envoy.json)` (for reference)', stats: measure(() => JSON.parse(json), { runs }) },
      { name: '`importEnvoyConfig(envoy.json, registry)`', stats: measure(() => imported(json), { runs }) },
      { name: '`importEnvoyConfig(envoy.yaml, registry)`', stats: measure(() => imported(yaml), { runs }) },
      { name: '`importEnvoyConfig(envoy.json)` (no registry: no proto checks)', stats: measure(() => imported(json, false), { runs }) },
      { name: '`autoLayout(imported design)` (elkjs)', stats: layout ? await measureAsync(() => autoLayout(design0), layoutRuns) : null },
      { name: '**import envoy.yaml + autoLayout**', stats: layout ? await measureAsync(() => autoLayout(imported(yaml)), layoutRuns) : null },
    ],
  });
}

console.log('### Configs\n');
console.log('The envoy.json and envoy.yaml that `generateFiles` makes of the designs of `bench/designs.ts` (one HTTP listener, routes of 50 rules, a cluster per 5 rules), imported with the Envoy protos; "round-trip problems" counts the summary\'s `unsupported` entries (0: the import gives the config back proto-equal).\n');
printTable(
  ['rules', 'envoy.json', 'envoy.yaml', 'round-trip problems', 'floor: `JSON.stringify(bootstrap)` median (min–max)'],
  rows.map((r) => [int(r.rules), kib(r.json), kib(r.yaml), int(r.unsupported), medianCell(r.readings[0].stats!)]),
);

console.log('### Each reading, as a ratio to the floor\n');
console.log('"per rule" is the median over the rule count; "growth" the median against the previous size (rules ×10, ×10, ×5: linear growth shows the same factors).\n');
printTable(
  ['reading', 'rules', 'runs', 'median (min–max)', 'p90', '× floor', 'per rule', 'growth'],
  rows[0].readings.flatMap((reading, i) =>
    rows.map((r, k) => {
      const s = r.readings[i].stats;
      const name = k === 0 ? reading.name : '';
      if (!s) return [name, int(r.rules), '0', 'not run: minutes (`-- --layout-5000` runs it once)', '', '', '', ''];
      const floor = r.readings[0].stats!.median;
      return [name, int(r.rules), String(s.runs), medianCell(s), ms(s.p90), ...relativeCells(s.median, floor, r.rules, rows[k - 1]?.readings[i].stats?.median)];
    }),
  ),
);

const budget = rows.find((r) => r.rules === BUDGET_RULES)!.readings.at(-1)!.stats!;
console.log(`Budget: import + auto layout of a ${int(BUDGET_RULES)}-rule config ≤ ${int(BUDGET_MS)} ms: ${budget.median <= BUDGET_MS ? 'met' : 'MISSED'} (median ${ms(budget.median)}, max ${ms(budget.max)}).`);
