// Test kit for permalinks: a large design made with the model's operations (the size budget is
// measured on it), and the fuzz inputs shared by the fuzz test and the benchmark.
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { arbitraryDesign } from '../model/arbitrary.testkit';
import { connect } from '../model/connections';
import { addCluster, addListener, addRoute, addRule } from '../model/operations';
import { emptyDesign, TEMPLATES } from '../model/templates';
import type { Design } from '../model/schema';
import { encodePermalink, toBase64Url } from './permalink';

/**
 * 100 elements, as a user would draw them: 10 listeners, 30 routes of 2 rules each, 60 clusters.
 * Listener i serves routes 3i…3i+2; rule k forwards to cluster k; every fifth rule splits its
 * traffic with the next cluster. Positions are a grid, like hand placement. Deterministic.
 */
export function largeDesign(): Design {
  let design: Design = { ...emptyDesign(), name: 'A hundred elements' };
  const listenerIds: string[] = [];
  const routeIds: string[] = [];
  const clusterIds: string[] = [];
  for (let i = 0; i < 60; i++) {
    const added = addCluster(design, { x: 760 + (i % 3) * 260, y: Math.floor(i / 3) * 140 });
    design = added.design;
    clusterIds.push(added.id);
  }
  for (let i = 0; i < 30; i++) {
    const added = addRoute(design, { x: 380, y: i * 180 });
    design = addRule(added.design, added.id).design;
    routeIds.push(added.id);
  }
  for (let i = 0; i < 10; i++) {
    const added = addListener(design, { x: 0, y: i * 240 });
    design = added.design;
    listenerIds.push(added.id);
  }
  listenerIds.forEach((listenerId, i) => {
    for (const routeId of routeIds.slice(3 * i, 3 * i + 3)) design = connected(design, listenerId, routeId);
  });
  const ruleIds = design.routes.flatMap((route) => route.rules.map((rule) => rule.id));
  ruleIds.forEach((ruleId, k) => {
    design = connected(design, ruleId, clusterIds[k]);
    if (k % 5 === 0) design = connected(design, ruleId, clusterIds[(k + 1) % clusterIds.length]);
  });
  return design;
}

function connected(design: Design, sourceId: string, targetId: string): Design {
  const result = connect(design, sourceId, targetId);
  if (!result.ok) throw new Error(`largeDesign: ${sourceId} → ${targetId}: ${result.reason}`);
  return result.design;
}

// ---- Fuzz inputs ----------------------------------------------------------------------------

export const FUZZ_SEED = 20_261_104;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base64url = (maxLength: number) => fc.string({ unit: fc.constantFrom(...BASE64URL), maxLength });
const encoder = new TextEncoder();
const deflated = (text: string) => toBase64Url(deflateSync(encoder.encode(text), { level: 6 }));

/** Valid fragments to damage: every template and some random designs, made once. */
let validPool: string[] | undefined;
export function validFragments(): string[] {
  validPool ??= [
    ...TEMPLATES.map((t) => encodePermalink(t.build())),
    ...fc.sample(arbitraryDesign(), { seed: FUZZ_SEED, numRuns: 24 }).map(encodePermalink),
  ];
  return validPool;
}

/** A valid fragment's bytes, damaged: bytes flipped, cut short, bytes or text inserted. */
const damagedFragment = fc
  .record({
    pick: fc.nat(),
    edits: fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
        fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
        fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 4 }) }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ pick, edits }) => {
    const pool = validFragments();
    const fragment = pool[pick % pool.length];
    let bytes = Uint8Array.from(atobUrl(fragment.slice(4)));
    let suffix = '';
    for (const edit of edits) {
      const at = bytes.length === 0 ? 0 : edit.at % (bytes.length + 1);
      if (edit.op === 'flip' && bytes.length > 0) bytes[at % bytes.length] ^= edit.bits;
      if (edit.op === 'truncate') bytes = bytes.slice(0, at);
      if (edit.op === 'insert') bytes = Uint8Array.from([...bytes.slice(0, at), ...edit.bytes, ...bytes.slice(at)]);
      if (edit.op === 'text') suffix += edit.text;
    }
    const data = toBase64Url(bytes);
    // Text edits damage the base64url itself (a character that does not belong, or a cut).
    return `d=1.${suffix ? data.slice(0, data.length / 2) + suffix + data.slice(data.length / 2) : data}`;
  });

function atobUrl(data: string): number[] {
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (data.length % 4)) % 4));
  return [...binary].map((c) => c.charCodeAt(0));
}

/** JSON values a link may hold that no encoder made: random JSON, and design-shaped junk. */
const designish = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
    name: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
    listeners: fc.array(fc.oneof(fc.dictionary(fc.constantFrom('id', 'name', 'port', 'routeIds', 'tls', 'tcpClusterId'), fc.jsonValue({ maxDepth: 2 })), fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 }),
    routes: fc.array(
      fc.record({ name: fc.string(), rules: fc.array(fc.dictionary(fc.constantFrom('id', 'action', 'match', 'headers'), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }) }, { requiredKeys: [] }),
      { maxLength: 4 },
    ),
    clusters: fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'endpoints', 'healthCheck', 'tls', 'type'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }),
    deployment: fc.jsonValue({ maxDepth: 2 }),
    layout: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
    layoutOther: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

/** Categories of fuzz input: `runs` of each, 10,000 in all. */
export const FUZZ_CATEGORIES: { name: string; runs: number; input: fc.Arbitrary<string> }[] = [
  {
    name: 'random strings',
    runs: 2000,
    input: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ maxLength: 200 }).map((s) => `#d=${s}`),
      fc.tuple(fc.webUrl(), fc.string({ maxLength: 100 })).map(([url, s]) => `${url}#d=1.${s}`),
    ),
  },
  {
    name: 'random base64url',
    runs: 2000,
    input: fc.oneof(
      base64url(600).map((s) => `d=1.${s}`),
      fc.tuple(fc.nat({ max: 3 }), base64url(100)).map(([v, s]) => `#d=${v}.${s}`),
    ),
  },
  { name: 'damaged valid links', runs: 4000, input: damagedFragment },
  {
    name: 'deflated random JSON',
    runs: 2000,
    input: fc.oneof(
      fc.jsonValue().map((v) => `d=1.${deflated(JSON.stringify(v))}`),
      designish.map((v) => `d=1.${deflated(JSON.stringify(v))}`),
      fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `d=1.${deflated(s)}`),
    ),
  },
];

/** The same inputs as the fuzz test's, as plain strings (for the benchmark). */
export function fuzzInputs(): string[] {
  return FUZZ_CATEGORIES.flatMap((c) => fc.sample(c.input, { seed: FUZZ_SEED, numRuns: c.runs }));
}

/** Deflate of 50 MB of zeros: a decompression bomb (about 50 KB of deflate, 68 KB of link). */
export function bombFragment(): string {
  return `d=1.${toBase64Url(deflateSync(new Uint8Array(50_000_000), { level: 9 }))}`;
}
