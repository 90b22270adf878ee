// Where the golden files live and how they are produced; shared by the test and the update script.
import { TEMPLATES } from '../model/templates';
import { designJson } from './designJson';
import { generateFiles, type GeneratedFiles } from './files';

export const GOLDEN_DIR = new URL('./__golden__/', import.meta.url);
export const GOLDEN_INPUT = 'input.design.json';

/** For each template: its design as the golden input, and the files expected from it. */
export function goldenCases(): { name: string; input: string; files: GeneratedFiles }[] {
  return TEMPLATES.map((template) => {
    const design = template.build();
    return { name: template.name, input: designJson(design), files: generateFiles(design) };
  });
}
