// Fuzzing importEnvoyConfig, with Envoy's protos as the app's worker runs it, on 10,000 inputs
// (fixed seed): random text, YAML-ish junk, random values in a bootstrap's shape, and valid configs
// (small ones of Envoy's corpus and the templates' output) damaged as text and in structure.
// Whatever comes in, the importer returns a design the loader accepts and the generators build,
// or a non-empty list of problems; never a throw, and never its catch-all for bugs. Every input
// is a few KiB at most, so work and memory are bounded; the size cap is tested in badInput.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { generateFiles } from '../generate/files';
import { applyMutation, applyTextEdits, expectReadableErrors, keyName, mutation, nastyValue, textEdits, type Json } from '../model/fuzz.testkit';
import { loadDesign } from '../model/load';
import { TEMPLATES } from '../model/templates';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { importEnvoyConfig } from './importEnvoy';

const SEED = 20_261_110;
const registry = loadEnvoyRegistry();

function expectWellBehaved(text: string): void {
  const result = importEnvoyConfig(text, registry);
  if (result.ok) {
    const again = loadDesign(JSON.parse(JSON.stringify(result.design)));
    expect(again.ok ? [] : again.errors).toEqual([]);
    for (const list of Object.values(result.summary)) for (const line of list) expect(typeof line).toBe('string');
  } else {
    expectReadableErrors(result.errors);
    // The catch-all in importEnvoyConfig and the final load check are for bugs: no input may reach them.
    expect(result.errors[0]).not.toMatch(/^could not import the config:|^internal error/);
  }
  expect(Object.keys(Object.prototype)).toEqual([]);
}

// ---- Valid configs to damage ------------------------------------------------------------------

const CORPUS = 'src/validate/__fixtures__/envoy-corpus';
/** Small enough that thousands of imports stay fast; still every kind of listener and cluster. */
const MAX_SEED_CHARS = 2500;

let pool: string[] | undefined;
function validConfigs(): string[] {
  pool ??= [
    ...readdirSync(CORPUS)
      .filter((file) => /\.ya?ml$/.test(file))
      .sort()
      .map((file) => readFileSync(`${CORPUS}/${file}`, 'utf8'))
      .filter((text) => text.length <= MAX_SEED_CHARS),
    ...TEMPLATES.flatMap((t) => {
      const files = generateFiles(t.build());
      return [files['envoy.yaml'], files['envoy.json']];
    }),
  ];
  return pool;
}

let parsed: Json[] | undefined;
const parsedConfigs = () => (parsed ??= validConfigs().map((text) => yaml.parse(text) as Json));

const damagedText = fc.record({ pick: fc.nat(), edits: textEdits }).map(({ pick, edits }) => {
  const configs = validConfigs();
  return applyTextEdits(configs[pick % configs.length], edits);
});

/** Lines of a YAML file moved about: dropped, doubled, swapped or re-indented. */
const damagedLines = fc
  .record({
    pick: fc.nat(),
    edits: fc.array(fc.record({ op: fc.constantFrom('drop', 'double', 'swap', 'indent', 'dedent'), at: fc.nat(), other: fc.nat() }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ pick, edits }) => {
    const configs = validConfigs();
    const lines = configs[pick % configs.length].split('\n');
    for (const { op, at, other } of edits) {
      const i = at % lines.length;
      const j = other % lines.length;
      if (op === 'drop') lines.splice(i, 1);
      if (op === 'double') lines.splice(i, 0, lines[i]);
      if (op === 'swap') [lines[i], lines[j]] = [lines[j], lines[i]];
      if (op === 'indent') lines[i] = `  ${lines[i]}`;
      if (op === 'dedent') lines[i] = lines[i].replace(/^ {1,2}/, '');
    }
    return lines.join('\n');
  });

const damagedStructure = fc
  .record({ pick: fc.nat(), edits: fc.array(mutation, { minLength: 1, maxLength: 4 }), asJson: fc.boolean() })
  .map(({ pick, edits, asJson }) => {
    const configs = validConfigs();
    const doc = structuredClone(parsedConfigs()[pick % configs.length]);
    for (const edit of edits) applyMutation(doc, edit);
    if (asJson) {
      try {
        return JSON.stringify(doc, null, 2) ?? 'null';
      } catch {
        // A BigInt: YAML writes it.
      }
    }
    return yaml.stringify(doc);
  });

// ---- Junk ---------------------------------------------------------------------------------------

const ENVOY_KEYS = [
  'static_resources', 'listeners', 'clusters', 'name', 'address', 'socket_address', 'port_value', 'filter_chains', 'filters',
  'typed_config', '"@type"', 'route_config', 'virtual_hosts', 'domains', 'routes', 'match', 'prefix', 'route', 'cluster',
  'load_assignment', 'cluster_name', 'endpoints', 'lb_endpoints', 'endpoint', 'admin', 'node', 'http_filters', 'stat_prefix',
  'connect_timeout', 'type', 'transport_socket', 'weighted_clusters', 'dynamic_resources', 'config', 'hosts', 'tls_context',
];
const YAML_VALUES = [
  '0.0.0.0', '8080', '-1', '99999999999999999999', '0.25s', 'STRICT_DNS', 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
  'type.googleapis.com/envoy.config.filter.network.http_connection_manager.v2.HttpConnectionManager', '{}', '[]', '~', 'null', 'true', 'yes',
  '&a', '*a', '&a {x: 1}', '<<: *a', '!!str 1', '!!binary aGk=', '!!timestamp 2001-12-14', '!custom x', '|', '>-', '"quoted', "'single'", '"a\\u0000b"',
  '{a: [b, {c: d}]}', '[1, [2, [3]]]', '? complex', '#comment', '"</script>"', '"\u202e\u200b"', '.inf', '.nan', '0x1F', '0o17', '1e400',
];
/** Lines of YAML from Envoy's keys and YAML's syntax, indented at random: close enough to parse sometimes. */
const yamlishText = fc
  .array(
    fc.record({
      indent: fc.integer({ min: 0, max: 8 }),
      dash: fc.boolean(),
      key: fc.oneof(fc.constantFrom(...ENVOY_KEYS), keyName),
      value: fc.oneof(fc.constantFrom(...YAML_VALUES, ''), fc.string({ maxLength: 8 })),
    }),
    { maxLength: 30 },
  )
  .chain((lines) =>
    fc.oneof(
      fc.constant(lines.map((l) => `${' '.repeat(l.indent)}${l.dash ? '- ' : ''}${l.key}: ${l.value}`).join('\n')),
      fc.constantFrom('---\n', '%YAML 1.2\n---\n', '\t', '...\n').map((prefix) => `${prefix}${lines.map((l) => `${l.key}: ${l.value}`).join('\n')}`),
    ),
  );

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyValue);
const dictOf = (keys: string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...keys), keyName), anyValue, { maxKeys: 5 });
/** Values in a bootstrap's places: right keys, anything in them. */
const bootstrapShaped = fc
  .record(
    {
      static_resources: fc.record(
        {
          listeners: fc.oneof(fc.array(dictOf(['name', 'address', 'filter_chains', 'listener_filters', 'udp_listener_config']), { maxLength: 3 }), anyValue),
          clusters: fc.oneof(fc.array(dictOf(['name', 'type', 'load_assignment', 'connect_timeout', 'lb_policy', 'transport_socket']), { maxLength: 3 }), anyValue),
        },
        { requiredKeys: [] },
      ),
      admin: fc.oneof(dictOf(['address', 'access_log']), anyValue),
      node: anyValue,
      dynamic_resources: anyValue,
    },
    { requiredKeys: [] },
  )
  .chain((value) => fc.constantFrom(yaml.stringify(value), (() => { try { return JSON.stringify(value); } catch { return yaml.stringify(value); } })()));

// ---- The fuzz -----------------------------------------------------------------------------------

/** Categories of fuzz input: `runs` of each, 10,000 in all. */
const CATEGORIES: { name: string; runs: number; input: fc.Arbitrary<string> }[] = [
  { name: 'random text', runs: 3500, input: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })) },
  { name: 'YAML-ish junk', runs: 2500, input: yamlishText },
  { name: 'values in a bootstrap’s shape', runs: 1200, input: bootstrapShaped },
  { name: 'valid configs, damaged as text', runs: 1000, input: damagedText },
  { name: 'valid configs, lines moved about', runs: 600, input: damagedLines },
  { name: 'valid configs, damaged in structure', runs: 1200, input: damagedStructure },
];

describe('importEnvoyConfig under fuzzing', () => {
  it('runs 10,000 cases in all', () => {
    expect(CATEGORIES.reduce((sum, c) => sum + c.runs, 0)).toBeGreaterThanOrEqual(10_000);
  });

  it.each(CATEGORIES.map((c) => [c.name, c] as const))('%s: a design or named problems, never a throw', (_name, c) => {
    fc.assert(fc.property(c.input, expectWellBehaved), { seed: SEED, numRuns: c.runs });
  }, 60_000);
});
