import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusConfigs } from '../validate/fixtures.testkit.node';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { buildBootstrap } from './envoy/bootstrap';
import { yamlSizeBound } from './yamlSize';
import { toYamlText } from './yamlText';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

// validateDesign skips serialising envoy.yaml when this bound proves the ConfigMap fits: a bound
// below the real size would hide a ConfigMap the API server refuses.
describe('yamlSizeBound', () => {
  it('is never below the YAML’s real size for any JSON value (unicode, controls, deep nesting)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 5 }),
      map: fc.dictionary(text, tie('node'), { maxKeys: 5 }),
    })).map;
    fc.assert(
      fc.property(value, (v) => {
        expect(yamlSizeBound(v)).toBeGreaterThanOrEqual(utf8Bytes(toYamlText(v)));
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  }, 60_000);

  it('holds for every corpus config and for random designs’ bootstraps', () => {
    for (const { config } of corpusConfigs()) expect(yamlSizeBound(config)).toBeGreaterThanOrEqual(utf8Bytes(toYamlText(config)));
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const bootstrap = buildBootstrap(design);
        expect(yamlSizeBound(bootstrap)).toBeGreaterThanOrEqual(utf8Bytes(toYamlText(bootstrap)));
      }),
      { seed: 20261125, numRuns: 100 },
    );
  }, 60_000);

  it('gives up (Infinity) on multi-line strings, whose block literals repeat the indentation', () => {
    expect(yamlSizeBound({ a: { b: { c: 'one\ntwo' } } })).toBe(Infinity);
    expect(yamlSizeBound({ a: 'one line' })).toBeLessThan(Infinity);
  });
});
