// Permalink benchmark: `npm run bench:permalink`. Prints, as Markdown for BENCHMARKS.md:
//  - link sizes for every template and the 100-element design: full JSON, elided (compact) JSON,
//    the codec (deflate-raw level 9 + base64url of the elided JSON), and lz-string's
//    compressToEncodedURIComponent of the elided and of the full JSON;
//  - decodePermalink times over the fuzz test's 10,000 inputs (median, p99, max) and the bomb;
//  - encode and decode times of the 100-element design.
import { cpus } from 'node:os';
import { deflateSync } from 'fflate';
import lz from 'lz-string';
import { TEMPLATES } from '../src/model/templates';
import type { Design } from '../src/model/schema';
import { decodePermalink, encodePermalink, toBase64Url } from '../src/share/permalink';
import { compactV1 } from '../src/share/permalinkV1';
import { bombFragment, fuzzInputs, largeDesign } from '../src/share/permalinkSamples.testkit';

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

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(1)} ms`;

const large = largeDesign();
const elementCount = large.listeners.length + large.routes.length + large.clusters.length;
const rows = [...TEMPLATES.map((t) => sizes(t.name, t.build())), sizes(`${elementCount}-element design`, large)];

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}\n`);
console.log('### Link length (characters)\n');
console.log('Compressed columns are the data alone; the whole fragment adds `d=1.` (4 characters).\n');
console.log('| design | full JSON | elided JSON | **deflate + base64url of elided (the codec)** | deflate + base64url of full | lz-string of elided | lz-string of full | whole fragment `d=1.…` |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.full} | ${r.elided} | **${r.codec}** | ${r.deflateFull} | ${r.lzElided} | ${r.lzFull} | ${r.link} |`);
}
const largeRow = rows[rows.length - 1];
console.log(`\nBudget for the ${elementCount}-element design: ≤ ${BUDGET} characters: ${largeRow.link <= BUDGET ? 'met' : 'MISSED'} (${largeRow.link}, whole fragment).`);
const wins = rows.filter((r) => r.codec < Math.min(r.lzElided, r.lzFull)).length;
console.log(`Deflate + base64url is the shortest in ${wins} of ${rows.length} rows.`);

// ---- Decode times over the fuzz inputs ------------------------------------------------------

const inputs = fuzzInputs();
for (const input of inputs.slice(0, 500)) decodePermalink(input); // warm up
const fuzzTimes = inputs.map((input) => time(() => decodePermalink(input)));
const fuzz = stats(fuzzTimes);
const slowest = inputs[fuzzTimes.indexOf(fuzz.max)];
const bomb = bombFragment();
const bombTimes = Array.from({ length: 5 }, () => time(() => decodePermalink(bomb)));

console.log('\n### decodePermalink on the fuzz inputs\n');
console.log('| inputs | median | p99 | max | total |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
console.log(`| ${inputs.length} | ${ms(fuzz.median)} | ${ms(fuzz.p99)} | ${ms(fuzz.max)} | ${ms(fuzzTimes.reduce((a, b) => a + b, 0))} |`);
console.log(`\nSlowest input: ${slowest.length} characters. Bomb (50 MB of zeros, a ${bomb.length}-character link): median ${ms(stats(bombTimes).median)} to refuse.`);

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
console.log('\n### Worst cases by construction (median of 5)\n');
console.log('| link | characters | result | time |');
console.log('| --- | ---: | --- | ---: |');
for (const [what, input] of worst) {
  const result = decodePermalink(input);
  const outcome = result.ok ? 'decoded' : result.errors[0].slice(0, 60).replace(/\|/g, '\\|');
  console.log(`| ${what} | ${input.length} | ${outcome} | ${ms(stats(Array.from({ length: 5 }, () => time(() => decodePermalink(input)))).median)} |`);
}

// ---- Encode / decode of the large design ----------------------------------------------------

const fragment = encodePermalink(large);
for (let i = 0; i < 20; i++) decodePermalink(encodePermalink(large)); // warm up
const encodeTimes = Array.from({ length: 200 }, () => time(() => encodePermalink(large)));
const decodeTimes = Array.from({ length: 200 }, () => time(() => decodePermalink(fragment)));
console.log(`\n### The ${elementCount}-element design (200 runs each)\n`);
console.log('| | median | max |');
console.log('| --- | ---: | ---: |');
console.log(`| encodePermalink | ${ms(stats(encodeTimes).median)} | ${ms(stats(encodeTimes).max)} |`);
console.log(`| decodePermalink | ${ms(stats(decodeTimes).median)} | ${ms(stats(decodeTimes).max)} |`);
