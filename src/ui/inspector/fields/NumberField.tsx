// A required whole number, e.g. a port or a weight.
import { formatNumber, integerParser, type Check } from '../parse';
import { DraftInput } from './DraftInput';

type Props = {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  checks?: (Check<number> | null | undefined | false)[];
  hint?: string;
};

export function NumberField({ checks = [], ...props }: Props) {
  return <DraftInput {...props} format={formatNumber} parse={integerParser(...checks)} inputMode="numeric" />;
}
