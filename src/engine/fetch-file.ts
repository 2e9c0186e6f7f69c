/**
 * Fetches one of the site's own data files (MNIST, checkpoints) and turns every way it
 * can fail into one sentence for the reader: which file, what happened, what to do.
 */
export interface FetchFileOptions {
  /** What the file is, e.g. "MNIST file" or "checkpoint file". */
  kind: string;
  /** The file's name as the reader knows it. */
  name: string;
  /** What to do about a missing file, e.g. "rebuild with npm run build". */
  remedy: string;
  signal?: AbortSignal;
}

export async function fetchFile(doFetch: typeof fetch, url: string, o: FetchFileOptions): Promise<Response> {
  let res: Response;
  try {
    res = await doFetch(url, o.signal ? { signal: o.signal } : {});
  } catch (e) {
    if (o.signal?.aborted) throw e;
    throw new Error(`${o.kind} ${o.name} could not be fetched from ${url}: ${(e as Error).message}`);
  }
  if (!res.ok) {
    const what = res.status === 404 ? 'is missing' : 'could not be fetched';
    throw new Error(`${o.kind} ${o.name} ${what} (HTTP ${res.status} at ${url}) — ${o.remedy}`);
  }
  return res;
}
