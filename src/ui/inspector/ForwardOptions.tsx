// Options shared by "forward to cluster" and "weighted split": timeout, rewrites, retries, websocket.
import type { RuleAction } from '../../model/schema';
import { compactTextParser, durationParser } from './durations';
import { CheckboxField } from './fields/CheckboxField';
import { OptionalField } from './fields/OptionalField';
import { Section } from './fields/Section';
import { textParser } from './parse';
import { RetrySection } from './RetrySection';
import { withForward } from './ruleEdits';
import { useRulePatch } from './usePatch';

type Forward = Extract<RuleAction, { kind: 'cluster' | 'weighted' }>;

const rewriteParser = textParser((text) => (/[\r\n]/.test(text) ? 'must be on one line' : null));

export function ForwardOptions({ ruleId, action }: { ruleId: string; action: Forward }) {
  const patch = useRulePatch(ruleId);
  return (
    <Section legend="Forwarding options">
      <OptionalField
        label="Timeout"
        value={action.timeout}
        parse={durationParser}
        placeholder="15s (Envoy's default)"
        hint="Like 30s; 0s disables it"
        onCommit={(timeout) => patch(withForward({ timeout }))}
      />
      <OptionalField
        label="Prefix rewrite"
        value={action.prefixRewrite}
        parse={rewriteParser}
        monospace
        hint="Replaces the matched prefix, e.g. /api/ → /"
        onCommit={(prefixRewrite) => patch(withForward({ prefixRewrite }))}
      />
      <OptionalField
        label="Host rewrite"
        value={action.hostRewrite}
        parse={compactTextParser}
        monospace
        hint="Sets the Host header sent upstream"
        onCommit={(hostRewrite) => patch(withForward({ hostRewrite }))}
      />
      <CheckboxField label="WebSocket" checked={action.websocket} onChange={(websocket) => patch(withForward({ websocket }))} hint="Allow WebSocket upgrades" />
      <RetrySection ruleId={ruleId} retry={action.retry} />
    </Section>
  );
}
