// What a rule matches: the path (prefix, exact, RE2 regex or separated prefix), header and
// query-parameter conditions.
import type { Rule } from '../../model/schema';
import { matchableHeaderName, nonEmpty, pathError, pathForKind } from './checks';
import { CheckboxField } from './fields/CheckboxField';
import { Section } from './fields/Section';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { MatchersEditor } from './MatchersEditor';
import { withMatch } from './ruleEdits';
import { useRulePatch } from './usePatch';

type PathKind = Rule['match']['pathKind'];

const PATH_KINDS = [
  { value: 'prefix', label: 'Prefix' },
  { value: 'path', label: 'Exact path' },
  { value: 'safe_regex', label: 'Regex (RE2)' },
  { value: 'path_separated_prefix', label: 'Path-separated prefix' },
] as const;

const HEADER_KINDS = [
  { value: 'exact', label: 'Exact' },
  { value: 'prefix', label: 'Prefix' },
  { value: 'regex', label: 'Regex (RE2)' },
  { value: 'present', label: 'Present' },
  { value: 'absent', label: 'Absent' },
] as const;

const QUERY_KINDS = [
  { value: 'exact', label: 'Exact' },
  { value: 'prefix', label: 'Prefix' },
  { value: 'regex', label: 'Regex (RE2)' },
  { value: 'present', label: 'Present' },
] as const;

export function MatchSection({ rule }: { rule: Rule }) {
  const patch = useRulePatch(rule.id);
  const { match } = rule;
  const regex = match.pathKind === 'safe_regex';
  const setKind = (pathKind: PathKind) => patch((r) => ({ match: { ...r.match, pathKind, path: pathForKind(pathKind, r.match.path) } }));
  return (
    <Section legend="Match">
      <SelectField label="Path match" value={match.pathKind} options={PATH_KINDS} onChange={setKind} />
      <TextField
        label="Path"
        value={match.path}
        monospace
        checks={[(path) => pathError(match.pathKind, path)]}
        hint={regex ? 'Must match the whole path, e.g. /api/v[0-9]+/.*' : undefined}
        onCommit={(path) => patch(withMatch({ path }))}
      />
      <CheckboxField
        label="Case sensitive"
        checked={match.caseSensitive}
        disabled={regex}
        hint={regex ? 'A regex sets its own case: (?i) makes it case-insensitive' : undefined}
        onChange={(caseSensitive) => patch(withMatch({ caseSensitive }))}
      />
      <MatchersEditor
        legend="Header matchers"
        noun="header matcher"
        kinds={HEADER_KINDS}
        items={match.headers}
        nameCheck={matchableHeaderName}
        newItem={{ name: 'x-header', kind: 'present', value: '' }}
        onChange={(update) => patch((r) => ({ match: { ...r.match, headers: update(r.match.headers) } }))}
      />
      <MatchersEditor
        legend="Query parameter matchers"
        noun="query parameter"
        kinds={QUERY_KINDS}
        items={match.queryParameters}
        nameCheck={nonEmpty}
        newItem={{ name: 'param', kind: 'present', value: '' }}
        onChange={(update) => patch((r) => ({ match: { ...r.match, queryParameters: update(r.match.queryParameters) } }))}
      />
    </Section>
  );
}
