import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../generate/files';
import { TEMPLATES } from '../model/templates';
import { bundleZip, safeFileStem } from './bundle';

describe('bundleZip', () => {
  it.each(TEMPLATES.map((t) => t.name))('holds exactly the generated files of %s, and is deterministic', (name) => {
    const files = generateFiles(TEMPLATES.find((t) => t.name === name)!.build());
    const zip = bundleZip(files);
    const unzipped = Object.fromEntries(Object.entries(unzipSync(zip)).map(([file, bytes]) => [file, strFromU8(bytes)]));
    expect(unzipped).toEqual(files);
    expect(bundleZip(files)).toEqual(zip);
  });
});

describe('safeFileStem', () => {
  it.each([
    ['nginx with an Envoy sidecar', 'nginx-with-an-Envoy-sidecar'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a"b\nc:d#e', 'a-b-c-d-e'],
    ['</script><script>', 'script-script'],
    ['\u202eevil\u200b.exe', 'evil-exe'],
    ['Café', 'Cafe'],
    ['...', 'envoy-design'],
    ['x'.repeat(300), 'x'.repeat(80)],
  ])('%j → %j', (input, expected) => {
    expect(safeFileStem(input)).toBe(expected);
  });
});
