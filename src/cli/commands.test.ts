import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designJson, generateFiles } from '../generate/files';
import { TEMPLATES, defaultDesign, templateByName } from '../model/templates';
import { runCli, type CliIo } from './commands';

function memoryIo(files: Record<string, string> = {}) {
  const written: Record<string, Record<string, string>> = {};
  const io: CliIo = {
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path];
    },
    writeFiles: (dir, out) => {
      written[dir] = out;
    },
  };
  return { io, written };
}

describe('cli templates', () => {
  it('prints every template name, one per line', () => {
    const result = runCli(['templates'], memoryIo().io);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual(TEMPLATES.map((t) => t.name));
  });
});

describe('cli render', () => {
  it('writes exactly the generated files of the default design', () => {
    const { io, written } = memoryIo();
    const result = runCli(['render', '--out', 'out'], io);
    expect(result.code).toBe(0);
    expect(written.out).toEqual(generateFiles(defaultDesign()));
  });

  it('renders a named template', () => {
    const { io, written } = memoryIo();
    expect(runCli(['render', '--template', 'canary', '--out', 'out'], io).code).toBe(0);
    expect(written.out).toEqual(generateFiles(templateByName('canary')!.build()));
  });

  it('renders a design file', () => {
    const design = templateByName('tls-edge')!.build();
    const { io, written } = memoryIo({ 'd.json': designJson(design) });
    expect(runCli(['render', 'd.json', '--out', 'out'], io).code).toBe(0);
    expect(written.out['envoy.json']).toBe(generateFiles(design)['envoy.json']);
  });

  it.each([
    ['an unreadable file', {}, 'missing.json', /missing\.json: cannot read/],
    ['invalid JSON', { 'd.json': '{"version": 1,' }, 'd.json', /d\.json: not valid JSON/],
    ['a port out of range', { 'd.json': designJson(defaultDesign()).replace('"port": 10000', '"port": 70000') }, 'd.json', /d\.json: listeners\[0\]\.port: must be between 1 and 65535/],
    ['a name Kubernetes rejects', { 'd.json': designJson(defaultDesign()).replace('"namespace": "default"', '"namespace": "Not_OK"') }, 'd.json', /d\.json: deployment\.namespace: .*Kubernetes/],
  ])('refuses %s, naming the file and field, and writes nothing', (_what, files, path, message) => {
    const { io, written } = memoryIo(files as Record<string, string>);
    const result = runCli(['render', path, '--out', 'out'], io);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(written).toEqual({});
  });

  it('refuses an unknown template and a missing --out', () => {
    expect(runCli(['render', '--template', 'nope', '--out', 'o'], memoryIo().io).stderr).toMatch(/unknown template "nope"/);
    expect(runCli(['render'], memoryIo().io).stderr).toMatch(/--out DIR is required/);
    expect(runCli(['frobnicate'], memoryIo().io).code).toBe(2);
  });
});

describe('cli as a process', () => {
  it('npm run cli -- render writes the files to disk', () => {
    const out = mkdtempSync(join(tmpdir(), 'erd-cli-'));
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'render', '--template', 'tcp-proxy', '--out', out], { encoding: 'utf8' });
    const expected = generateFiles(templateByName('tcp-proxy')!.build());
    expect(readdirSync(out).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected)) expect(readFileSync(join(out, name), 'utf8')).toBe(text);
  }, 60_000);
});
