// Rule patches for the inspector's sub-forms: each returns what `updateRule` should replace.
import type { HeaderMatcher, Rule, RuleAction } from '../../model/schema';
import { re2Error } from '../../validate/regex';

export type RulePatch = (rule: Rule) => Partial<Omit<Rule, 'id'>>;
type Forward = Extract<RuleAction, { kind: 'cluster' | 'weighted' }>;
type ForwardOptions = Partial<Pick<Forward, 'timeout' | 'prefixRewrite' | 'hostRewrite' | 'retry' | 'websocket'>>;

export const withMatch = (patch: Partial<Rule['match']>): RulePatch => (rule) => ({ match: { ...rule.match, ...patch } });

export const withHeaders = (patch: Partial<Rule['headers']>): RulePatch => (rule) => ({ headers: { ...rule.headers, ...patch } });

/** Changes forward options; a rule that no longer forwards is left alone. */
export const withForward = (patch: ForwardOptions): RulePatch => (rule) =>
  rule.action.kind === 'cluster' || rule.action.kind === 'weighted' ? { action: { ...rule.action, ...patch } } : {};

/** Changes a field of an action of one kind; any other kind is left alone. */
export function withAction<K extends RuleAction['kind']>(kind: K, patch: Partial<Omit<Extract<RuleAction, { kind: K }>, 'kind'>>): RulePatch {
  return (rule) => (rule.action.kind === kind ? { action: { ...rule.action, ...patch } as RuleAction } : {});
}

/**
 * The value to keep when a matcher's kind changes. Presence tests ignore the value (kept, so
 * switching back restores it); a regex must compile and a prefix or regex must not be empty.
 */
export function matcherValueForKind(kind: HeaderMatcher['kind'] | (string & {}), value: string): string {
  if (kind === 'regex') return value === '' || re2Error(value) !== null ? '.*' : value;
  if (kind === 'prefix') return value === '' ? 'prefix' : value;
  return value;
}

export function replaceAt<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}
