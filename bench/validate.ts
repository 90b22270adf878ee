// Validation benchmark: `npm run --silent bench:validate [-- --quick]`. Prints figures only (no
// assertions), as Markdown: median and spread of validateDesign and of validateEnvoyConfig over
// repeated runs, for designs of 10 / 100 / 1,000 / 5,000 rules built deterministically through
// model operations, as ratios to the JSON.stringify floor of the same Envoy bootstrap, with the
// cost per rule and the growth from one size to the next; then a breakdown of the largest design
// by stage, following validateDesign (src/validate/index.ts).
import { buildBootstrap } from '../src/generate/envoy/bootstrap.ts';
import { configChecksum } from '../src/generate/checksum.ts';
import { generateFiles } from '../src/generate/files.ts';
import { buildConfigMap, buildDaemonSet, buildPod } from '../src/generate/kubernetes/objects.ts';
import { yamlSizeBound } from '../src/generate/yamlSize.ts';
import { toYamlText } from '../src/generate/yamlText.ts';
import { forgetRememberedElements } from '../src/generate/envoy/remembered.ts';
import { forgetWrittenTexts } from '../src/generate/yamlText.ts';
import type { Design } from '../src/model/schema.ts';
import { constraintFindings } from '../src/validate/constraints.ts';
import { CONFIGMAP_MAX_BYTES, deploymentFindings } from '../src/validate/deployment.ts';
import { designLintFindings } from '../src/validate/designLint.ts';
import { elementIndex } from '../src/validate/elementIndex.ts';
import { BOOTSTRAP_TYPE } from '../src/validate/envoySchema.ts';
import { loadEnvoyRegistry } from '../src/validate/envoySchema.node.ts';
import { validateDesign, validateEnvoyConfig } from '../src/validate/index.ts';
import { loadTimeFindings, regexFindings } from '../src/validate/loadTime.ts';
import { walkSchema } from '../src/validate/schemaWalk.ts';
import { testCaseFindings } from '../src/validate/testCaseFindings.ts';
import { sizedDesigns } from './designs.ts';
import { int, kib, measure, medianCell, ms, printEnvironment, printTable, relativeCells, type Stats } from './harness.ts';

/** Validation takes ms to hundreds of ms: fewer runs than the generation benchmark's. */
const RUNS: Record<number, number> = { 10: 51, 100: 31, 1000: 15, 5000: 7 };
const registry = loadEnvoyRegistry();

printEnvironment('Validation (bench/validate.ts)');

type Row = { rules: number; size: number; findings: string; floor: Stats; whole: Stats; configOnly: Stats };
const rows: Row[] = [];
let largest: { rules: number; design: Design; config: unknown } | null = null;
for (const { rules, design, bootstrap } of sizedDesigns()) {
  const envoyJson = generateFiles(design)['envoy.json'];
  const config = JSON.parse(envoyJson);
  const findings = validateDesign(design, registry);
  const runs = RUNS[rules];
  rows.push({
    rules,
    size: envoyJson.length,
    findings: findings.length === 0 ? '0' : `${findings.length} (${[...new Set(findings.map((f) => f.rule))].join(', ')})`,
    floor: measure(() => JSON.stringify(bootstrap), { runs }),
    // From scratch each run: the same design again would find its objects and texts in memory.
    whole: measure(() => (forgetRememberedElements(), forgetWrittenTexts(), validateDesign(design, registry)), { runs }),
    configOnly: measure(() => validateEnvoyConfig(config, registry), { runs }),
  });
  largest = { rules, design, config };
}

console.log('`validateDesign` = the design\'s Envoy and Kubernetes objects + the Envoy config checks + Kubernetes and deployment checks + design lint + saved test cases; `validateEnvoyConfig` = the Envoy config checks alone (schema walk with paths, strict `fromJson` + the protos\' validate rules, Envoy\'s load-time rules): what an imported config costs. "× floor" compares medians with `JSON.stringify` of the same bootstrap; "growth" is against the previous size (rules ×10, ×10, ×5).\n');
printTable(
  ['rules', 'envoy.json', 'findings', 'runs', 'validateDesign median (min–max)', '× floor', 'per rule', 'growth', 'validateEnvoyConfig median (min–max)', '× floor', 'per rule', 'growth'],
  rows.map((r, k) => [
    int(r.rules),
    kib(r.size),
    r.findings,
    String(r.whole.runs),
    medianCell(r.whole),
    ...relativeCells(r.whole.median, r.floor.median, r.rules, rows[k - 1]?.whole.median),
    medianCell(r.configOnly),
    ...relativeCells(r.configOnly.median, r.floor.median, r.rules, rows[k - 1]?.configOnly.median),
  ]),
);

// Where the time goes in the largest design, stage by stage, in validateDesign's order.
const { rules, design, config } = largest!;
const bootstrap = buildBootstrap(design);
const walk = walkSchema(config, registry, BOOTSTRAP_TYPE);
const index = elementIndex(design);
const checksum = configChecksum(bootstrap);
const needsYaml = yamlSizeBound(bootstrap) > CONFIGMAP_MAX_BYTES;
const objects = {
  'configmap.yaml': buildConfigMap(design, needsYaml ? toYamlText(bootstrap) : ''),
  'pod.yaml': buildPod(design, checksum),
  'daemonset.yaml': buildDaemonSet(design, checksum),
};
const stages: [string, () => unknown][] = [
  ['buildBootstrap (objects, no text)', () => buildBootstrap(design)],
  ['JSON round trip of the bootstrap', () => JSON.parse(JSON.stringify(bootstrap))],
  ['element index', () => elementIndex(design)],
  ['schema walk', () => walkSchema(config, registry, BOOTSTRAP_TYPE)],
  ['fromJson + proto constraints', () => constraintFindings(walk.normalized, registry, BOOTSTRAP_TYPE, walk)],
  ['load-time rules + regexes', () => [loadTimeFindings(walk.normalized, registry), regexFindings(walk.regexes)]],
  ['config checksum (SHA-256 over its parts\' remembered digests)', () => configChecksum(bootstrap)],
  [
    `ConfigMap size: ${needsYaml ? '**envoy.yaml serialised** (the bound exceeds 1 MiB)' : 'bound only (envoy.yaml not serialised)'}`,
    () => (yamlSizeBound(bootstrap) <= CONFIGMAP_MAX_BYTES ? '' : (forgetWrittenTexts(), toYamlText(bootstrap))),
  ],
  ['Kubernetes and deployment checks', () => deploymentFindings(design, objects)],
  ['design lint', () => designLintFindings(design, index)],
  ['saved test cases', () => testCaseFindings(design)],
];
console.log(`### Stages at ${int(rules)} rules\n`);
printTable(
  ['stage', 'median (min–max)'],
  stages.map(([name, run]) => [name, medianCell(measure(run, { runs: RUNS[rules] }))]),
);
console.log(`Stages' medians are measured apart, so they need not add up to validateDesign's (${ms(rows[rows.length - 1].whole.median)}).`);
