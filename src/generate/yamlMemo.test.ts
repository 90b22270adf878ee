import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { corpusConfigs } from '../validate/fixtures.testkit.node';
import { buildBootstrap } from './envoy/bootstrap';
import { toYamlText } from './serialize';
import { forgetYamlMemo, YAML_CREATE_OPTIONS, YAML_STRING_OPTIONS, yamlMemoStats } from './yamlMemo';
import { buildDesign } from '../../bench/designs';

// The reference: the library alone, nothing remembered.
const plain = (value: unknown) => stringify(value, { ...YAML_CREATE_OPTIONS, ...YAML_STRING_OPTIONS });

// Big enough to be remembered (yamlMemo's MIN_MEMO_CHARS is 200).
const padding = 'x'.repeat(220);

describe('toYamlText reusing remembered parts', () => {
  beforeEach(() => forgetYamlMemo());

  it('is byte for byte the library’s text for random JSON values, one after another (so reuse happens)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(padding, 'a\n', 'a\n\n', ' lead', '#x', '- y', 'null', '1e3', '\u0000', '\u00000\u0000'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 5 }),
      map: fc.dictionary(text, tie('node'), { maxKeys: 5 }),
    })).node;
    // Values share parts with earlier ones (a pool), at other depths and places.
    const pool: unknown[] = [];
    fc.assert(
      fc.property(value, fc.nat(), (v, pick) => {
        const shared = pool.length > 0 ? pool[pick % pool.length] : null;
        const candidate = [v, { nested: [shared, { deeper: [shared, v] }] }, [[v]]];
        pool.push(v);
        for (const item of candidate) expect(toYamlText(item)).toBe(plain(item));
      }),
      { seed: 20261126, numRuns: 1500 },
    );
  }, 120_000);

  it('is the library’s text for random designs’ bootstraps, and again after each one is edited', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const bootstrap = buildBootstrap(design);
        expect(toYamlText(bootstrap)).toBe(plain(bootstrap));
        const renamed = { ...design, clusters: design.clusters.map((c, i) => (i === 0 ? { ...c, name: `${c.name}-renamed` } : c)) };
        const again = buildBootstrap(renamed);
        expect(toYamlText(again)).toBe(plain(again));
        expect(toYamlText(bootstrap)).toBe(plain(bootstrap));
      }),
      { seed: 20261126, numRuns: 150 },
    );
  }, 120_000);

  it('is the library’s text for every corpus config, twice (the second time from what it remembers)', () => {
    for (const { config } of corpusConfigs()) {
      expect(toYamlText(config)).toBe(plain(config));
      expect(toYamlText(config)).toBe(plain(config));
    }
  });

  it('serialises an edited design’s unchanged parts from memory', () => {
    const design = buildDesign(100);
    toYamlText(buildBootstrap(design));
    expect(yamlMemoStats().reused).toBe(0);
    // Every cluster (each is over 200 characters) and every virtual host at least.
    expect(yamlMemoStats().entries).toBeGreaterThan(design.clusters.length);
    const renamed = { ...design, clusters: design.clusters.map((c, i) => (i === 3 ? { ...c, name: 'renamed' } : c)) };
    const bootstrap = buildBootstrap(renamed);
    expect(toYamlText(bootstrap)).toBe(plain(bootstrap));
    // Every cluster but the renamed one came from memory.
    expect(yamlMemoStats().reused).toBeGreaterThanOrEqual(design.clusters.length - 1);
  });

  it('keeps block scalars that end in line breaks (they tell their parent) and repeats the same part at other indentations', () => {
    const part = { text: `${padding}\n\n`, more: padding, list: [{ keep: 'end\n\n', padding }] };
    const value = { a: [part, { inner: [part] }], b: [[part]], c: [part] };
    expect(toYamlText(value)).toBe(plain(value));
    expect(toYamlText(value)).toBe(plain(value));
    expect(toYamlText([part])).toBe(plain([part]));
  });
});
