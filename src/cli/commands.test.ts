import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../generate/files';
import { designJson } from '../generate/designJson';
import { TEMPLATES, defaultDesign, templateByName } from '../model/templates';
import { decodePermalink, encodePermalink } from '../share/permalink';
import { runCli, type CliIo } from './commands';

function memoryIo(files: Record<string, string> = {}) {
  const written: Record<string, Record<string, string>> = {};
  const io: CliIo = {
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path];
    },
    writeFile: (path, text) => {
      written[path] = { '': text };
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

describe('cli link', () => {
  it('prints the permalink fragment of a design file, with its #', () => {
    const design = templateByName('tls-edge')!.build();
    const { io, written } = memoryIo({ 'd.json': designJson(design) });
    const result = runCli(['link', 'd.json'], io);
    expect(result).toEqual({ code: 0, stdout: `#${encodePermalink(design)}\n`, stderr: '' });
    const decoded = decodePermalink(result.stdout.trim());
    expect(decoded.ok && designJson(decoded.design)).toBe(designJson(design));
    expect(written).toEqual({});
  });

  it('prints the link of a template, and the whole URL with --base', () => {
    const design = templateByName('canary')!.build();
    expect(runCli(['link', '--template', 'canary'], memoryIo().io).stdout).toBe(`#${encodePermalink(design)}\n`);
    const url = runCli(['link', '--template', 'canary', '--base', 'http://127.0.0.1:5173/#old'], memoryIo().io).stdout;
    expect(url).toBe(`http://127.0.0.1:5173/#${encodePermalink(design)}\n`);
  });

  it.each([
    ['an unreadable file', {}, ['link', 'missing.json'], 1, /missing\.json: cannot read/],
    ['a design that fails the schema', { 'd.json': designJson(defaultDesign()).replace('"port": 10000', '"port": 0') }, ['link', 'd.json'], 1, /d\.json: listeners\[0\]\.port: must be between 1 and 65535/],
    ['no design at all', {}, ['link'], 2, /link: give a DESIGN\.json or --template NAME/],
    ['a file and a template', { 'd.json': '{}' }, ['link', 'd.json', '--template', 'canary'], 2, /give one of a DESIGN\.json, --template, not several/],
  ])('refuses %s', (_what, files, argv, code, message) => {
    const result = runCli(argv, memoryIo(files as Record<string, string>).io);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('cli render --link', () => {
  it.each([
    ['a fragment', (f: string) => f],
    ['a fragment with its #', (f: string) => `#${f}`],
    ['a whole URL', (f: string) => `https://designer.example/app/#${f}`],
  ])('renders the design of %s', (_what, form) => {
    const design = templateByName('per-node-proxy')!.build();
    const { io, written } = memoryIo();
    const result = runCli(['render', '--link', form(encodePermalink(design)), '--out', 'out'], io);
    expect(result.code).toBe(0);
    expect(written.out).toEqual(generateFiles(design));
  });

  it.each([
    ['a truncated link', encodePermalink(defaultDesign()).slice(0, 60), /^link: the link is truncated or damaged/],
    ['a link from a newer app', 'd=7.AAAA', /^link: link version 7 is newer than this app understands/],
    ['a link that is no link', 'https://designer.example/', /^link: the link holds no design/],
    ['a link whose design fails the schema', (() => {
      const design = defaultDesign();
      return encodePermalink({ ...design, deployment: { ...design.deployment, namespace: 'Not_OK' } });
    })(), /^link: deployment\.namespace: .*Kubernetes/],
  ])('refuses %s: exits non-zero, names the problem, writes nothing', (_what, link, message) => {
    const { io, written } = memoryIo();
    const result = runCli(['render', '--link', link, '--out', 'out'], io);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(written).toEqual({});
  });

  it('refuses a link together with a file or a template', () => {
    const link = encodePermalink(defaultDesign());
    expect(runCli(['render', 'd.json', '--link', link, '--out', 'o'], memoryIo().io)).toMatchObject({ code: 2, stderr: expect.stringMatching(/not several/) });
    expect(runCli(['render', '--template', 'canary', '--link', link, '--out', 'o'], memoryIo().io)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--template, --link, not several/) });
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

  it('npm run cli -- link prints #d=…, and render --link renders it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'erd-cli-'));
    const design = templateByName('front-proxy')!.build();
    writeFileSync(join(dir, 'design.json'), designJson(design));
    const fragment = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'link', join(dir, 'design.json')], { encoding: 'utf8' });
    expect(fragment).toBe(`#${encodePermalink(design)}\n`);
    execFileSync('npx', ['tsx', 'src/cli/main.ts', 'render', '--link', fragment.trim(), '--out', join(dir, 'out')], { encoding: 'utf8' });
    expect(readFileSync(join(dir, 'out', 'design.json'), 'utf8')).toBe(designJson(design));
  }, 60_000);
});

describe('cli import and validate through the command table', () => {
  it('imports an Envoy config and validates it', () => {
    const envoy = generateFiles(templateByName('front-proxy')!.build())['envoy.yaml'];
    const { io, written } = memoryIo({ 'envoy.yaml': envoy });
    const imported = runCli(['import', 'envoy.yaml', '--out', 'design.json'], io);
    expect(imported.code).toBe(0);
    const design = JSON.parse(written['design.json']['']);
    expect(design.clusters.map((c: { name: string }) => c.name)).toEqual(['web', 'api']);
    const validated = runCli(['validate', 'envoy.yaml'], io);
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.stdout)).toMatchObject({ ok: true, errors: [] });
  });
});
