// Validation benchmark: `npx tsx bench/validate.ts`. Prints figures only (no assertions):
// median and spread (min–max) of validateDesign and of validateEnvoyConfig over repeated runs, for
// designs of 100 / 1,000 / 5,000 rules built deterministically through model operations, and a
// breakdown of the largest one by stage.
import { cpus } from 'node:os';
import { buildBootstrap } from '../src/generate/envoy/bootstrap.ts';
import { generateFiles } from '../src/generate/files.ts';
import type { Design } from '../src/model/schema.ts';
import { buildDesign } from './designs.ts';
import { constraintFindings } from '../src/validate/constraints.ts';
import { BOOTSTRAP_TYPE } from '../src/validate/envoySchema.ts';
import { loadEnvoyRegistry } from '../src/validate/envoySchema.node.ts';
import { validateDesign, validateEnvoyConfig } from '../src/validate/index.ts';
import { loadTimeFindings } from '../src/validate/loadTime.ts';
import { walkSchema } from '../src/validate/schemaWalk.ts';

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
  ['buildBootstrap (objects, no text)', () => buildBootstrap(design)],
  ['JSON round trip of the bootstrap', () => JSON.parse(JSON.stringify(config))],
  ['schema walk', () => walkSchema(config, registry, BOOTSTRAP_TYPE)],
  ['fromJson + proto constraints', () => constraintFindings(walk.normalized, registry, BOOTSTRAP_TYPE, walk)],
  ['load-time rules', () => loadTimeFindings(walk.normalized, registry)],
];
console.log('\n| stage (5,000 rules) | median |');
console.log('| --- | ---: |');
for (const [name, run] of stages) console.log(`| ${name} | ${ms(measure(run, 7).median)} |`);
