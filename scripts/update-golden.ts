// Regenerates src/generate/__golden__/<template>/ from the templates: `npm run golden`.
// Review the diff before committing: it is the change in what users deploy.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { GOLDEN_DIR, GOLDEN_INPUT, goldenCases } from '../src/generate/golden';

for (const { name, input, files } of goldenCases()) {
  const dir = new URL(`${name}/`, GOLDEN_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(GOLDEN_INPUT, dir), input);
  for (const [file, text] of Object.entries(files)) writeFileSync(new URL(file, dir), text);
  console.log(`golden: ${name} (${Object.keys(files).length} files)`);
}
