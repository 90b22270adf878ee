// Every Node benchmark, one after another, each in its own process (so one's heap and JIT state do
// not colour the next): `npm run bench [-- --quick]`. Arguments are passed on to every script.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS = ['permalink.ts', 'validate.ts', 'generate.ts', 'import.ts', 'routing.ts'];

for (const script of SCRIPTS) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench/${script} failed (${run.signal ?? `exit ${run.status}`})`);
    process.exit(run.status ?? 1);
  }
  console.log();
}
