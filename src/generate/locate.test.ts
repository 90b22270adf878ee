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
