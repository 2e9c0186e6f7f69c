/**
 * Edited listings in links: `?code.<listing-id>=<lz-string, URI-safe>`. Kept out of the
 * first download (lz-string loads when a link carries code or the reader copies one).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** Compressed characters a link may carry for one listing: links stay under ~8 kB. */
export const MAX_SHARED_CHARS = 6000;

export function paramName(id: string): string {
  return `code.${id}`;
}

export type Encoded = { ok: true; value: string } | { ok: false; length: number };

export function encodeCode(code: string): Encoded {
  const value = compressToEncodedURIComponent(code);
  return value.length > MAX_SHARED_CHARS ? { ok: false, length: value.length } : { ok: true, value };
}

/** The code a link carries, or null if the value cannot be read (cut off, mangled). */
export function decodeCode(raw: string): string | null {
  if (raw.length > MAX_SHARED_CHARS) return null;
  try {
    const code = decompressFromEncodedURIComponent(raw);
    return code && code.length > 0 ? code : null;
  } catch {
    return null;
  }
}
