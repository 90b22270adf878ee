// Every config of the Envoy corpus (real configs from envoyproxy/envoy and envoyproxy/examples,
// Apache-2.0) imports, and generating the imported design gives back the original config:
// proto-equal once Envoy's protos parse both (what the bundled protos do not know, as JSON).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateFiles } from '../generate/files';
import { designJson } from '../generate/designJson';
import { buildBootstrap } from '../generate/envoy/bootstrap';
import { loadDesignText } from '../model/load';
import { decodePermalink, encodePermalink } from '../share/permalink';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { importEnvoyConfig } from './importEnvoy';
import { configsProtoEqual } from './protoCompare';

const registry = loadEnvoyRegistry();
// The corpus is shared with the validator's tests (one copy in the repository).
const CORPUS = new URL('../validate/__fixtures__/envoy-corpus/', import.meta.url);
const FILES = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();
const read = (file: string) => readFileSync(new URL(file, CORPUS), 'utf8');

/**
 * Corpus files whose round trip is NOT proto-equal, with why. Exact: a file that starts to round-trip
 * must be removed from here (the test says so). Empty today: every file round-trips.
 */
const EXCEPTIONS: Record<string, string> = {};

type Outcome = { file: string; equal: boolean; reason: string };

const IMPORTED = new Map(FILES.map((file) => [file, importEnvoyConfig(read(file), registry, { name: file })]));

const outcomes: Outcome[] = FILES.map((file) => {
  const text = read(file);
  const imported = IMPORTED.get(file)!;
  if (!imported.ok) return { file, equal: false, reason: `refused: ${imported.errors.join('; ')}` };
  // Through the text the user deploys: envoy.yaml, parsed back.
  const rendered = parse(generateFiles(imported.design)['envoy.yaml']);
  const compared = configsProtoEqual(rendered, parse(text), registry);
  return { file, equal: compared.equal, reason: compared.equal ? '' : compared.reason };
});

describe('Envoy corpus round trip: render(import(config)) is proto-equal to config', () => {
  it('holds the corpus', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(120);
  });

  it('at least 95 % of the files round-trip proto-equal', () => {
    const equal = outcomes.filter((o) => o.equal).length;
    expect(equal / FILES.length).toBeGreaterThanOrEqual(0.95);
  });

  it('the files that do not are exactly the table of exceptions', () => {
    const failing = Object.fromEntries(outcomes.filter((o) => !o.equal).map((o) => [o.file, o.reason]));
    const newlyPassing = Object.keys(EXCEPTIONS).filter((f) => !(f in failing));
    expect(newlyPassing, 'these files round-trip now: remove them from EXCEPTIONS').toEqual([]);
    expect(Object.keys(failing).sort()).toEqual(Object.keys(EXCEPTIONS).sort());
  });
});

describe.each(FILES)('corpus: %s', (file) => {
  const text = read(file);
  const imported = IMPORTED.get(file)!;
  if (!imported.ok) throw new Error(`${file}: ${imported.errors.join('; ')}`);
  const { design, summary } = imported;

  it('says up front what cannot round-trip, only when it cannot', () => {
    expect(summary.unsupported.length > 0).toBe(file in EXCEPTIONS);
  });

  it('round-trips without the protos too (JSON-equal, as protobuf JSON reads it)', () => {
    const plain = importEnvoyConfig(text, undefined, { name: file });
    if (!plain.ok) throw new Error(plain.errors.join('; '));
    expect(plain.summary.unsupported).toEqual([]);
    expect(configsProtoEqual(buildBootstrap(plain.design), parse(text), registry)).toEqual({ equal: true });
  });

  it('design.json and the permalink carry the kept data losslessly', () => {
    const json = designJson(design);
    const reloaded = loadDesignText(json);
    if (!reloaded.ok) throw new Error(reloaded.errors.join('; '));
    expect(reloaded.design).toEqual(design);
    const decoded = decodePermalink(encodePermalink(design));
    if (!decoded.ok) throw new Error(decoded.errors.join('; '));
    expect(decoded.design).toEqual(design);
    expect(designJson(decoded.design)).toBe(json);
  });
});
