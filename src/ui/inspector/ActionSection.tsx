// What a rule does: forward to a cluster, split by weight, redirect, or answer directly.
import { setActionKind, type ActionKind } from '../../model/edits';
import type { Rule } from '../../model/schema';
import { useStore } from '../../store/store';
import { DirectResponseFields } from './DirectResponseFields';
import { Section } from './fields/Section';
import { SelectField } from './fields/SelectField';
import { ForwardOptions } from './ForwardOptions';
import { ForwardTarget } from './ForwardTarget';
import { RedirectFields } from './RedirectFields';
import { WeightedSplit } from './WeightedSplit';

const ACTION_KINDS = [
  { value: 'cluster', label: 'Forward to cluster' },
  { value: 'weighted', label: 'Weighted split' },
  { value: 'redirect', label: 'Redirect' },
  { value: 'direct', label: 'Direct response' },
] as const;

export function ActionSection({ rule }: { rule: Rule }) {
  const edit = useStore((s) => s.edit);
  const { action } = rule;
  const setKind = (kind: ActionKind) => edit((design) => setActionKind(design, rule.id, kind));
  return (
    <>
      <Section legend="Action">
        <SelectField label="Action" value={action.kind} options={ACTION_KINDS} onChange={setKind} />
        {action.kind === 'cluster' && <ForwardTarget ruleId={rule.id} clusterId={action.clusterId} />}
        {action.kind === 'weighted' && <WeightedSplit ruleId={rule.id} targets={action.clusters} />}
        {action.kind === 'redirect' && <RedirectFields ruleId={rule.id} action={action} />}
        {action.kind === 'direct' && <DirectResponseFields ruleId={rule.id} action={action} />}
      </Section>
      {(action.kind === 'cluster' || action.kind === 'weighted') && <ForwardOptions ruleId={rule.id} action={action} />}
    </>
  );
}
