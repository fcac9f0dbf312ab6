import { VaultError } from '@tokenvault/core';
import * as z from 'zod';

const cursorSchema = z.object({ at: z.number().int(), id: z.string() }).strict();
export type Cursor = z.infer<typeof cursorSchema>;

// Cursors are opaque to clients: base64url of the last item's sort key (ASCII: ids are ours, times numbers).
export function encodeCursor(key: Cursor): string {
  return btoa(JSON.stringify(key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
  } catch {
    throw new VaultError('invalid_request', 'cursor is not one this API gave out');
  }
}

/** A list's page size and the cursor `nextCursor` gave out. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
};

/** The next page's cursor when the page is full. */
export function nextCursor<T>(items: readonly T[], limit: number, key: (item: T) => Cursor): string | null {
  const last = items.at(-1);
  return last !== undefined && items.length === limit ? encodeCursor(key(last)) : null;
}
