// Replacing the design with a loaded document. Every source (permalink, autosave, opened file) has
// already been through the model's load path; a failure becomes a notice and the design stays.
import type { LoadResult } from '../../model/load';
import { history, useStore } from '../../store/store';

export function applyLoaded(result: LoadResult, source: string, options: { resetHistory?: boolean } = {}): boolean {
  const { replaceDesign, select, setNotice } = useStore.getState();
  if (!result.ok) {
    const [first, ...rest] = result.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
    setNotice({ kind: 'error', message: `${source} could not be opened: ${first}${more}. Your current design is unchanged.` });
    return false;
  }
  replaceDesign(result.design);
  select([]);
  if (options.resetHistory) history().clear();
  return true;
}
