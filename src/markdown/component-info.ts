/**
 * What a chapter may pass to a figure component, read from the component's own
 * `interface Props` and its default `id`, so the build can reject a misspelt or
 * missing prop with the chapter's file and line instead of rendering a broken figure.
 */
import { readFileSync } from 'node:fs';

export interface ComponentInfo {
  /** Prop names the component declares. */
  props: Set<string>;
  /** Props declared without `?`. */
  required: Set<string>;
  /** The `id` default in `const { id = '…' } = Astro.props`, if any. */
  defaultId?: string;
}

const cache = new Map<string, ComponentInfo>();

export function componentInfo(file: string): ComponentInfo {
  const hit = cache.get(file);
  if (hit) return hit;
  const text = readFileSync(file, 'utf8');
  const props = new Set<string>();
  const required = new Set<string>();
  const block = /interface\s+Props\s*\{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
  for (const m of block.matchAll(/^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)(\??)\s*:/gm)) {
    props.add(m[1]!);
    if (m[2] !== '?') required.add(m[1]!);
  }
  const defaultId = /\bid\s*=\s*['"]([a-z][a-z0-9-]*)['"]/.exec(/const\s*\{[^}]*\}\s*=\s*Astro\.props/.exec(text)?.[0] ?? '')?.[1];
  const info = { props, required, defaultId };
  cache.set(file, info);
  return info;
}
