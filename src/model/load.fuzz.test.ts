// Fuzzing the one load path (loadDesign / loadDesignText) with 10,000 inputs, fixed seed: random
// text, random JSON, design-shaped junk, valid designs damaged in their structure and in their
// text. Whatever comes in, the loader returns a design or a non-empty list of named problems and
// never throws; a design it returns is canonical (it loads again to itself) and every generated
// file can be built from it, so a loaded document can never crash the app. Inputs are bounded
// (lengths, depths), so memory is too; the loader's own depth cap is tested beside it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../generate/files';
import { designJson } from '../generate/designJson';
import { importEnvoyConfig } from '../import/importEnvoy';
import { arbitraryDesign } from './arbitrary.testkit';
import { MAX_DESIGN_DEPTH, loadDesign, loadDesignText, type LoadResult } from './load';
import { applyMutation, applyTextEdits, expectReadableErrors, keyName, mutation, nastyValue, textEdits, type Json } from './fuzz.testkit';
import { TEMPLATES } from './templates';

const SEED = 20_261_109;

function expectWellBehaved(result: LoadResult): void {
  if (result.ok) {
    // Canonical: what it saves loads again to the same bytes (JSON has no -0, so compare text).
    const text = designJson(result.design);
    const again = loadDesignText(text);
    expect(again.ok && designJson(again.design)).toBe(text);
    expect(Object.getPrototypeOf(result.design)).toBe(Object.prototype);
    // Every file builds: a design the loader accepts is one the app can show.
    for (const file of Object.values(generateFiles(result.design))) expect(typeof file).toBe('string');
  } else {
    expectReadableErrors(result.errors);
  }
  // `__proto__` keys in the input stay data: nothing leaks onto every object.
  expect(Object.keys(Object.prototype)).toEqual([]);
}

/** A value as a caller hands it over (light checks), then as the JSON text of a file (all checks). */
const loadBoth = (value: unknown) => {
  const direct = loadDesign(value);
  expect(direct.ok || direct.errors.length > 0).toBe(true);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined; // Not JSON-serialisable (a BigInt): only the direct path applies.
  }
  expectWellBehaved(text === undefined ? direct : loadDesignText(text));
};

// ---- Valid designs to damage ------------------------------------------------------------------

const CORPUS = 'src/validate/__fixtures__/envoy-corpus';
/** Imported configs carry kept data (KeptPatch, Verbatim): arbitrary JSON inside the design. */
const IMPORTED = ['examples__cors__frontend__envoy.yaml', 'examples__front-proxy__service-envoy.yaml', 'configs__envoy-demo.yaml'];

let pool: string[] | undefined;
/** The valid designs' JSON texts, made once. */
function validDesigns(): string[] {
  pool ??= [
    ...TEMPLATES.map((t) => t.build()),
    ...fc.sample(arbitraryDesign(), { seed: SEED, numRuns: 16 }),
    ...IMPORTED.map((file) => {
      const result = importEnvoyConfig(readFileSync(`${CORPUS}/${file}`, 'utf8'));
      if (!result.ok) throw new Error(`${file}: ${result.errors.join('; ')}`);
      return result.design;
    }),
  ].map(designJson);
  return pool;
}

/** Nested around the loader's depth cap, or past the stack depth that breaks recursive code. */
const deepValue = fc.constantFrom(MAX_DESIGN_DEPTH - 8, MAX_DESIGN_DEPTH - 1, MAX_DESIGN_DEPTH, MAX_DESIGN_DEPTH + 1, 20_000).map((depth) => {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
});
const damagedDesign = fc
  .record({ pick: fc.nat(), edits: fc.array(mutation, { minLength: 1, maxLength: 4 }), deep: fc.oneof({ arbitrary: fc.constant(null), weight: 15 }, { arbitrary: fc.record({ at: fc.nat(), value: deepValue }), weight: 1 }) })
  .map(({ pick, edits, deep }) => {
    const designs = validDesigns();
    const doc = JSON.parse(designs[pick % designs.length]) as Json;
    for (const edit of edits) applyMutation(doc, edit);
    // Last: the paths of a deep value are not worth walking.
    if (deep) applyMutation(doc, { op: 'replace', at: deep.at, value: deep.value });
    return doc;
  });

const damagedText = fc.record({ pick: fc.nat(), edits: textEdits }).map(({ pick, edits }) => {
  const designs = validDesigns();
  return applyTextEdits(designs[pick % designs.length], edits);
});

// ---- Junk ---------------------------------------------------------------------------------------

const anyJsonField = fc.jsonValue({ maxDepth: 3 });
const dictOf = (keys: string[]) => fc.dictionary(fc.oneof(fc.constantFrom(...keys), keyName), fc.oneof(anyJsonField, nastyValue), { maxKeys: 6 });
/** Objects with a design's keys and the right version, the values anything. */
const designShaped = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.constant(1), anyJsonField),
    name: fc.oneof(fc.string({ maxLength: 40 }), anyJsonField),
    listeners: fc.array(fc.oneof(dictOf(['id', 'name', 'address', 'port', 'protocol', 'routeIds', 'tcpClusterId', 'tls', 'kept']), anyJsonField), { maxLength: 3 }),
    routes: fc.array(fc.oneof(dictOf(['id', 'name', 'domains', 'rules', 'kept']), anyJsonField), { maxLength: 3 }),
    clusters: fc.array(fc.oneof(dictOf(['id', 'name', 'type', 'endpoints', 'lbPolicy', 'connectTimeout', 'kept']), anyJsonField), { maxLength: 3 }),
    deployment: fc.oneof(dictOf(['name', 'namespace', 'configMapName', 'admin', 'app', 'resources', 'labels', 'workloads']), anyJsonField),
    layout: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.record({ x: fc.double(), y: fc.double() }), anyJsonField), { maxKeys: 4 }), anyJsonField),
    keptBootstrap: anyJsonField,
    tests: fc.oneof(fc.array(dictOf(['id', 'name', 'request', 'expect']), { maxLength: 3 }), anyJsonField),
  },
  { requiredKeys: [] },
);

/** Text that looks like JSON: its tokens in random order. */
const jsonishText = fc
  .array(fc.oneof(fc.constantFrom('{', '}', '[', ']', ',', ':', '"version"', '1', '"', '\\u', 'null', 'true', '-', '1e999', ' ', '\n'), fc.string({ maxLength: 5 })), { maxLength: 60 })
  .map((tokens) => tokens.join(''));

// ---- The fuzz -----------------------------------------------------------------------------------

type Category<T> = { name: string; runs: number; input: fc.Arbitrary<T>; check: (input: T) => void };
const category = <T,>(c: Category<T>) => c as Category<unknown>;
const loadText = (text: string) => expectWellBehaved(loadDesignText(text));

/** Categories of fuzz input: `runs` of each, 10,000 in all. */
const CATEGORIES = [
  category({ name: 'random text', runs: 2500, input: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), jsonishText), check: loadText }),
  category({ name: 'random JSON values', runs: 2000, input: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 })), check: loadBoth }),
  category({ name: 'design-shaped junk', runs: 1500, input: designShaped, check: loadBoth }),
  category({ name: 'valid designs, damaged in structure', runs: 2500, input: damagedDesign, check: loadBoth }),
  category({ name: 'valid designs, damaged as text', runs: 1500, input: damagedText, check: loadText }),
];

describe('the design loader under fuzzing', () => {
  it('runs 10,000 cases in all', () => {
    expect(CATEGORIES.reduce((sum, c) => sum + c.runs, 0)).toBeGreaterThanOrEqual(10_000);
  });

  it.each(CATEGORIES.map((c) => [c.name, c] as const))('%s: a design or named problems, never a throw', (_name, c) => {
    fc.assert(fc.property(c.input, c.check), { seed: SEED, numRuns: c.runs });
  }, 60_000);
});
