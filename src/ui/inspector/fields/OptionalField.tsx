// A value that may be unset: empty text means null (Envoy's default applies).
import { optionalParser, type Parser } from '../parse';
import { DraftInput } from './DraftInput';

type Props<T> = {
  label: string;
  value: T | null;
  onCommit: (value: T | null) => void;
  /** Parses non-empty text. */
  parse: Parser<T>;
  format?: (value: T) => string;
  hint?: string;
  placeholder?: string;
  numeric?: boolean;
  monospace?: boolean;
};

export function OptionalField<T>({ parse, format = String, numeric, placeholder = 'not set', ...props }: Props<T>) {
  const formatOptional = (value: T | null) => (value === null ? '' : format(value));
  return (
    <DraftInput
      {...props}
      placeholder={placeholder}
      format={formatOptional}
      parse={optionalParser(parse)}
      inputMode={numeric ? 'numeric' : undefined}
    />
  );
}
