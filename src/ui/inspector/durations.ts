// Parsers shared by the forms' duration and optional-text fields.
import { Duration } from '../../model/schema';
import { schemaCheck, textParser, type Check } from './parse';

const durationCheck = schemaCheck(Duration);

/** Envoy refuses 0s where its proto says `gt: {}` (outlier-detection interval and ejection time). */
export const positive: Check = (text) => (/^0*(\.0*)?s$/.test(text) ? 'must be greater than 0s' : null);

/** Envoy's duration text, e.g. 0.25s or 15s. */
export const durationParser = textParser(durationCheck);
export const positiveDurationParser = textParser(durationCheck, positive);

/** Any text without spaces (hosts, rewrites). */
export const compactTextParser = textParser((text) => (/\s/.test(text) ? 'must not contain spaces' : null));
