// Envoy config → design, keeping what the model cannot express. See importEnvoy.ts.
export { importEnvoyConfig, type ImportOptions, type ImportResult, type ImportSummary } from './importEnvoy';
export { MAX_CONFIG_CHARS } from './limits';
export { autoLayout, columnLayout } from './layout';
export { configsProtoEqual } from './protoCompare';
