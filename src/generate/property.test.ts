// Property tests: every valid design generates a bundle Envoy and Kubernetes would accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { protoRuleViolations } from '../validate/protoRules';
import { loadDesign, loadDesignText } from '../model/load';
import { designProblems } from '../model/problems';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { parseBootstrap } from '../validate/envoySchema';
import { deployabilityErrors } from './deployable.testkit';
import { generateFiles } from './files';

const registry = loadEnvoyRegistry();
const SEED = 20261125;
const RUNS = 300;

describe('generateFiles on random valid designs', () => {
  it(
    'loads, generates deterministically, deploys, keeps the protos’ validate rules, and envoy.yaml equals envoy.json',
    () => {
      fc.assert(
        fc.property(arbitraryDesign(), (design) => {
          const loaded = loadDesign(structuredClone(design));
          if (!loaded.ok) throw new Error(`loadDesign refused: ${loaded.errors.join('; ')}`);
          expect(loaded.design).toEqual(design);
          expect(designProblems(design)).toEqual([]);

          const files = generateFiles(design);
          expect(generateFiles(structuredClone(design))).toEqual(files);

          expect(deployabilityErrors(files, registry)).toEqual([]);
          expect(parse(files['envoy.yaml'])).toEqual(JSON.parse(files['envoy.json']));

          // Envoy checks these on load too; the strict parse in deployabilityErrors does not.
          const parsed = parseBootstrap(JSON.parse(files['envoy.json']), registry);
          if (!parsed.ok) throw new Error(parsed.error);
          expect(protoRuleViolations(parsed.message, registry)).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    60_000,
  );

  it(
    'design.json reloads to the same design and regenerates the same bundle',
    () => {
      fc.assert(
        fc.property(arbitraryDesign(), (design) => {
          const files = generateFiles(design);
          const reloaded = loadDesignText(files['design.json']);
          if (!reloaded.ok) throw new Error(reloaded.errors.join('; '));
          expect(reloaded.design).toEqual(design);
          expect(generateFiles(reloaded.design)).toEqual(files);
        }),
        { seed: SEED, numRuns: 100 },
      );
    },
    60_000,
  );
});

describe('the checks the property relies on can fail', () => {
  const sample = fc.sample(arbitraryDesign(), { seed: SEED, numRuns: 50 });
  const withCluster = sample.find((d) => d.clusters.length > 0)!;

  it('deployabilityErrors reports a cluster threshold Envoy cannot represent', () => {
    const broken = structuredClone(withCluster);
    broken.clusters[0].circuitBreakers = { maxConnections: 2 ** 32, maxPendingRequests: null, maxRequests: null, maxRetries: null };
    expect(deployabilityErrors(generateFiles(broken), registry).join('\n')).toMatch(/out of range/);
  });

  it('protoRuleViolations reports a zero connect timeout (valid JSON, refused by Envoy on load)', () => {
    const broken = structuredClone(withCluster);
    broken.clusters[0].connectTimeout = '0s';
    const parsed = parseBootstrap(JSON.parse(generateFiles(broken)['envoy.json']), registry);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(protoRuleViolations(parsed.message, registry)).toEqual(['static_resources.clusters[0].connect_timeout: 0s must be > 0s']);
  });

  it('the arbitrary is varied: every match kind, action kind, cluster type and protocol appears', () => {
    const seen = new Set<string>();
    for (const design of fc.sample(arbitraryDesign(), { seed: SEED, numRuns: RUNS })) {
      for (const l of design.listeners) seen.add(`protocol:${l.protocol}`);
      for (const c of design.clusters) seen.add(`type:${c.type}`).add(`lb:${c.lbPolicy}`);
      for (const rule of design.routes.flatMap((r) => r.rules)) {
        seen.add(`match:${rule.match.pathKind}`).add(`action:${rule.action.kind}`);
        for (const h of rule.match.headers) seen.add(`header:${h.kind}`);
        for (const q of rule.match.queryParameters) seen.add(`query:${q.kind}`);
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'protocol:http', 'protocol:tcp',
        'type:STATIC', 'type:STRICT_DNS', 'type:LOGICAL_DNS',
        'lb:ROUND_ROBIN', 'lb:LEAST_REQUEST', 'lb:RANDOM', 'lb:RING_HASH', 'lb:MAGLEV',
        'match:prefix', 'match:path', 'match:safe_regex', 'match:path_separated_prefix',
        'action:cluster', 'action:weighted', 'action:redirect', 'action:direct',
        'header:exact', 'header:prefix', 'header:regex', 'header:present', 'header:absent',
        'query:exact', 'query:prefix', 'query:regex', 'query:present',
      ].sort(),
    );
  });
});
