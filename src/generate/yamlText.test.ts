import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { corpusConfigs } from '../validate/fixtures.testkit.node';
import { buildBootstrap } from './envoy/bootstrap';
import { deepFreeze } from './envoy/remembered';
import { layoutText, toYamlText, YAML_OPTIONS } from './yamlText';

// The reference: the library alone.
const library = (value: unknown) => stringify(value, YAML_OPTIONS);

// Strings YAML gives meanings to: indicators, core-schema words, numbers, document markers,
// escapes, line breaks in every position a block scalar treats differently.
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '#', '-', '.', '%', "'", '"', '|', '\t', '0', '@', '/'), maxLength: 12 }),
  fc.constantFrom('', 'k'.repeat(1030), 'null', 'True', '~', '1e3', '0x1F', '.inf', '---', '...', '%YAML', '- y', '? k', 'a: b', 'a #b', 'a\n', 'a\n\n', 'a\nb', ' a\nb', '\na', 'a\n ', 'a \nb', 'a\tb\n', '\u0000', 'é\nü', '\u2028'),
);

const jsonValue = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, nastyText, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 5 }),
  map: fc.dictionary(nastyText, tie('node'), { maxKeys: 5 }),
})).node;

describe('toYamlText', () => {
  it('is byte for byte the library’s text for random JSON values', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        for (const item of [value, { nested: [value, { deeper: [value] }] }, [[value]]]) expect(toYamlText(item)).toBe(library(item));
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  }, 120_000);

  it('is the library’s text for frozen values met again at other depths (their remembered texts)', () => {
    const pool: unknown[] = [];
    fc.assert(
      fc.property(jsonValue, fc.nat(), (value, pick) => {
        const frozen = deepFreeze(structuredClone(value));
        const shared = pool.length > 0 ? pool[pick % pool.length] : null;
        pool.push(frozen);
        for (const item of [frozen, { nested: [shared, { deeper: [shared, frozen] }] }, [[frozen, shared]]]) expect(toYamlText(item)).toBe(library(item));
      }),
      { seed: 20261127, numRuns: 1500 },
    );
  }, 120_000);

  it('writes a text it wrote of a frozen value, embedded as a block (a ConfigMap’s envoy.yaml), as the library does', () => {
    fc.assert(
      fc.property(jsonValue, fc.boolean(), (value, frozen) => {
        const document = { top: value, list: [value] };
        if (frozen) deepFreeze(document);
        const text = toYamlText(document);
        for (const embedding of [{ data: { 'envoy.yaml': text } }, { items: [{ data: [text] }] }]) expect(toYamlText(embedding)).toBe(library(embedding));
      }),
      { seed: 20261128, numRuns: 1500 },
    );
  }, 120_000);

  it('writes random designs’ bootstraps itself (no fallback), as the library does, also after an edit', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const bootstrap = buildBootstrap(design);
        expect(layoutText(bootstrap)).toBe(library(bootstrap));
        const renamed = { ...design, clusters: design.clusters.map((c, i) => (i === 0 ? { ...c, name: `${c.name}: "renamed"` } : c)) };
        const again = buildBootstrap(renamed);
        expect(layoutText(again)).toBe(library(again));
      }),
      { seed: 20261126, numRuns: 150 },
    );
  }, 120_000);

  it('writes every corpus config as the library does', () => {
    let written = 0;
    for (const { config } of corpusConfigs()) {
      expect(toYamlText(config)).toBe(library(config));
      if (layoutText(config) !== null) written += 1;
    }
    // Real configs are what the layout writer is for: nearly all of them must not fall back.
    expect(written).toBeGreaterThan(corpusConfigs().length * 0.9);
  });

  it('leaves to the library what only it writes exactly, and gives the library’s text', () => {
    const unusual: unknown[] = [
      { keep: 'ends in two breaks\n\n' },
      { lead: ' leading space\nsecond line' },
      { escaped: 'bell\u0007\nsecond line' },
      { trailing: 'line\nwith trailing space ' },
      { '--- marker key': 1 },
      { ['k'.repeat(1100)]: 1 },
      { ['k '.repeat(600)]: 1 },
      [1, undefined, 2],
      { nan: Number.NaN },
      { when: new Date(0) },
      'a scalar document',
    ];
    for (const value of unusual) {
      expect(layoutText(value)).toBeNull();
      expect(toYamlText(value)).toBe(library(value));
    }
  });

  it('writes block literals for multi-line strings, empty lines left empty', () => {
    const value = { data: { 'envoy.yaml': 'admin:\n  address: x\n\nlast: 1\n' }, list: ['a\nb'] };
    expect(layoutText(value)).toBe('data:\n  envoy.yaml: |\n    admin:\n      address: x\n\n    last: 1\nlist:\n  - |-\n    a\n    b\n');
    expect(layoutText(value)).toBe(library(value));
  });
});
