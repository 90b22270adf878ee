// A redirect: where to (host, path, scheme) and with which status code.
import type { RuleAction } from '../../model/schema';
import { CheckboxField } from './fields/CheckboxField';
import { OptionalField } from './fields/OptionalField';
import { SelectField } from './fields/SelectField';
import { textParser } from './parse';
import { withAction } from './ruleEdits';
import { useRulePatch } from './usePatch';

type Redirect = Extract<RuleAction, { kind: 'redirect' }>;

const CODES = [
  { value: 'MOVED_PERMANENTLY', label: '301 Moved Permanently' },
  { value: 'FOUND', label: '302 Found' },
  { value: 'SEE_OTHER', label: '303 See Other' },
  { value: 'TEMPORARY_REDIRECT', label: '307 Temporary Redirect' },
  { value: 'PERMANENT_REDIRECT', label: '308 Permanent Redirect' },
] as const;

const hostParser = textParser((text) => (/[\s/]/.test(text) ? 'must be a host (and port), without spaces or /' : null));
const pathParser = textParser((text) => (!text.startsWith('/') ? 'must start with /' : /\s/.test(text) ? 'must not contain spaces' : null));

export function RedirectFields({ ruleId, action }: { ruleId: string; action: Redirect }) {
  const patch = useRulePatch(ruleId);
  const change = (p: Partial<Omit<Redirect, 'kind'>>) => patch(withAction('redirect', p));
  const loops = !action.httpsRedirect && action.hostRedirect === null && action.pathRedirect === null;
  return (
    <>
      <OptionalField
        label="Host redirect"
        value={action.hostRedirect}
        parse={hostParser}
        monospace
        placeholder="same host"
        onCommit={(hostRedirect) => change({ hostRedirect })}
      />
      <OptionalField
        label="Path redirect"
        value={action.pathRedirect}
        parse={pathParser}
        monospace
        placeholder="same path"
        onCommit={(pathRedirect) => change({ pathRedirect })}
      />
      <CheckboxField label="HTTPS redirect" checked={action.httpsRedirect} onChange={(httpsRedirect) => change({ httpsRedirect })} />
      <SelectField label="Response code" value={action.responseCode} options={CODES} onChange={(responseCode) => change({ responseCode })} />
      {loops && <p className="inspector-warning">This redirects to the same URL: set a host, a path or HTTPS.</p>}
    </>
  );
}
