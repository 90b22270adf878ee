import { describe, expect, it } from 'vitest';
import { FILE_NAMES, type FileName } from '../../generate/files';
import type { Design } from '../../model/schema';
import type { Finding } from '../../validate/finding';
import { templateByName } from '../../model/templates';
import { filesOf } from '../../store/files';
import { isEnvoyFile, languageOf, locatePreview, mimeOf, previewQuery } from './previewText';

describe('languageOf / mimeOf', () => {
  it('maps every generated file to a Monaco language by extension', () => {
    const languages = Object.fromEntries(FILE_NAMES.map((f) => [f, languageOf(f)]));
    expect(languages).toEqual({
      'envoy.json': 'json',
      'envoy.yaml': 'yaml',
      'configmap.yaml': 'yaml',
      'pod.yaml': 'yaml',
      'daemonset.yaml': 'yaml',
      'kustomization.yaml': 'yaml',
      'README.md': 'markdown',
      'route-tests.json': 'json',
      'design.json': 'json',
    });
    expect(languageOf('x.yml')).toBe('yaml');
    expect(languageOf('notes.txt')).toBe('plaintext');
  });
  it('gives a text MIME type per kind', () => {
    expect(mimeOf('envoy.json')).toBe('application/json');
    expect(mimeOf('pod.yaml')).toBe('application/yaml');
    expect(mimeOf('README.md')).toBe('text/markdown');
    expect(mimeOf('x')).toBe('text/plain');
  });
  it('knows which files are the Envoy bootstrap', () => {
    expect(FILE_NAMES.filter(isEnvoyFile)).toEqual(['envoy.json', 'envoy.yaml']);
  });
});

describe('locatePreview: the highlight', () => {
  const highlightRange = (design: Design, file: FileName, selection: string[], text: string) => locatePreview(text, previewQuery(design, file, selection, [])).highlight;
  const design = templateByName('front-proxy')!.build();
  const files = filesOf(design);
  const lines = (file: 'envoy.json' | 'envoy.yaml', id: string) => {
    const range = highlightRange(design, file, [id], files[file]);
    expect(range).not.toBeNull();
    return files[file].split('\n').slice(range!.startLine - 1, range!.endLine).join('\n');
  };

  it('finds a cluster, a listener, a virtual host and a rule in both Envoy files', () => {
    for (const file of ['envoy.yaml', 'envoy.json'] as const) {
      expect(lines(file, 'cluster-2')).toContain('api.default.svc.cluster.local');
      expect(lines(file, 'cluster-2')).not.toContain('web.default.svc.cluster.local');
      expect(lines(file, 'listener-1')).toContain('8080');
      expect(lines(file, 'route-1')).toContain('api.example.com');
      expect(lines(file, 'route-1')).not.toContain('"web"');
      expect(lines(file, 'rule-2')).toContain('/api/');
    }
  });

  it('is a sane range: 1-based, start before end, inside the text', () => {
    const range = highlightRange(design, 'envoy.yaml', ['cluster-1'], files['envoy.yaml'])!;
    expect(range.startLine).toBeGreaterThanOrEqual(1);
    expect(range.endLine).toBeGreaterThanOrEqual(range.startLine);
    expect(range.endLine).toBeLessThanOrEqual(files['envoy.yaml'].split('\n').length);
  });

  it('is null for other files, no or several selected ids, edges and unknown ids', () => {
    expect(highlightRange(design, 'pod.yaml', ['cluster-1'], files['pod.yaml'])).toBeNull();
    expect(highlightRange(design, 'design.json', ['cluster-1'], files['design.json'])).toBeNull();
    expect(highlightRange(design, 'envoy.yaml', [], files['envoy.yaml'])).toBeNull();
    expect(highlightRange(design, 'envoy.yaml', ['cluster-1', 'cluster-2'], files['envoy.yaml'])).toBeNull();
    expect(highlightRange(design, 'envoy.yaml', ['edge:listener-1:route-1'], files['envoy.yaml'])).toBeNull();
    expect(highlightRange(design, 'envoy.yaml', ['nope'], files['envoy.yaml'])).toBeNull();
  });
});

describe('locatePreview: the finding markers', () => {
  const design = templateByName('front-proxy')!.build();
  const files = filesOf(design);
  const finding = (path: string, severity: Finding['severity'] = 'error'): Finding => ({ severity, rule: 'test', message: `about ${path}`, path, elementId: null });
  // The last line with the needle: clusters are defined after the routes that name them.
  const lineOf = (file: FileName, needle: string) => files[file].split('\n').findLastIndex((line) => line.includes(needle)) + 1;

  it('puts an Envoy finding on its line in both Envoy files, and a Kubernetes one only in its file', () => {
    const findings = [finding('static_resources.clusters[1].name', 'warning'), finding('pod.yaml: spec.containers[0].image')];
    for (const file of ['envoy.json', 'envoy.yaml'] as const) {
      const { markers } = locatePreview(files[file], previewQuery(null, file, [], findings));
      const nameLine = file === 'envoy.json' ? `"name": "${design.clusters[1].name}"` : `- name: ${design.clusters[1].name}`;
      expect(markers).toEqual([{ line: lineOf(file, nameLine), severity: 'warning', message: 'about static_resources.clusters[1].name' }]);
    }
    const { markers } = locatePreview(files['pod.yaml'], previewQuery(null, 'pod.yaml', [], findings));
    expect(markers).toEqual([{ line: lineOf('pod.yaml', 'image:'), severity: 'error', message: 'about pod.yaml: spec.containers[0].image' }]);
    expect(locatePreview(files['daemonset.yaml'], previewQuery(null, 'daemonset.yaml', [], findings)).markers).toEqual([]);
  });

  it('points a finding about a missing field at its parent, and drops one that matches nothing', () => {
    const missing = finding('static_resources.clusters[0].no_such_field');
    const nowhere = finding('no_such_section.x');
    const { markers } = locatePreview(files['envoy.yaml'], previewQuery(null, 'envoy.yaml', [], [missing, nowhere]));
    expect(markers.map((m) => m.line)).toEqual([lineOf('envoy.yaml', `- name: ${design.clusters[0].name}`)]);
  });
});
