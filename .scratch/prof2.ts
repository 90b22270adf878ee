import { fromJson, type JsonValue } from '@bufbuild/protobuf';
import { generateFiles } from '../src/generate/files.ts';
import { loadEnvoyRegistry } from '../src/validate/envoySchema.node.ts';
import { walkSchema } from '../src/validate/schemaWalk.ts';
import { protoRuleViolations as orig } from '../src/validate/protoRules.ts';
import { protoRuleViolations as cached } from './protoRulesCached.ts';
import { addRule, updateRule } from '../src/model/operations.ts';
import { templateByName } from '../src/model/templates.ts';
const r = loadEnvoyRegistry();
let d = templateByName('sidecar')!.build();
for (let i = 0; i < 4999; i++) { const a = addRule(d, 'route-1', 0); d = a.design; d = updateRule(d, a.id, { match: { ...d.routes[0].rules[0].match, path: `/api/v${i}/items` } }); }
const files = generateFiles(d) as any;
const cfg = JSON.parse(files['envoy.json']);
const w = walkSchema(cfg, r, 'envoy.config.bootstrap.v3.Bootstrap') as any;
const m = fromJson(r.getMessage('envoy.config.bootstrap.v3.Bootstrap')!, w.normalized as JsonValue, { registry: r });
const t = (f: () => unknown) => { const s = performance.now(); f(); return performance.now() - s; };
for (let k = 0; k < 4; k++) console.log('orig', t(() => orig(m, r)).toFixed(0), 'cached', t(() => cached(m, r)).toFixed(0));
console.log(JSON.stringify(orig(m,r)) === JSON.stringify(cached(m,r)));
