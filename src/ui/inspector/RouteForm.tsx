// Inspector form for a route (an Envoy virtual host): its name, domains and ordered rules.
import { KeptAsIs } from './KeptAsIs';
import type { Route } from '../../model/schema';
import { useStore } from '../../store/store';
import { nonEmpty, trimmed } from './checks';
import { DeleteElementButton } from './DeleteElementButton';
import { domain, freeDomain, uniqueName } from './designChecks';
import { Section } from './fields/Section';
import { StringListField } from './fields/StringListField';
import { TextField } from './fields/TextField';
import { InspectorHeading } from './InspectorHeading';
import { RuleList } from './RuleList';
import { useRoutePatch } from './usePatch';

export function RouteForm({ route }: { route: Route }) {
  const design = useStore((s) => s.design);
  const patch = useRoutePatch(route.id);
  const servedBy = design.listeners.filter((l) => l.routeIds.includes(route.id)).map((l) => l.name);
  return (
    <>
      <InspectorHeading kind="route">{`Route "${route.name}"`}</InspectorHeading>
      <Section legend="Virtual host">
        <TextField
          label="Name"
          value={route.name}
          checks={[nonEmpty, trimmed, uniqueName(design, 'route', route.id)]}
          onCommit={(name) => patch(() => ({ name }))}
        />
        <p className="field-hint">
          {servedBy.length > 0 ? `Served by ${servedBy.join(', ')}.` : 'Not served by any listener yet.'}
        </p>
      </Section>
      <StringListField
        legend="Domains"
        noun="domain"
        items={route.domains}
        monospace
        keepOne="A route needs at least one domain"
        checksFor={(index) => [domain(design, route.id, index)]}
        newItem={() => freeDomain(design, route.id)}
        onChange={(update) => patch((r) => ({ domains: update(r.domains) }))}
      />
      <RuleList route={route} />
      <KeptAsIs value={route.kept} what="Fields of the imported virtual host the designer does not model, emitted again as they were." onDelete={() => patch(() => ({ kept: undefined }))} />
      <DeleteElementButton id={route.id} kind="route" />
    </>
  );
}
