// "If the designer says a config is fine, Envoy accepts it."
//
// validateEnvoyConfig checks any v3 bootstrap (a design's output or an imported config):
//   1. schema: every field, type, enum and Any against the bundled Envoy descriptors, with paths;
//   2. constraints: Envoy's protoc-gen-validate rules (only when the schema is clean);
//   3. load-time rules Envoy applies when it builds listeners, routes and clusters.
// validateDesign builds the design's Envoy and Kubernetes objects (not their texts: envoy.yaml is
// serialised only when its size could reach the API server's ConfigMap limit), runs the
// above on the bootstrap, checks the Kubernetes objects and the design itself, and maps every
// finding to a design element.
//
// Rule ids (severity):
//   schema.removed-field (error)      a v1/v2-era field the API removed (reserved name)
//   schema.unknown-field (warning)    not in the bundled API (v1.3x): maybe newer, maybe a typo
//   schema.type / schema.enum / schema.oneof / schema.any-type-missing / schema.duration (error)
//   schema.deprecated (warning), schema.deprecated-disallowed (error)
//   schema.not-checked (info)         an Any whose type is not among the bundled protos
//   schema.constraint (error)         Proto constraint validation failed (…)
//   schema.parse (error)              safety net: protobuf-es refused what the walk accepted
//   envoy.unknown-cluster, envoy.duplicate-domain, envoy.multiple-wildcard-domains,
//   envoy.weighted-cluster-weight, envoy.multiple-rewrites, envoy.protected-header,
//   envoy.filter-order, envoy.missing-typed-config, envoy.duplicate-cluster,
//   envoy.duplicate-listener-address, envoy.static-endpoint-address, envoy.logical-dns-endpoints,
//   envoy.listener-filter-chains, envoy.listener-address, envoy.invalid-regex,
//   envoy.direct-response-too-large (error)
//   envoy.duplicate-listener-name (warning: Envoy silently drops the second listener)
//   kubernetes.invalid, kubernetes.configmap-too-large, deployment.port-clash (error)
//   deployment.privileged-port, deployment.loopback-listener, deployment.admin-loopback (warning)
//   design.removed-reference (error; warning for a removed route), design.shadowed-rule,
//   design.unused-cluster, design.unserved-route (warning)
//   test.failed (error)               a saved test case (design.tests) no longer passes
import type { FileRegistry } from '@bufbuild/protobuf';
import { buildBootstrap } from '../generate/envoy/bootstrap.ts';
import { configChecksum } from '../generate/checksum.ts';
import { buildConfigMap, buildDaemonSet, buildPod } from '../generate/kubernetes/objects.ts';
import { yamlSizeBound } from '../generate/yamlSize.ts';
import { toYamlText } from '../generate/yamlText.ts';
import type { Design } from '../model/schema.ts';
import { constraintFindings } from './constraints.ts';
import { CONFIGMAP_MAX_BYTES, deploymentFindings, type DeploymentObjects } from './deployment.ts';
import { designLintFindings } from './designLint.ts';
import { elementIndex } from './elementIndex.ts';
import { BOOTSTRAP_TYPE } from './envoySchema.ts';
import { error, sortFindings, type Finding } from './findings.ts';
import { loadTimeFindings, regexFindings } from './loadTime.ts';
import { isPlainObject } from './schemaValues.ts';
import { walkSchema } from './schemaWalk.ts';
import { testCaseFindings } from './testCaseFindings.ts';

export type { Finding, Severity } from './findings.ts';

/** Every finding for a v3 bootstrap given as parsed JSON (or YAML parsed to the same shape). */
export function validateEnvoyConfig(json: unknown, registry: FileRegistry): Finding[] {
  if (!isPlainObject(json)) {
    return [error('schema.type', 'an Envoy bootstrap is a JSON or YAML object (with static_resources, admin, …)', '')];
  }
  const walk = walkSchema(json, registry, BOOTSTRAP_TYPE);
  const findings = [...walk.findings];
  // fromJson needs a config the walk found no errors in; constraints on a broken config mislead.
  if (!findings.some((f) => f.severity === 'error')) {
    findings.push(...constraintFindings(walk.normalized, registry, BOOTSTRAP_TYPE, walk));
  }
  // Load-time rules still run after schema errors: they read the normalised config defensively,
  // and knowing every problem at once beats fixing them one Envoy restart at a time.
  findings.push(...loadTimeFindings(walk.normalized, registry), ...regexFindings(walk.regexes));
  return sortFindings(findings);
}

/** Every finding for a design: its Envoy config, its Kubernetes objects and the design itself. */
export function validateDesign(design: Design, registry: FileRegistry): Finding[] {
  const bootstrap = buildBootstrap(design);
  // A JSON round trip gives exactly what Envoy reads from envoy.json (unset fields gone).
  const config: unknown = JSON.parse(JSON.stringify(bootstrap));
  const index = elementIndex(design);
  const envoyFindings = validateEnvoyConfig(config, registry).map((f) => {
    const edgeId = index.edgeAt(f.path);
    return { ...f, elementId: index.elementAt(f.path), ...(edgeId && { edgeId }) };
  });
  return sortFindings([
    ...envoyFindings,
    ...deploymentFindings(design, deploymentObjects(design, bootstrap)),
    ...designLintFindings(design, index),
    ...testCaseFindings(design),
  ]);
}

function deploymentObjects(design: Design, bootstrap: unknown): DeploymentObjects {
  const checksum = configChecksum(bootstrap);
  // Of the ConfigMap's data only its size is checked, so envoy.yaml (the costliest text) is
  // serialised only when a cheap bound cannot prove it fits the API server's limit.
  const envoyYaml = yamlSizeBound(bootstrap) <= CONFIGMAP_MAX_BYTES ? '' : toYamlText(bootstrap);
  return {
    'configmap.yaml': buildConfigMap(design, envoyYaml),
    'pod.yaml': buildPod(design, checksum),
    'daemonset.yaml': buildDaemonSet(design, checksum),
  };
}
