import { describe, expect, it } from 'vitest';
import { generateFiles } from './files';
import { templateByName } from '../model/templates';
import { locateNearest, locatePath, parseConfigPath } from './locate';

describe('parseConfigPath', () => {
  it('splits keys, indexes and map keys, dropping unpacked-Any markers', () => {
    expect(parseConfigPath('static_resources.listeners[0].filter_chains[0].filters[0].typed_config<HttpConnectionManager>.route_config')).toEqual([
      'static_resources', 'listeners', 0, 'filter_chains', 0, 'filters', 0, 'typed_config', 'route_config',
    ]);
    expect(parseConfigPath('a.typed_extension_protocol_options[envoy.extensions.upstreams.http.v3.HttpProtocolOptions].x')).toEqual([
      'a', 'typed_extension_protocol_options', 'envoy.extensions.upstreams.http.v3.HttpProtocolOptions', 'x',
    ]);
  });
});

describe('locatePath', () => {
  const text = generateFiles(templateByName('front-proxy')!.build())['envoy.yaml'];
  it('finds the lines of a cluster in the YAML', () => {
    const range = locatePath(text, ['static_resources', 'clusters', 1])!;
    expect(text.split('\n')[range.startLine - 1]).toContain('- name: api');
    expect(range.endLine).toBeGreaterThan(range.startLine);
  });
  it('falls back to the nearest existing parent', () => {
    const parent = locatePath(text, ['static_resources', 'clusters', 1])!;
    expect(locateNearest(text, ['static_resources', 'clusters', 1, 'health_checks', 0])).toEqual(parent);
    expect(locatePath(text, ['nope'])).toBeNull();
  });
});

describe('locatePath in JSON', () => {
  const files = generateFiles(templateByName('front-proxy')!.build());
  const json = files['envoy.json'];
  it('finds a cluster from its opening to its closing brace', () => {
    const range = locatePath(json, ['static_resources', 'clusters', 1])!;
    const lines = json.split('\n');
    expect(lines[range.startLine - 1].trim()).toBe('{');
    expect(lines[range.startLine]).toContain('"name": "api"');
    expect(lines[range.endLine - 1].trim()).toMatch(/^}/);
    // The same cluster, parsed back from exactly those lines.
    expect(JSON.parse(lines.slice(range.startLine - 1, range.endLine).join('\n').replace(/,\s*$/, ''))).toEqual(JSON.parse(json).static_resources.clusters[1]);
  });
  it('finds a scalar on its own line, and nothing for a missing path', () => {
    const port = locatePath(json, ['static_resources', 'listeners', 0, 'address', 'socket_address', 'port_value'])!;
    expect(port.startLine).toBe(port.endLine);
    expect(json.split('\n')[port.startLine - 1]).toContain('"port_value"');
    expect(locatePath(json, ['static_resources', 'clusters', 99])).toBeNull();
  });
});
