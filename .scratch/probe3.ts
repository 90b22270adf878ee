import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { loadEnvoyRegistry } from '/work/main/src/validate/envoySchema.node.ts';
import { walkSchema } from '/work/main/src/validate/schemaWalk.ts';
import { constraintFindings } from '/work/main/src/validate/constraints.ts';
const r = loadEnvoyRegistry();
const dir = '/work/main/src/validate/__fixtures__/envoy-corpus/';
let clean = 0;
for (const f of readdirSync(dir).filter(f => f.endsWith('.yaml'))) {
  const json = parse(readFileSync(dir + f, 'utf8'));
  const w = walkSchema(json, r, 'envoy.config.bootstrap.v3.Bootstrap');
  const errs = w.findings.filter(x => x.severity === 'error');
  const c = errs.length ? [] : constraintFindings(w.normalized, r, 'envoy.config.bootstrap.v3.Bootstrap', w.uncheckedAnys);
  const other = w.findings.filter(x => x.severity !== 'error');
  if (errs.length || c.length) console.log('X', f, JSON.stringify([...errs, ...c].map(x => [x.rule, x.path, x.message])));
  else clean++;
  if (other.length) console.log('  ', f, other.map(x => x.severity[0] + ':' + x.rule + ' ' + x.path + ' ' + x.message.slice(0, 100)).join('\n    '));
}
console.log('clean', clean);
