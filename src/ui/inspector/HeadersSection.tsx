// Headers a rule adds to or removes from the request (upstream) and the response (downstream).
import type { HeaderToAdd, Rule } from '../../model/schema';
import { modifiableHeaderName } from './checks';
import { StringListField } from './fields/StringListField';
import { Section } from './fields/Section';
import { HeadersToAddEditor } from './HeadersToAddEditor';
import { useRulePatch } from './usePatch';

type Headers = Rule['headers'];
type AddKey = 'requestAdd' | 'responseAdd';
type RemoveKey = 'requestRemove' | 'responseRemove';

export function HeadersSection({ rule }: { rule: Rule }) {
  const patch = useRulePatch(rule.id);
  const { headers } = rule;
  const updateAdded = (key: AddKey) => (update: (items: HeaderToAdd[]) => HeaderToAdd[]) =>
    patch((r) => ({ headers: { ...r.headers, [key]: update(r.headers[key]) } as Headers }));
  const updateRemoved = (key: RemoveKey) => (update: (items: string[]) => string[]) =>
    patch((r) => ({ headers: { ...r.headers, [key]: update(r.headers[key]) } as Headers }));
  return (
    <Section legend="Headers">
      <HeadersToAddEditor legend="Request headers to add" noun="request header" items={headers.requestAdd} onChange={updateAdded('requestAdd')} />
      <StringListField
        legend="Request headers to remove"
        noun="removed request header"
        items={headers.requestRemove}
        monospace
        empty="None."
        checksFor={() => [modifiableHeaderName]}
        newItem={() => 'x-remove-me'}
        onChange={updateRemoved('requestRemove')}
      />
      <HeadersToAddEditor legend="Response headers to add" noun="response header" items={headers.responseAdd} onChange={updateAdded('responseAdd')} />
      <StringListField
        legend="Response headers to remove"
        noun="removed response header"
        items={headers.responseRemove}
        monospace
        empty="None."
        checksFor={() => [modifiableHeaderName]}
        newItem={() => 'x-remove-me'}
        onChange={updateRemoved('responseRemove')}
      />
    </Section>
  );
}
