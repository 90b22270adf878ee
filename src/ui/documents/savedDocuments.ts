// Autosaved designs in local storage, one document per tab, so two tabs editing at once never
// overwrite each other's work. Each document is its design.json text under its own key, with a
// small meta key saying when it was saved. Pure: works on any Storage, tested without a browser.
//
// A tab keeps its document id for as long as it lives (the browser keeps it across reloads in
// sessionStorage): a reload brings back that tab's own design. A new tab (or one reopened after a
// crash) starts from the most recently saved design, under an id of its own.

export const DOCUMENT_PREFIX = 'envoy-route-designer:document:';
const META_SUFFIX = ':meta';
/** Where versions before per-tab documents kept the one autosaved design. */
export const LEGACY_AUTOSAVE_KEY = 'envoy-route-designer:design';
/** Older documents beyond this many are removed when a tab saves. */
export const MAX_SAVED_DOCUMENTS = 8;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
export type SavedDocument = { id: string; savedAt: number };

export const documentKey = (id: string) => `${DOCUMENT_PREFIX}${id}`;
const metaKey = (id: string) => `${documentKey(id)}${META_SUFFIX}`;

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** When a document was saved; 0 for a meta that is missing or not ours (another version, a hand edit). */
function savedAtOf(meta: string | null): number {
  try {
    const value: unknown = JSON.parse(meta ?? '');
    const savedAt = typeof value === 'object' && value !== null ? (value as { savedAt?: unknown }).savedAt : undefined;
    return typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0;
  } catch {
    return 0;
  }
}

/** Every saved document, the most recently saved first. */
export function savedDocuments(storage: StorageLike): SavedDocument[] {
  const documents: SavedDocument[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(DOCUMENT_PREFIX) || key.endsWith(META_SUFFIX)) continue;
    const id = key.slice(DOCUMENT_PREFIX.length);
    documents.push({ id, savedAt: savedAtOf(storage.getItem(metaKey(id))) });
  }
  return documents.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The design text to open: this tab's own document when it has one, else the most recently saved
 * document, else what an older version autosaved. `id` is whose text it is (null for the legacy key).
 */
export function documentToRestore(storage: StorageLike, ownId: string | null): { id: string | null; text: string } | null {
  const own = ownId === null ? null : storage.getItem(documentKey(ownId));
  if (ownId !== null && own !== null) return { id: ownId, text: own };
  for (const { id } of savedDocuments(storage)) {
    const text = storage.getItem(documentKey(id));
    if (text !== null) return { id, text };
  }
  const legacy = storage.getItem(LEGACY_AUTOSAVE_KEY);
  return legacy === null ? null : { id: null, text: legacy };
}

function removeDocument(storage: StorageLike, id: string) {
  storage.removeItem(documentKey(id));
  storage.removeItem(metaKey(id));
}

/**
 * Saves `text` as document `id`. Keeps at most MAX_SAVED_DOCUMENTS, and when storage is full
 * removes the oldest other documents one by one until the save fits; the newest are kept longest.
 * Throws what the storage throws when even that does not make room.
 */
export function saveDocument(storage: StorageLike, id: string, text: string, savedAt: number): void {
  const others = savedDocuments(storage).filter((d) => d.id !== id);
  for (const old of others.slice(MAX_SAVED_DOCUMENTS - 1)) removeDocument(storage, old.id);
  const kept = others.slice(0, MAX_SAVED_DOCUMENTS - 1);
  for (;;) {
    try {
      storage.setItem(documentKey(id), text);
      storage.setItem(metaKey(id), JSON.stringify({ savedAt }));
      break;
    } catch (error) {
      const oldest = kept.pop();
      if (!isQuotaError(error) || !oldest) throw error;
      removeDocument(storage, oldest.id);
    }
  }
  // Its design now lives on in this document (it was restored from it, or is older than it).
  storage.removeItem(LEGACY_AUTOSAVE_KEY);
}
