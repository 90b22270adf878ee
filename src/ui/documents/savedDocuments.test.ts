import { describe, expect, it } from 'vitest';
import { DOCUMENT_PREFIX, LEGACY_AUTOSAVE_KEY, MAX_SAVED_DOCUMENTS, documentKey, documentToRestore, saveDocument, savedDocuments, type StorageLike } from './savedDocuments';

/** A Storage in memory; `capacity` (characters, keys and values) makes it fill up like a browser's. */
class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.capacity) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('two tabs', () => {
  it('save under their own ids and never overwrite each other', () => {
    const storage = new MemoryStorage();
    saveDocument(storage, 'tab-a', 'design A', 1000);
    saveDocument(storage, 'tab-b', 'design B', 2000);
    saveDocument(storage, 'tab-a', 'design A, edited', 3000);
    expect(documentToRestore(storage, 'tab-a')).toEqual({ id: 'tab-a', text: 'design A, edited' });
    expect(documentToRestore(storage, 'tab-b')).toEqual({ id: 'tab-b', text: 'design B' });
  });

  it('a new tab (or one reopened after a crash) opens the most recently saved design', () => {
    const storage = new MemoryStorage();
    saveDocument(storage, 'tab-a', 'design A', 3000);
    saveDocument(storage, 'tab-b', 'design B', 2000);
    expect(documentToRestore(storage, null)).toEqual({ id: 'tab-a', text: 'design A' });
    // A tab whose document was removed also falls back to the most recent.
    expect(documentToRestore(storage, 'gone')).toEqual({ id: 'tab-a', text: 'design A' });
    expect(savedDocuments(storage)).toEqual([
      { id: 'tab-a', savedAt: 3000 },
      { id: 'tab-b', savedAt: 2000 },
    ]);
  });
});

describe('what older versions and other hands left', () => {
  it('the single autosave of older versions opens when no document exists, and goes once saved', () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_AUTOSAVE_KEY, 'old design');
    expect(documentToRestore(storage, null)).toEqual({ id: null, text: 'old design' });
    saveDocument(storage, 'tab-a', 'old design, edited', 1);
    expect(storage.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull();
  });

  it('a missing or foreign meta counts as oldest; the text itself goes through the load path', () => {
    const storage = new MemoryStorage();
    storage.setItem(documentKey('no-meta'), 'x');
    storage.setItem(documentKey('bad-meta'), 'y');
    storage.setItem(`${documentKey('bad-meta')}:meta`, '{"savedAt": "yesterday"}');
    saveDocument(storage, 'tab-a', 'z', 5);
    expect(savedDocuments(storage).map((d) => d.id)).toEqual(['tab-a', 'bad-meta', 'no-meta']);
    expect(documentToRestore(storage, null)?.text).toBe('z');
  });

  it('nothing saved: nothing to restore', () => {
    expect(documentToRestore(new MemoryStorage(), 'tab-a')).toBeNull();
  });
});

describe('room', () => {
  it(`keeps the ${MAX_SAVED_DOCUMENTS} most recently saved documents`, () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < MAX_SAVED_DOCUMENTS + 3; i++) saveDocument(storage, `tab-${i}`, `design ${i}`, i);
    const ids = savedDocuments(storage).map((d) => d.id);
    expect(ids).toHaveLength(MAX_SAVED_DOCUMENTS);
    expect(ids[0]).toBe(`tab-${MAX_SAVED_DOCUMENTS + 2}`);
    expect(ids).not.toContain('tab-0');
    expect([...storage.items.keys()].filter((k) => k.startsWith(DOCUMENT_PREFIX))).toHaveLength(2 * MAX_SAVED_DOCUMENTS);
  });

  it('when storage is full, removes the oldest other documents until the save fits', () => {
    const storage = new MemoryStorage(600);
    saveDocument(storage, 'old', 'o'.repeat(150), 1);
    saveDocument(storage, 'newer', 'n'.repeat(150), 2);
    saveDocument(storage, 'mine', 'm'.repeat(200), 3);
    expect(savedDocuments(storage).map((d) => d.id)).toEqual(['mine', 'newer']);
    expect(documentToRestore(storage, 'mine')?.text).toBe('m'.repeat(200));
  });

  it('throws the quota error when even this tab’s design alone does not fit', () => {
    const storage = new MemoryStorage(100);
    expect(() => saveDocument(storage, 'mine', 'm'.repeat(200), 1)).toThrow(/full/);
  });
});
