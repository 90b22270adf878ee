import { describe, expect, it } from 'vitest';
import { setPosition } from '../model/operations';
import { templateByName, TEMPLATES } from '../model/templates';
import { FILE_NAMES, generateFiles, LAYOUT_FREE_FILES } from './files';

describe('generateFiles from the previous generation', () => {
  it('gives the same bytes as a fresh generation when only positions moved, for every template', () => {
    for (const template of TEMPLATES) {
      const before = template.build();
      const previous = { design: before, files: generateFiles(before, { appUrl: 'https://x.test/' }) };
      const moved = setPosition(before, before.clusters[0]?.id ?? before.listeners[0].id, { x: 1234, y: 567 });
      expect(moved.layout).not.toEqual(before.layout);
      const reused = generateFiles(moved, { appUrl: 'https://x.test/' }, previous);
      const fresh = generateFiles(moved, { appUrl: 'https://x.test/' });
      for (const file of FILE_NAMES) expect(reused[file], `${template.name}: ${file}`).toBe(fresh[file]);
    }
  });

  it('reuses the layout-free files (not rebuilding them), and rebuilds the ones that show positions', () => {
    const before = templateByName('front-proxy')!.build();
    const previous = { design: before, files: generateFiles(before) };
    const moved = setPosition(before, before.listeners[0].id, { x: 999, y: 999 });
    const reused = generateFiles(moved, {}, previous);
    expect(LAYOUT_FREE_FILES).toContain('envoy.yaml');
    // design.json holds positions: it must differ; the permalink in README.md does too.
    expect(reused['design.json']).not.toBe(previous.files['design.json']);
    expect(reused['design.json']).toContain('999');
    for (const file of LAYOUT_FREE_FILES) expect(reused[file]).toBe(previous.files[file]);
  });

  it('rebuilds everything when more than the layout changed', () => {
    const before = templateByName('front-proxy')!.build();
    const previous = { design: before, files: generateFiles(before) };
    const renamed = { ...before, clusters: before.clusters.map((c, i) => (i === 0 ? { ...c, name: 'renamed' } : c)) };
    const next = generateFiles(renamed, {}, previous);
    expect(next['envoy.yaml']).toContain('renamed');
    expect(next['envoy.yaml']).toBe(generateFiles(renamed)['envoy.yaml']);
  });
});
