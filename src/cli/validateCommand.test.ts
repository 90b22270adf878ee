import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { designJson } from '../generate/designJson.ts';
import { removeElement } from '../model/operations.ts';
import { templateByName } from '../model/templates.ts';
import { loadEnvoyRegistry } from '../validate/envoySchema.node.ts';
import { runValidate } from './validateCommand.ts';

const registry = loadEnvoyRegistry();
const memoryIo = (files: Record<string, string>) => ({
  readFile: (path: string) => {
    if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return files[path];
  },
});
const run = (args: string[], files: Record<string, string> = {}) => runValidate(args, memoryIo(files), registry);
const output = (stdout: string) => JSON.parse(stdout);

const goodConfig = {
  static_resources: {
    listeners: [
      {
        name: 'l',
        address: { socket_address: { address: '0.0.0.0', port_value: 10000 } },
        filter_chains: [{ filters: [{ name: 'tcp', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy', stat_prefix: 't', cluster: 'c' } }] }],
      },
    ],
    clusters: [{ name: 'c', type: 'strict_dns', connect_timeout: '1s' }],
  },
};

describe('cli validate', () => {
  it('a valid design.json: ok, exit 0', () => {
    const result = run(['design.json'], { 'design.json': designJson(templateByName('canary')!.build()) });
    expect(result.code).toBe(0);
    expect(output(result.stdout)).toEqual({ ok: true, input: 'design', errors: [], warnings: [], notChecked: [] });
  });

  it('a design with a removed cluster: errors with element ids, exit 1', () => {
    const design = removeElement(templateByName('canary')!.build(), 'cluster-2');
    const result = run(['d.json'], { 'd.json': designJson(design) });
    expect(result.code).toBe(1);
    const body = output(result.stdout);
    expect(body.ok).toBe(false);
    expect(body.errors).toContainEqual(expect.objectContaining({ rule: 'envoy.unknown-cluster', elementId: 'rule-1', message: "route: unknown weighted cluster 'cluster-2'" }));
  });

  it('an Envoy config in YAML: findings by path, infos under notChecked', () => {
    const config = structuredClone(goodConfig) as Record<string, any>;
    config.static_resources.listeners[0].listener_filters = [{ name: 'x', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.listener.contrib.v3.Nope' } }];
    const result = run(['envoy.yaml'], { 'envoy.yaml': stringify(config) });
    expect(result.code).toBe(0);
    expect(output(result.stdout)).toEqual({
      ok: true,
      input: 'envoy-config',
      errors: [],
      warnings: [],
      notChecked: [expect.objectContaining({ rule: 'schema.not-checked', path: 'static_resources.listeners[0].listener_filters[0].typed_config' })],
    });
  });

  it('an Envoy config in JSON with an error: exit 1', () => {
    const config = structuredClone(goodConfig) as Record<string, any>;
    config.static_resources.clusters.push({ name: 'c', connect_timeout: '1s', hosts: [] });
    const result = run(['envoy.json'], { 'envoy.json': JSON.stringify(config) });
    expect(result.code).toBe(1);
    expect(output(result.stdout).errors.map((f: { rule: string; path: string }) => [f.rule, f.path])).toEqual([
      ['schema.removed-field', 'static_resources.clusters[1].hosts'],
      ['envoy.duplicate-cluster', 'static_resources.clusters[1].name'],
    ]);
  });

  it('unreadable, unparseable or unusable input: exit 2 with a message', () => {
    expect(run(['missing.json'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('missing.json: cannot read') });
    expect(run(['bad.json'], { 'bad.json': '{ nope' })).toMatchObject({ code: 2, stderr: expect.stringContaining('bad.json: not valid JSON') });
    expect(run(['bad.yaml'], { 'bad.yaml': 'a: [1,\n' })).toMatchObject({ code: 2, stderr: expect.stringContaining('bad.yaml: not valid JSON or YAML') });
    expect(run(['list.yaml'], { 'list.yaml': '- 1\n- 2\n' })).toMatchObject({ code: 2, stderr: expect.stringContaining('expected an object') });
    expect(run(['d.json'], { 'd.json': '{"version": 1, "listeners": "no"}' })).toMatchObject({ code: 2, stderr: expect.stringContaining('d.json: ') });
  });

  it('usage errors: exit 2; --help: exit 0', () => {
    expect(run([])).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage:') });
    expect(run(['a', 'b'])).toMatchObject({ code: 2 });
    expect(run(['--strict', 'a'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --strict') });
    expect(run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('cli validate FILE') });
  });
});
