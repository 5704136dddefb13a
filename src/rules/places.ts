/** Where an item's example is written, for messages that point at a line. */
import { locate, type SourceDoc } from '../yaml-source.js';
import type { Item } from './types.js';

const indexCache = new WeakMap<SourceDoc, Map<string, number>>();

/** The index of an item (by id) in its file's `items` list. */
function itemIndex(source: SourceDoc, id: string): number | undefined {
  let index = indexCache.get(source);
  if (!index) {
    index = new Map();
    const raw = source.doc.toJS({ maxAliasCount: 100 }) as { items?: unknown } | null;
    if (raw && Array.isArray(raw.items)) {
      raw.items.forEach((it: unknown, i: number) => {
        const itemId = (it as { id?: unknown } | null)?.id;
        if (typeof itemId === 'string' && !index!.has(itemId)) index!.set(itemId, i);
      });
    }
    indexCache.set(source, index);
  }
  return index.get(id);
}

/** Line and column of an item's example. */
export function examplePlace(sources: ReadonlyMap<string, SourceDoc>, item: Item, exampleIndex: number): { line: number; column: number } | undefined {
  const source = sources.get(item.file);
  if (!source) return undefined;
  const i = itemIndex(source, item.id);
  if (i === undefined) return undefined;
  return locate(source, ['items', i, 'examples', exampleIndex]);
}
