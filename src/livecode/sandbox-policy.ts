/**
 * What code in a runnable listing may reach. The listing runs in a dedicated Web Worker,
 * which has no DOM, no `document.cookie` and no `localStorage` to begin with; these
 * guards take away the rest of the worker's reach before any listing runs:
 *
 * - `fetch` passes only same-origin requests under the site's data folders
 *   (BASE_URL + `generated/`, `checkpoints/`); anything else is refused with a message.
 * - `XMLHttpRequest`, `WebSocket`, `EventSource`, `importScripts`, nested `Worker`s,
 *   `BroadcastChannel` (which would reach the site's other tabs), `indexedDB` and
 *   `caches` (the origin's storage) throw when touched.
 *
 * The guards are redefined as non-configurable on the global and on every prototype
 * that holds them, so a listing cannot put the originals back. A host can back this up
 * with a Content-Security-Policy header (see CONTRIBUTING.md, "Runnable listings"),
 * which also covers what no script-level guard can: an `import()` of a remote URL
 * built at run time.
 */

export class SandboxError extends Error {
  override name = 'SandboxError';
}

/** The site's data folders under a base URL ('/' or '/sub/path/'). */
export function dataPrefixes(baseUrl: string): string[] {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return [`${base}generated/`, `${base}checkpoints/`];
}

/** True if `url` (resolved against `origin`) is same-origin and under one of the data folders. */
export function isAllowedUrl(url: string, origin: string, baseUrl: string): boolean {
  let u: URL;
  try {
    u = new URL(url, origin);
  } catch {
    return false;
  }
  if (u.origin !== new URL(origin).origin) return false;
  // URL parsing has already removed ./ and ../ segments; reject encoded ones outright.
  if (/%2e|%2f|%5c/i.test(u.pathname)) return false;
  return dataPrefixes(baseUrl).some((p) => u.pathname.startsWith(p));
}

const BLOCKED_CONSTRUCTORS = ['XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'BroadcastChannel', 'WebTransport'];
const BLOCKED_FUNCTIONS = ['importScripts'];
const BLOCKED_PROPERTIES = ['indexedDB', 'caches', 'cookieStore', 'localStorage', 'sessionStorage'];

function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (input && typeof input === 'object' && 'url' in input) return String((input as { url: unknown }).url);
  return String(input);
}

/** Redefines `name` wherever it lives on the global's prototype chain. */
function lockDown(scope: object, name: string, descriptor: PropertyDescriptor): void {
  let holder: object | null = scope;
  let defined = false;
  while (holder) {
    if (Object.prototype.hasOwnProperty.call(holder, name)) {
      Object.defineProperty(holder, name, { ...descriptor, configurable: false });
      defined = true;
    }
    holder = Object.getPrototypeOf(holder);
  }
  if (!defined) Object.defineProperty(scope, name, { ...descriptor, configurable: false });
}

export function installGuards(scope: typeof globalThis, origin: string, baseUrl: string): void {
  const realFetch = scope.fetch.bind(scope);
  const folders = dataPrefixes(baseUrl).join(' and ');
  const guardedFetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    if (!isAllowedUrl(url, origin, baseUrl)) {
      return Promise.reject(new SandboxError(`fetch("${url}") was refused: a listing may only read the book's own data files (${folders} on this site).`));
    }
    return realFetch(input, init);
  };
  lockDown(scope, 'fetch', { value: guardedFetch, writable: false, enumerable: true });
  for (const name of [...BLOCKED_CONSTRUCTORS, ...BLOCKED_FUNCTIONS]) {
    const refuse = function () {
      throw new SandboxError(`${name} is not available to a listing: it runs in a sandbox without network or storage access.`);
    };
    lockDown(scope, name, { value: refuse, writable: false, enumerable: false });
  }
  for (const name of BLOCKED_PROPERTIES) {
    lockDown(scope, name, {
      get() {
        throw new SandboxError(`${name} is not available to a listing: it runs in a sandbox without access to the site's storage.`);
      },
      enumerable: false,
    });
  }
}
