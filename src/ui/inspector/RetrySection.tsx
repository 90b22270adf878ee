// A forwarding rule's retry policy: when to retry, how often, and each try's timeout.
import { RetryPolicy } from '../../model/schema';
import { retryOn } from './checks';
import { durationParser } from './durations';
import { NumberField } from './fields/NumberField';
import { OptionalField } from './fields/OptionalField';
import { TextField } from './fields/TextField';
import { ToggleSection } from './fields/ToggleSection';
import { schemaCheck } from './parse';
import { withForward } from './ruleEdits';
import { useRulePatch } from './usePatch';

const DEFAULT_RETRY: RetryPolicy = { retryOn: '5xx,reset,connect-failure', numRetries: 2, perTryTimeout: null };
const retriesCheck = schemaCheck(RetryPolicy.shape.numRetries);

export function RetrySection({ ruleId, retry }: { ruleId: string; retry: RetryPolicy | null }) {
  const patch = useRulePatch(ruleId);
  const change = (p: Partial<RetryPolicy>) =>
    patch((rule) => {
      const current = rule.action.kind === 'cluster' || rule.action.kind === 'weighted' ? rule.action.retry : null;
      return current ? withForward({ retry: { ...current, ...p } })(rule) : {};
    });
  return (
    <ToggleSection
      legend="Retry policy"
      toggleLabel="Retries"
      enabled={retry !== null}
      onToggle={(on) => patch(withForward({ retry: on ? DEFAULT_RETRY : null }))}
    >
      {retry && (
        <>
          <TextField
            label="Retry on"
            value={retry.retryOn}
            monospace
            checks={[retryOn]}
            hint="Comma-separated, e.g. 5xx,reset,connect-failure"
            onCommit={(value) => change({ retryOn: value })}
          />
          <NumberField label="Number of retries" value={retry.numRetries} checks={[retriesCheck]} onCommit={(numRetries) => change({ numRetries })} />
          <OptionalField
            label="Per-try timeout"
            value={retry.perTryTimeout}
            parse={durationParser}
            placeholder="the rule's timeout"
            onCommit={(perTryTimeout) => change({ perTryTimeout })}
          />
        </>
      )}
    </ToggleSection>
  );
}
