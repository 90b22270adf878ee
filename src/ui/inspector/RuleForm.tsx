// Inspector form for one rule of a route: what it matches, what it does, which headers it edits.
import { KeptAsIs } from './KeptAsIs';
import type { Route, Rule } from '../../model/schema';
import { useStore } from '../../store/store';
import { trimmed } from './checks';
import { ActionSection } from './ActionSection';
import { DeleteElementButton } from './DeleteElementButton';
import { Section } from './fields/Section';
import { TextField } from './fields/TextField';
import { HeadersSection } from './HeadersSection';
import { InspectorHeading } from './InspectorHeading';
import { MatchSection } from './MatchSection';
import { useRulePatch } from './usePatch';

function ruleTitle(rule: Rule, route: Route): string {
  const position = route.rules.findIndex((r) => r.id === rule.id) + 1;
  return rule.name ? `Rule "${rule.name}"` : `Rule ${position} of route "${route.name}"`;
}

export function RuleForm({ rule, route }: { rule: Rule; route: Route }) {
  const select = useStore((s) => s.select);
  const patch = useRulePatch(rule.id);
  return (
    <>
      <InspectorHeading kind="rule">{ruleTitle(rule, route)}</InspectorHeading>
      <div className="inspector-nav">
        <button type="button" onClick={() => select([route.id])}>
          <span aria-hidden="true">← </span>Back to route
        </button>
      </div>
      <Section legend="Rule">
        <TextField
          label="Name"
          value={rule.name}
          checks={[trimmed]}
          hint="Optional; shown in Envoy's stats and logs"
          onCommit={(name) => patch(() => ({ name }))}
        />
      </Section>
      <MatchSection rule={rule} />
      <ActionSection rule={rule} />
      <HeadersSection rule={rule} />
      <KeptAsIs value={rule.kept} what="Fields of the imported route the designer does not model, emitted again as they were." onDelete={() => patch(() => ({ kept: undefined }))} />
      <DeleteElementButton id={rule.id} kind="rule" then={[route.id]} />
    </>
  );
}
