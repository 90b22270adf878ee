// A required text value, checked on every keystroke.
import { textParser, type Check } from '../parse';
import { DraftInput } from './DraftInput';

type Props = {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  checks?: (Check | null | undefined | false)[];
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  monospace?: boolean;
};

const identity = (text: string) => text;

export function TextField({ checks = [], ...props }: Props) {
  return <DraftInput {...props} format={identity} parse={textParser(...checks)} />;
}
