// Bad input is refused with a clear message naming the place; nothing ever throws.
import { describe, expect, it, vi } from 'vitest';
import * as yaml from 'yaml';
import { designJson } from '../generate/designJson';
import { defaultDesign } from '../model/templates';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { importEnvoyConfig, type ImportResult } from './importEnvoy';

// Spy on the YAML parser, keeping its behaviour: the size cap must refuse before it runs.
vi.mock('yaml', async (importOriginal) => {
  const actual = await importOriginal<typeof import('yaml')>();
  return { ...actual, parseDocument: vi.fn(actual.parseDocument) };
});

const registry = loadEnvoyRegistry();
const HCM = 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';

const errorsOf = (result: ImportResult) => {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.errors;
};
const refusal = (text: string, withProtos = false) => errorsOf(importEnvoyConfig(text, withProtos ? registry : undefined)).join('\n');

describe('refused before or while parsing', () => {
  it('a 50 MB input, by the size cap, without parsing it', () => {
    vi.mocked(yaml.parseDocument).mockClear();
    const huge = `static_resources: {}\n${'#'.repeat(50 * 1024 * 1024)}`;
    const started = performance.now();
    expect(refusal(huge)).toBe('the config is too large to import: 50.0 MiB, the limit is 5 MiB');
    expect(performance.now() - started).toBeLessThan(100);
    expect(yaml.parseDocument).not.toHaveBeenCalled();
  });

  it('empty text, and what is not text', () => {
    expect(refusal('  \n')).toMatch(/the config is empty/);
    expect(errorsOf(importEnvoyConfig(42 as unknown as string))).toEqual(['the config must be text (YAML or JSON)']);
  });

  it('not YAML (nor JSON), with line and column', () => {
    expect(refusal('static_resources:\n  listeners: [\n')).toMatch(/^not YAML or JSON \(line \d+, column \d+\): /);
    expect(refusal('{"static_resources": {"listeners": [}}')).toMatch(/^not YAML or JSON \(line 1, column \d+\)/);
    expect(refusal('admin: {}\nadmin: {}\n')).toMatch(/^not YAML or JSON \(line 2, column 1\): Map keys must be unique/);
    expect(refusal('admin: {}\n---\nadmin: {}\n')).toMatch(/^not YAML or JSON .*multiple documents/i);
  });

  it('a YAML alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(refusal(`${lines.join('\n')}\nstatic_resources: {}\n`)).toMatch(/the YAML cannot be read: .*alias/i);
  });
});

describe('not an Envoy bootstrap', () => {
  it.each([
    ['42', /the document is a number/],
    ['- a\n- b', /the document is a list/],
    ['"text"', /the document is a string/],
    ['~', /the document is empty/],
    ['apiVersion: v1\nkind: ConfigMap\ndata: {}\n', /a Kubernetes ConfigMap manifest; import the envoy.yaml it holds instead/],
    ['foo: 1\nbar: 2\n', /none of static_resources, dynamic_resources, admin, node … at the top level \(found: foo, bar\)/],
  ])('%j', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('a design document', () => {
    expect(refusal(designJson(defaultDesign()))).toMatch(/this is a design document \(design\.json\); open it/);
  });
});

describe('v2 config, with where it is', () => {
  it('a filter configured by `config`', () => {
    const text = `static_resources:
  listeners:
  - name: l
    address: { socket_address: { address: 0.0.0.0, port_value: 80 } }
    filter_chains:
    - filters:
      - name: envoy.http_connection_manager
        config: { stat_prefix: x }
`;
    expect(refusal(text)).toBe(
      'static_resources.listeners[0].filter_chains[0].filters[0].config (line 8, column 17): is v2 (removed in v3): configure "envoy.http_connection_manager" with typed_config and an "@type"',
    );
  });

  it('cluster hosts and tls_context', () => {
    const text = 'static_resources:\n  clusters:\n  - name: c\n    hosts: [{ socket_address: { address: a, port_value: 1 } }]\n    tls_context: {}\n';
    expect(refusal(text)).toBe(
      'static_resources.clusters[0].hosts (line 4, column 12): is v2 (removed in v3); use load_assignment with endpoints\n' +
        'static_resources.clusters[0].tls_context (line 5, column 18): is v2 (removed in v3); use transport_socket with an UpstreamTlsContext typed_config',
    );
  });

  it('v2 types and API versions', () => {
    const text = `static_resources:
  listeners:
  - filter_chains:
    - filters:
      - name: x
        typed_config: { "@type": type.googleapis.com/envoy.config.filter.network.http_connection_manager.v2.HttpConnectionManager }
dynamic_resources:
  cds_config: { resource_api_version: V2, ads: {} }
`;
    const message = refusal(text);
    expect(message).toMatch(/typed_config\.@type \(line 6, column 34\): "envoy\.config\.filter\.network\.http_connection_manager\.v2\.HttpConnectionManager" is a v2 type/);
    expect(message).toMatch(/dynamic_resources\.cds_config\.resource_api_version \(line 8, column 39\): V2 xDS is removed; use V3/);
  });
});

describe('values of the wrong type, with where they are', () => {
  it('in what the model reads, with or without the protos', () => {
    const text = `static_resources:
  listeners:
  - name: l
    address:
      socket_address: { address: 0.0.0.0, port_value: eighty }
    filter_chains:
    - filters:
      - name: hcm
        typed_config:
          "@type": ${HCM}
          stat_prefix: l
          route_config: { virtual_hosts: { name: vh } }
  clusters: nope
`;
    const message = refusal(text);
    expect(message).toMatch(/^static_resources\.clusters \(line 13, column 13\): must be a list, got the string "nope"$/m);
    const listeners = refusal(text.replace('clusters: nope', 'clusters: []'));
    expect(listeners).toMatch(/^static_resources\.listeners\[0\]\.address\.socket_address\.port_value \(line 5, column 55\): must be a number, got the string "eighty"$/m);
    expect(listeners).toMatch(/virtual_hosts \(line 12, column 42\): must be a list, got an object$/m);
    expect(refusal(text.replace('clusters: nope', 'clusters: []'), true)).toMatch(/port_value \(line 5, column 55\): must be a number, got the string "eighty"/);
  });

  it('anywhere, with the protos', () => {
    const text = 'static_resources:\n  listeners:\n  - name: l\n    per_connection_buffer_limit_bytes: [1]\n    enable_reuse_port: "yes"\n';
    expect(refusal(text, true)).toBe(
      'static_resources.listeners[0].per_connection_buffer_limit_bytes (line 4, column 40): must be a number, got a list\n' +
        'static_resources.listeners[0].enable_reuse_port (line 5, column 24): must be true or false, got the string "yes"',
    );
    // Without them, a field the model does not read is kept as written.
    expect(importEnvoyConfig(text).ok).toBe(true);
  });

  it('an element that is not an object', () => {
    expect(refusal('static_resources:\n  listeners: [42]\n')).toBe('static_resources.listeners[0] (line 2, column 15): must be an object, got number 42');
  });
});

describe('never throws', () => {
  it('on deeply nested input', () => {
    for (const text of [`{"node":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, `{"node":${'['.repeat(20_000)}${']'.repeat(20_000)}}`, `node:\n  ${'- '.repeat(20_000)}1\n`]) {
      const result = importEnvoyConfig(text, registry);
      expect(result.ok || result.errors.length > 0).toBe(true);
    }
    expect(errorsOf(importEnvoyConfig(`node:\n  ${'- '.repeat(20_000)}1\n`))[0]).toMatch(/^not YAML or JSON \(line 2, column \d+\)/);
  });

  // Random input, 10,000 cases: importEnvoy.fuzz.test.ts.
});

describe('numbers JSON cannot hold', () => {
  // YAML reads `.inf`, `.nan` and 1e400 as numbers that no JSON (so no design.json) can hold. Kept
  // verbatim they would be written as null: parseConfigText refuses them with the line and column.
  it('are refused with where they are', () => {
    expect(refusal('node:\n  metadata: { x: .inf }\n', true)).toMatch(/^node\.metadata\.x \(line 2, column 18\): /);
  });

  it('are refused, never kept as null', () => {
    for (const value of ['.inf', '-.inf', '.nan', '1e400']) {
      expect(refusal(`node:\n  metadata: { x: ${value} }\n`, true)).toMatch(/is not a JSON number/);
    }
  });
});
