import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesignText } from '../model/load';
import { TEMPLATES } from '../model/templates';
import { loadEnvoyRegistry } from '../validate/envoySchema.node';
import { deployabilityErrors } from './deployable.testkit';
import { FILE_NAMES, generateFiles } from './files';
import { designJson } from './designJson';
import { GOLDEN_DIR, GOLDEN_INPUT } from './golden';

const registry = loadEnvoyRegistry();
const read = (template: string, file: string) => readFileSync(new URL(`${template}/${file}`, GOLDEN_DIR), 'utf8');

describe.each(TEMPLATES.map((t) => t.name))('golden: %s', (name) => {
  const loaded = loadDesignText(read(name, GOLDEN_INPUT));
  if (!loaded.ok) throw new Error(`${name}/${GOLDEN_INPUT}: ${loaded.errors.join('; ')}`);
  const files = generateFiles(loaded.design);

  it('has exactly the expected files', () => {
    const expected = readdirSync(new URL(`${name}/`, GOLDEN_DIR)).filter((f) => f !== GOLDEN_INPUT).sort();
    expect(Object.keys(files).sort()).toEqual(expected);
    expect(Object.keys(files)).toEqual([...FILE_NAMES]);
  });

  it.each([...FILE_NAMES])('%s matches the golden file (npm run golden to regenerate)', (file) => {
    expect(files[file]).toBe(read(name, file));
  });

  it('the template still builds the golden input', () => {
    expect(designJson(TEMPLATES.find((t) => t.name === name)!.build())).toBe(read(name, GOLDEN_INPUT));
  });

  it('is accepted by Envoy protos (strict) and the Kubernetes API rules', () => {
    expect(deployabilityErrors(files, registry)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(generateFiles(loaded.design)).toEqual(files);
  });
});
