// Test kit: every check a generated bundle must pass (strict proto parse, the protos' validate
// rules, Kubernetes API rules), shared by the golden and property tests.
import { parse } from 'yaml';
import type { FileRegistry } from '@bufbuild/protobuf';
import { parseBootstrap } from '../validate/envoySchema';
import { protoRuleViolations } from '../validate/protoRules';
import { kubernetesErrors } from '../validate/kubernetes';
import type { GeneratedFiles } from './files';

/** Reasons the bundle would not deploy; empty when Envoy and Kubernetes would both accept it. */
export function deployabilityErrors(files: GeneratedFiles, registry: FileRegistry, options = { protoRules: true }): string[] {
  const errors: string[] = [];
  const envoy = JSON.parse(files['envoy.json']);
  const parsed = parseBootstrap(envoy, registry);
  if (!parsed.ok) errors.push(`envoy.json: ${parsed.error}`);
  else if (options.protoRules) errors.push(...protoRuleViolations(parsed.message, registry).map((v) => `envoy.json: ${v}`));
  if (JSON.stringify(parse(files['envoy.yaml'])) !== JSON.stringify(envoy)) errors.push('envoy.yaml: differs from envoy.json');
  const configMap = parse(files['configmap.yaml']);
  if (configMap.data?.['envoy.yaml'] !== files['envoy.yaml']) errors.push('configmap.yaml: does not hold envoy.yaml exactly');
  for (const name of ['configmap.yaml', 'pod.yaml', 'daemonset.yaml'] as const) {
    errors.push(...kubernetesErrors(parse(files[name])).map((e) => `${name}: ${e}`));
  }
  return errors;
}
