/**
 * The fingerprint of an English chapter that a translation records in its frontmatter
 * (`source_hash:`) when it is translated or brought up to date. Content, not git
 * history, so it works in any checkout (shallow clones, tarballs, CI). Prefixed so YAML
 * never reads it as a number.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sourceHash(text: string): string {
  return `sha256-${createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex').slice(0, 12)}`;
}

export function fileHash(file: string): string {
  return sourceHash(readFileSync(file, 'utf8'));
}
