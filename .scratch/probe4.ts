import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { loadEnvoyRegistry } from '../src/validate/envoySchema.node.ts';
import { validateDesign, validateEnvoyConfig } from '../src/validate/index.ts';
import { TEMPLATES } from '../src/model/templates.ts';
const r = loadEnvoyRegistry();
for (const t of TEMPLATES) {
  const f = validateDesign(t.build(), r);
  console.log(t.name, JSON.stringify(f, null, 1));
}
const md = readFileSync('src/validate/__fixtures__/seed/kubernetes-with-envoy.md', 'utf8');
const seed = JSON.parse(/```json\n([\s\S]*?)```/.exec(md)![1]);
console.log(JSON.stringify(validateEnvoyConfig(seed, r), null, 1));
const dir = 'src/validate/__fixtures__/envoy-corpus/';
let clean = 0;
for (const f of readdirSync(dir).filter(f => f.endsWith('.yaml'))) {
  const fs = validateEnvoyConfig(parse(readFileSync(dir + f, 'utf8')), r).filter(x => x.severity === 'error');
  if (fs.length) console.log('X', f, fs.map(x => x.rule + ' ' + x.path + ' ' + x.message).join('\n   '));
  else clean++;
}
console.log('clean', clean);
