// A direct response: Envoy answers with this status and body itself.
import { RuleAction } from '../../model/schema';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import { schemaCheck } from './parse';
import { withAction } from './ruleEdits';
import { useRulePatch } from './usePatch';

type Direct = Extract<RuleAction, { kind: 'direct' }>;

const statusCheck = schemaCheck(RuleAction.options[3].shape.status);
/** Envoy's default max_direct_response_body_size_bytes. */
const MAX_BODY_BYTES = 4096;
const bodyCheck = (body: string) =>
  new TextEncoder().encode(body).length > MAX_BODY_BYTES ? `must be at most ${MAX_BODY_BYTES} bytes (Envoy's limit)` : null;

export function DirectResponseFields({ ruleId, action }: { ruleId: string; action: Direct }) {
  const patch = useRulePatch(ruleId);
  return (
    <>
      <NumberField label="Status" value={action.status} checks={[statusCheck]} onCommit={(status) => patch(withAction('direct', { status }))} />
      <TextField label="Body" value={action.body} multiline checks={[bodyCheck]} hint="Empty means no body" onCommit={(body) => patch(withAction('direct', { body }))} />
    </>
  );
}
