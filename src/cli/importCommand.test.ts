// `cli import`, with an in-memory file system.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesignText } from '../model/load';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { runImport, type ImportIo } from './importCommand';

const registry = loadEnvoyRegistry();
const corpus = (file: string) => readFileSync(new URL(`../validate/__fixtures__/envoy-corpus/${file}`, import.meta.url), 'utf8');

function memoryIo(files: Record<string, string>): ImportIo & { written: Record<string, string> } {
  const written: Record<string, string> = {};
  return {
    written,
    readFile(path) {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path];
    },
    writeFile(path, text) {
      written[path] = text;
    },
  };
}

const DEMO = 'configs/envoy-demo.yaml';

describe('cli import', () => {
  it('prints the design JSON, named after the file, and reports what it kept on stderr', () => {
    const io = memoryIo({ [DEMO]: corpus('configs__envoy-demo.yaml') });
    const result = runImport([DEMO], io, registry);
    expect(result.code).toBe(0);
    const loaded = loadDesignText(result.stdout);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    expect(loaded.design.name).toBe('envoy-demo');
    expect(loaded.design.listeners.map((l) => l.name)).toEqual(['listener_0']);
    expect(result.stderr).toMatch(/^imported:\n  listener "listener_0" ← static_resources\.listeners\[0\]: http 0\.0\.0\.0:10000, 1 route\n/);
    expect(result.stderr).toContain('  cluster "service_envoyproxy_io" ← static_resources.clusters[0]: LOGICAL_DNS, 1 endpoint\n');
    expect(result.stderr).toMatch(/\nkept verbatim \(emitted again as written\):\n(  .+\n)+/);
    expect(result.stderr).toContain('  static_resources.clusters[0].dns_lookup_family\n');
    expect(result.stderr).not.toMatch(/cannot round-trip/);
    expect(io.written).toEqual({});
  });

  it('writes the design to --out instead', () => {
    const io = memoryIo({ 'envoy.json': JSON.stringify({ admin: { address: { socket_address: { address: '127.0.0.1', port_value: 9000 } } } }) });
    const result = runImport(['envoy.json', '--out', 'design.json'], io, null);
    expect(result).toMatchObject({ code: 0, stdout: 'wrote design.json\n' });
    const loaded = loadDesignText(io.written['design.json']);
    expect(loaded.ok && loaded.design.deployment.admin).toEqual({ address: '127.0.0.1', port: 9000 });
  });

  it('loads the compiled protos itself when not given a registry', () => {
    const io = memoryIo({ 'a.yaml': 'static_resources:\n  clusters:\n  - name: c\n    dns_lookup_family: v4_only\n' });
    const result = runImport(['a.yaml'], io);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).clusters[0].kept.cluster.dns_lookup_family).toBe('V4_ONLY');
  });

  it('bad input exits 1 with the file and the message, and writes nothing', () => {
    const io = memoryIo({ 'bad.yaml': 'static_resources:\n  clusters:\n  - name: c\n    hosts: []\n' });
    const result = runImport(['bad.yaml', '--out', 'design.json'], io, registry);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'bad.yaml: static_resources.clusters[0].hosts (line 4, column 12): is v2 (removed in v3); use load_assignment with endpoints\n',
    });
    expect(io.written).toEqual({});
  });

  it('a file that cannot be read exits 1', () => {
    expect(runImport(['missing.yaml'], memoryIo({}), registry)).toEqual({
      code: 1,
      stdout: '',
      stderr: "missing.yaml: cannot read: ENOENT: no such file or directory, open 'missing.yaml'\n",
    });
  });

  it('usage errors exit 2', () => {
    const io = memoryIo({});
    expect(runImport([], io, registry)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^import: give an Envoy config file \(YAML or JSON\)\nUsage:\n  cli import/) });
    expect(runImport(['a.yaml', 'b.yaml'], io, registry)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^import: give one Envoy config file/) });
    expect(runImport(['a.yaml', '--bogus'], io, registry)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^import: Unknown option '--bogus'/) });
    expect(runImport(['a.yaml', '--out'], io, registry)).toMatchObject({ code: 2 });
  });
});
