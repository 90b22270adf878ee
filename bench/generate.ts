// Generation benchmark: `npm run --silent bench:generate [-- --quick]`. Prints figures only (no
// assertions), as Markdown: for designs of 10 / 100 / 1,000 / 5,000 rules, the median and spread
// of each way the app reads generateFiles (lazy: a file is built on first read), as a ratio to the
// JSON.stringify floor of the same Envoy bootstrap object, with the cost per rule and the growth
// from one size to the next; then issue #8's budget (≤ 3× the floor at 1,000 rules).
import { buildBootstrap } from '../src/generate/envoy/bootstrap.ts';
import { forgetRememberedElements } from '../src/generate/envoy/remembered.ts';
import { FILE_NAMES, generateFiles } from '../src/generate/files.ts';
import { forgetWrittenTexts } from '../src/generate/yamlText.ts';
import { RUNS_BY_RULES, sizedDesigns } from './designs.ts';
import { int, kib, measure, medianCell, ms, printEnvironment, printTable, ratio, relativeCells, type Stats } from './harness.ts';

const BUDGET_RULES = 1000;
const BUDGET_RATIO = 3;

type Design = Parameters<typeof generateFiles>[0];
/** budgeted: which floor the budget compares a keystroke with (see DESIGN_FILES). */
type Reading = { name: string; run: (size: { design: Design; bootstrap: unknown }) => unknown; budgeted?: 'config' | 'design' };

// Made from the design itself, not from the Envoy object: their floor is JSON.stringify(design).
// README.md holds the design's permalink (its compact JSON, deflated), design.json the design.
const DESIGN_FILES: readonly string[] = ['README.md', 'design.json'];

// A keystroke's design: the previous one with one cluster renamed, a new name every call, so the
// renamed cluster and the routes naming it are built and written anew; the rest is as the last
// keystroke left it (envoy/remembered.ts, yamlText.ts).
let edits = 0;
function edited(design: Design): Design {
  edits += 1;
  return { ...design, clusters: design.clusters.map((c, i) => (i === 0 ? { ...c, name: `${c.name}-${edits}` } : c)) };
}
/** As on opening a design: nothing built or written before. */
function fromScratch<T>(build: () => T): T {
  forgetRememberedElements();
  forgetWrittenTexts();
  return build();
}
const READINGS: Reading[] = [
  { name: '`JSON.stringify(bootstrap)` (the floor)', run: ({ bootstrap }) => JSON.stringify(bootstrap) },
  { name: '`JSON.stringify(design)` (the floor of README.md and design.json, made from the design)', run: ({ design }) => JSON.stringify(design) },
  { name: '`JSON.stringify(bootstrap, null, 2)` (envoy.json\'s text, object given)', run: ({ bootstrap }) => JSON.stringify(bootstrap, null, 2) },
  { name: '`buildBootstrap(design)` from scratch (objects, no text)', run: ({ design }) => fromScratch(() => buildBootstrap(design)) },
  { name: '`buildBootstrap(edited)` (objects, no text)', run: ({ design }) => buildBootstrap(edited(design)) },
  ...FILE_NAMES.map((file): Reading => ({
    name: `**keystroke, ${file} tab**: \`generateFiles(edited)['${file}']\``,
    run: ({ design }) => generateFiles(edited(design))[file],
    budgeted: DESIGN_FILES.includes(file) ? 'design' : 'config',
  })),
  { name: '`generateFiles(design)[\'envoy.yaml\']` from scratch', run: ({ design }) => fromScratch(() => generateFiles(design)['envoy.yaml']) },
  { name: `all ${FILE_NAMES.length} files after an edit: \`Object.values(generateFiles(edited))\``, run: ({ design }) => Object.values(generateFiles(edited(design))) },
  { name: `all ${FILE_NAMES.length} files from scratch`, run: ({ design }) => fromScratch(() => Object.values(generateFiles(design))) },
];

printEnvironment('Generation (bench/generate.ts)');

type Row = { rules: number; clusters: number; stats: Stats[]; sizes: { json: number; yaml: number; all: number } };
const rows: Row[] = [];
for (const size of sizedDesigns()) {
  const files = generateFiles(size.design);
  const all = Object.values(files).reduce((sum, text) => sum + text.length, 0);
  rows.push({
    rules: size.rules,
    clusters: size.design.clusters.length,
    // The floor is measured again here, beside the readings, so it shares their conditions.
    stats: READINGS.map((reading) => measure(() => reading.run(size), { runs: RUNS_BY_RULES[size.rules] })),
    sizes: { json: files['envoy.json'].length, yaml: files['envoy.yaml'].length, all },
  });
}

console.log('### Designs\n');
console.log('One HTTP listener, routes of 50 rules (one virtual host each), a cluster per 5 rules (`bench/designs.ts`).\n');
printTable(
  ['rules', 'clusters', 'envoy.json', 'envoy.yaml', `all ${FILE_NAMES.length} files`, 'floor: `JSON.stringify(bootstrap)` median (min–max)'],
  rows.map((r) => [int(r.rules), int(r.clusters), kib(r.sizes.json), kib(r.sizes.yaml), kib(r.sizes.all), medianCell(r.stats[0])]),
);

console.log('### Each reading, as a ratio to the floor\n');
console.log('"× floor" divides medians by the floor of the same design, measured alongside. "per rule" is the median over the rule count; "growth" the median against the previous size (rules ×10, ×10, ×5: linear growth shows the same factors).\n');
printTable(
  ['reading', 'rules', 'runs', 'median (min–max)', 'p90', '× floor', 'per rule', 'growth'],
  READINGS.flatMap((reading, i) =>
    rows.map((r, k) => {
      const s = r.stats[i];
      return [k === 0 ? reading.name : '', int(r.rules), String(s.runs), medianCell(s), ms(s.p90), ...relativeCells(s.median, r.stats[0].median, r.rules, rows[k - 1]?.stats[i].median)];
    }),
  ),
);

const budgetRow = rows.find((r) => r.rules === BUDGET_RULES)!;
const DESIGN_FLOOR = 1; // READINGS[1]
console.log(`### Budget: generateFiles for ${int(BUDGET_RULES)} rules / ${int(budgetRow.clusters)} clusters ≤ ${BUDGET_RATIO}× the floor\n`);
console.log(`A keystroke renames a cluster, with each file's tab shown (the preview builds only that file). The floor is \`JSON.stringify(bootstrap)\` (${ms(budgetRow.stats[0].median)}); for ${DESIGN_FILES.join(' and ')}, made from the design and not from the Envoy object, \`JSON.stringify(design)\` (${ms(budgetRow.stats[DESIGN_FLOOR].median)}).\n`);
printTable(
  ['reading', 'median', 'floor', '× floor', 'budget'],
  READINGS.flatMap((reading, i) => {
    if (!reading.budgeted) return [];
    const s = budgetRow.stats[i];
    const floor = budgetRow.stats[reading.budgeted === 'design' ? DESIGN_FLOOR : 0].median;
    return [[reading.name, ms(s.median), reading.budgeted === 'design' ? '`JSON.stringify(design)`' : '`JSON.stringify(bootstrap)`', ratio(s.median, floor), s.median / floor <= BUDGET_RATIO ? 'met' : 'MISSED']];
  }),
);
