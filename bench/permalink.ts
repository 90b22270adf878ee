// Permalink benchmark: `npm run --silent bench:permalink [-- --quick]`. Prints, as Markdown for
// BENCHMARKS.md (figures only, no assertions):
//  - link sizes for every template and the 100-element design: full JSON, elided (compact) JSON,
//    the codec (deflate-raw level 9 + base64url of the elided JSON), and lz-string's
//    compressToEncodedURIComponent of the elided and of the full JSON;
//  - decodePermalink times over the fuzz test's 10,000 inputs (median, p99, max) and the bomb;
//  - encode and decode times of the 100-element design;
//  - encode and decode of the generated designs of 10 / 100 / 1,000 / 5,000 rules, as ratios to
//    JSON.stringify of the design, with the cost per rule and the growth between sizes.
// --quick: a tenth of the fuzz inputs and fewer runs (a smoke run).
import { deflateSync } from 'fflate';
import lz from 'lz-string';
import { TEMPLATES } from '../src/model/templates.ts';
import type { Design } from '../src/model/schema.ts';
import { decodePermalink, encodePermalink, toBase64Url } from '../src/share/permalink.ts';
import { compactV1 } from '../src/share/permalinkV1.ts';
import { bombFragment, fuzzInputs, largeDesign } from '../src/share/permalinkSamples.testkit.ts';
import { RUNS_BY_RULES, sizedDesigns } from './designs.ts';
import { QUICK, int, measure, medianCell, ms, printEnvironment, printTable, relativeCells, runsFor, summarize, timeOnce, type Stats } from './harness.ts';

const BUDGET = 6000;
const deflated = (text: string) => toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 })).length;

function sizes(name: string, design: Design) {
  const full = JSON.stringify(design);
  const elided = JSON.stringify(compactV1(design));
  const link = encodePermalink(design);
  return {
    name,
    full: full.length,
    elided: elided.length,
    link: link.length,
    codec: link.length - 'd=1.'.length,
    deflateFull: deflated(full),
    lzElided: lz.compressToEncodedURIComponent(elided).length,
    lzFull: lz.compressToEncodedURIComponent(full).length,
  };
}

const large = largeDesign();
const elementCount = large.listeners.length + large.routes.length + large.clusters.length;
const rows = [...TEMPLATES.map((t) => sizes(t.name, t.build())), sizes(`${elementCount}-element design`, large)];

printEnvironment('Permalinks (bench/permalink.ts)');
console.log('### Link length (characters)\n');
console.log('Compressed columns are the data alone; the whole fragment adds `d=1.` (4 characters).\n');
printTable(
  ['design', 'full JSON', 'elided JSON', '**deflate + base64url of elided (the codec)**', 'deflate + base64url of full', 'lz-string of elided', 'lz-string of full', 'whole fragment `d=1.…`'],
  rows.map((r) => [r.name, String(r.full), String(r.elided), `**${r.codec}**`, String(r.deflateFull), String(r.lzElided), String(r.lzFull), String(r.link)]),
);
const largeRow = rows[rows.length - 1];
console.log(`Budget for the ${elementCount}-element design: ≤ ${BUDGET} characters: ${largeRow.link <= BUDGET ? 'met' : 'MISSED'} (${largeRow.link}, whole fragment).`);
const wins = rows.filter((r) => r.codec < Math.min(r.lzElided, r.lzFull)).length;
console.log(`Deflate + base64url is the shortest in ${wins} of ${rows.length} rows.\n`);

// ---- Decode times over the fuzz inputs ------------------------------------------------------

const allInputs = fuzzInputs();
const inputs = QUICK ? allInputs.filter((_, i) => i % 10 === 0) : allInputs;
for (const input of inputs.slice(0, 500)) decodePermalink(input); // warm up
const fuzzTimes = inputs.map((input) => timeOnce(() => decodePermalink(input)));
const fuzz = summarize(fuzzTimes);
const slowest = inputs[fuzzTimes.indexOf(fuzz.max)];
const bomb = bombFragment();
const bombTimes = Array.from({ length: 5 }, () => timeOnce(() => decodePermalink(bomb)));

console.log('### decodePermalink on the fuzz inputs\n');
printTable(
  ['inputs', 'median', 'p99', 'max', 'total'],
  [[String(inputs.length), ms(fuzz.median), ms(fuzz.p99), ms(fuzz.max), ms(fuzzTimes.reduce((a, b) => a + b, 0))]],
  ['right', 'right', 'right', 'right', 'right'],
);
console.log(`Slowest input: ${slowest.length} characters. Bomb (50 MB of zeros, a ${bomb.length}-character link): median ${ms(summarize(bombTimes).median)} to refuse.\n`);

// ---- Worst cases by construction: what the caps bound -------------------------------------

const linkOfText = (text: string) => `d=1.${toBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }))}`;
const pseudoRandom = (n: number) => {
  let seed = 1;
  return Array.from({ length: n }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[seed % 64];
  }).join('');
};
const worst: [string, string][] = [
  ['256 KiB of random base64url (the length cap)', `d=1.${pseudoRandom(256 * 1024 - 4)}`],
  ['inflates to ~1.9 MiB of valid JSON (a long name)', linkOfText(JSON.stringify({ name: 'x'.repeat(1_990_000) }))],
  ['10,000 valid clusters (the item budget)', linkOfText(JSON.stringify({ clusters: Array.from({ length: 9_999 }, (_, i) => ({ name: `c${i}` })) }))],
  ['10,001 empty clusters (over the item budget)', linkOfText(JSON.stringify({ clusters: Array.from({ length: 10_001 }, () => ({})) }))],
  ['9,999 labels (the item budget)', linkOfText(JSON.stringify({ deployment: { labels: Object.fromEntries(Array.from({ length: 9_999 }, (_, i) => [`k${i}`, 'v'])) } }))],
  ['5,000 clusters missing their name (5,000 × 2 problems)', linkOfText(JSON.stringify({ clusters: Array.from({ length: 5_000 }, () => ({})) }))],
  ['60,000 labels (over the item budget)', linkOfText(JSON.stringify({ deployment: { labels: Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 'v'])) } }))],
  ['a 1.9 MiB Kubernetes quantity (quadratic schema regex)', linkOfText(JSON.stringify({ deployment: { resources: { requestsCpu: `${'1'.repeat(1_990_000)}x` } } }))],
];
const worstRuns = runsFor(5);
console.log(`### Worst cases by construction (median of ${worstRuns})\n`);
printTable(
  ['link', 'characters', 'result', 'time'],
  worst.map(([what, input]) => {
    const result = decodePermalink(input);
    const outcome = result.ok ? 'decoded' : result.errors[0].slice(0, 60);
    return [what, String(input.length), outcome, ms(summarize(Array.from({ length: worstRuns }, () => timeOnce(() => decodePermalink(input)))).median)];
  }),
  ['left', 'right', 'left', 'right'],
);

// ---- Encode / decode of the large design ----------------------------------------------------

const fragment = encodePermalink(large);
for (let i = 0; i < 20; i++) decodePermalink(encodePermalink(large)); // warm up
const largeRuns = runsFor(200);
const encodeStats = summarize(Array.from({ length: largeRuns }, () => timeOnce(() => encodePermalink(large))));
const decodeStats = summarize(Array.from({ length: largeRuns }, () => timeOnce(() => decodePermalink(fragment))));
console.log(`### The ${elementCount}-element design (${largeRuns} runs each)\n`);
printTable(
  ['', 'median', 'max'],
  [
    ['encodePermalink', ms(encodeStats.median), ms(encodeStats.max)],
    ['decodePermalink', ms(decodeStats.median), ms(decodeStats.max)],
  ],
);

// ---- Encode / decode by design size ---------------------------------------------------------

type SizeRow = { rules: number; json: number; link: number; decoded: string; floor: Stats; encode: Stats; decode: Stats };
const sizeRows: SizeRow[] = [];
for (const { rules, design } of sizedDesigns()) {
  const link = encodePermalink(design);
  const result = decodePermalink(link);
  const runs = Math.max(5, Math.ceil(RUNS_BY_RULES[rules] / 2));
  sizeRows.push({
    rules,
    json: JSON.stringify(design).length,
    link: link.length,
    decoded: result.ok ? (JSON.stringify(result.design) === JSON.stringify(design) ? 'same design' : 'a different design') : `refused: ${result.errors[0].slice(0, 60)}`,
    floor: measure(() => JSON.stringify(design), { runs }),
    encode: measure(() => encodePermalink(design), { runs }),
    decode: measure(() => decodePermalink(link), { runs }),
  });
}
console.log('### Encode and decode by design size\n');
console.log('The designs of `bench/designs.ts` (one listener, routes of 50 rules, a cluster per 5 rules). "× floor" compares medians with `JSON.stringify(design)`; "growth" is against the previous size (rules ×10, ×10, ×5).\n');
printTable(
  ['rules', 'design JSON', 'link', 'decodes to', 'floor: `JSON.stringify(design)`', 'encodePermalink median (min–max)', '× floor', 'per rule', 'growth', 'decodePermalink median (min–max)', '× floor', 'per rule', 'growth'],
  sizeRows.map((r, k) => [
    int(r.rules),
    int(r.json),
    int(r.link),
    r.decoded,
    ms(r.floor.median),
    medianCell(r.encode),
    ...relativeCells(r.encode.median, r.floor.median, r.rules, sizeRows[k - 1]?.encode.median),
    medianCell(r.decode),
    ...relativeCells(r.decode.median, r.floor.median, r.rules, sizeRows[k - 1]?.decode.median),
  ]),
  ['right', 'right', 'right', 'left', ...Array<'right'>(9).fill('right')],
);
