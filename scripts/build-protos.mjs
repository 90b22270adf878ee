#!/usr/bin/env node
// Compiles the Envoy v3 API protos shipped in @grpc/grpc-js-xds (deps/) into a
// binary FileDescriptorSet at src/validate/generated/envoy-api.binpb.
//
// Why this shape:
// - The protos are generated at build time, never committed (folder is gitignored).
// - node_modules is read-only to us: protos are copied into .cache/protos/src and
//   patched there (the packaged validate.proto lacks StringRules.ignore_empty).
// - Some protos import files the package does not ship (envoy v2 API, opencensus,
//   opentelemetry, prometheus, google.logging/longrunning). Those files, and
//   everything that transitively imports them, are left out and counted.
// - buf runs with a local buf.yaml and no deps, so it never touches the network.
//
// Usage: node scripts/build-protos.mjs [--force] [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const scriptPath = fileURLToPath(import.meta.url);
const root = join(dirname(scriptPath), '..');
const pkgDir = join(root, 'node_modules/@grpc/grpc-js-xds');
const depsDir = join(pkgDir, 'deps');
const scratch = join(root, '.cache/protos');
const outFile = join(root, 'src/validate/generated/envoy-api.binpb');
const bufBin = join(root, 'node_modules/.bin/buf');
const force = process.argv.includes('--force');
const verbose = process.argv.includes('--verbose');
const outRel = relative(root, outFile);

// Include roots, in the order protoc would search them (-I flags of grpc-js-xds).
const ROOTS = ['envoy-api', 'xds', 'googleapis', 'protoc-gen-validate'];
// Test / Java-stub protos of PGV are not part of the API.
const SKIP_DIRS = new Set(['java', 'tests']);
// Well-known types are built into buf, so imports of them are always satisfied.
const isBuiltin = (p) => p.startsWith('google/protobuf/');
// Files that must make it into the set; fail loudly rather than silently dropping them.
const REQUIRED = [
  'envoy/config/bootstrap/v3/bootstrap.proto',
  'envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto',
  'envoy/extensions/filters/http/router/v3/router.proto',
  'envoy/extensions/access_loggers/file/v3/file.proto',
  'envoy/extensions/upstreams/http/v3/http_protocol_options.proto',
  'envoy/extensions/transport_sockets/tls/v3/tls.proto',
  'envoy/extensions/filters/network/tcp_proxy/v3/tcp_proxy.proto',
  'validate/validate.proto',
];

if (!existsSync(depsDir)) {
  console.error(`protos: ${relative(root, depsDir)} not found - run npm install first`);
  process.exit(1);
}

// Up-to-date check: the inputs are the package (versioned by its package.json), buf and this
// script. mtimes alone are not enough (package managers may keep tarball mtimes on upgrade), so
// the package + buf versions are also recorded in a stamp next to the scratch copy.
const mtime = (p) => statSync(p).mtimeMs;
const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
const stampFile = join(scratch, 'stamp.json');
const stamp = JSON.stringify({ xds: version(pkgDir), buf: version(join(root, 'node_modules/@bufbuild/buf')) });
if (!force && existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  const newest = Math.max(mtime(join(pkgDir, 'package.json')), mtime(scriptPath));
  if (mtime(outFile) > newest) {
    console.log(`protos: ${outRel} up to date (${kib(statSync(outFile).size)}), skipped (--force to rebuild)`);
    process.exit(0);
  }
}

const started = performance.now();

/** @type {Map<string, string>} import path -> file text (first root wins, like -I order). */
const files = new Map();
for (const r of ROOTS) {
  const base = join(depsDir, r);
  for (const abs of walk(base)) {
    const rel = relative(base, abs).split(sep).join('/');
    if (!files.has(rel)) files.set(rel, readFileSync(abs, 'utf8'));
  }
}

// Patch: envoy protos (geoip_providers, injected_credentials, ...) use
// StringRules.ignore_empty, which upstream PGV defines as field 26.
const VALIDATE = 'validate/validate.proto';
let validate = files.get(VALIDATE) ?? '';
if (!/\bignore_empty\s*=\s*26\b/.test(validate.slice(validate.indexOf('message StringRules')))) {
  const anchor = /(message StringRules \{[\s\S]*?optional bool strict\s*=\s*25 \[default = true\];)/;
  if (!anchor.test(validate)) throw new Error(`cannot patch ${VALIDATE}: StringRules.strict anchor not found`);
  validate = validate.replace(anchor, '$1\n\n  // Patched in by scripts/build-protos.mjs (upstream PGV field).\n  optional bool ignore_empty = 26;');
  files.set(VALIDATE, validate);
}

// Exclusion by import closure: a file is out if any import is neither shipped nor builtin,
// or is itself out. Reason = the unshipped import at the root of the chain.
const importsOf = (text) => [...text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)].map((m) => m[1]);
/** @type {Map<string, string>} excluded file -> missing root import */
const excluded = new Map();
const resolveState = new Map(); // file -> null (ok) | string (missing import) ; 'pending' while visiting
const missingRoot = (file) => {
  if (resolveState.has(file)) return resolveState.get(file) === 'pending' ? null : resolveState.get(file);
  resolveState.set(file, 'pending');
  let reason = null;
  for (const imp of importsOf(files.get(file))) {
    if (isBuiltin(imp)) continue;
    reason = files.has(imp) ? missingRoot(imp) : imp;
    if (reason) break;
  }
  resolveState.set(file, reason);
  return reason;
};
for (const f of files.keys()) {
  const reason = missingRoot(f);
  if (reason) excluded.set(f, reason);
}
const missingRequired = REQUIRED.filter((f) => !files.has(f) || excluded.has(f));
if (missingRequired.length) throw new Error(`required protos cannot be built: ${missingRequired.join(', ')}`);

// Lay out the scratch module fresh every build (stale copies would leak into the set).
const srcDir = join(scratch, 'src');
rmSync(scratch, { recursive: true, force: true });
for (const [rel, text] of files) {
  if (excluded.has(rel)) continue;
  mkdirSync(dirname(join(srcDir, rel)), { recursive: true });
  writeFileSync(join(srcDir, rel), text);
}
// No deps => buf never resolves anything from the BSR.
writeFileSync(join(scratch, 'buf.yaml'), 'version: v2\nmodules:\n  - path: src\n');

// --as-file-descriptor-set: plain FileDescriptorSet (no buf ImageFile extras).
// Imports (the WKTs) are included, as createFileRegistry needs every dependency.
// --exclude-source-info drops comments/spans only; options (validate.rules etc.)
// are part of the descriptors themselves and stay.
mkdirSync(dirname(outFile), { recursive: true });
const tmpOut = `${outFile}.tmp`;
try {
  execFileSync(bufBin, ['build', '.', '--as-file-descriptor-set', '--exclude-source-info', '-o', tmpOut], {
    cwd: scratch,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BUF_CACHE_DIR: join(root, '.cache/buf') },
  });
} catch (e) {
  console.error(`protos: buf build failed:\n${e.stderr?.toString() || e.message}`);
  process.exit(1);
}
renameSync(tmpOut, outFile); // atomic: readers never see a half-written set
writeFileSync(stampFile, stamp);

// Summary: group exclusions by the top of the unshipped import path.
const byCause = new Map();
for (const reason of excluded.values()) {
  const key = reason.startsWith('envoy/') ? reason.split('/').slice(0, 3).join('/') + '/*' : reason.split('/')[0] + '/*';
  byCause.set(key, (byCause.get(key) ?? 0) + 1);
}
const causes = [...byCause].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `protos: wrote ${outRel} (${files.size - excluded.size} files + WKTs, ${kib(statSync(outFile).size)}) in ${secs}s; ` +
    `excluded ${excluded.size}/${files.size} importing unshipped protos (${causes})`,
);
if (verbose) for (const [f, r] of [...excluded].sort()) console.log(`  excluded ${f} <- ${r}`);

function* walk(dir) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    if (ent.isDirectory()) {
      if (!SKIP_DIRS.has(ent.name)) yield* walk(join(dir, ent.name));
    } else if (ent.name.endsWith('.proto')) yield join(dir, ent.name);
  }
}

function kib(n) {
  return `${(n / 1024).toFixed(0)} KiB`;
}
