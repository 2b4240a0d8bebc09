// The HTTP client for the ZGW APIs (docs/zgw.md#authentication): the ZGW JWT as a
// bearer token, JSON in and out, a timeout per request, no redirects followed. A
// failure carries only what went wrong, never a header, the token or the secret.

/** A ZGW API that did not answer, or not as it should: the task is tried again. */
export class ZgwFailure extends Error {}

export interface Call {
  base: string;
  token: string;
  timeoutMs: number;
}

export async function call(c: Call, method: 'GET' | 'POST', path: string, body?: unknown, crs = false): Promise<Record<string, unknown> | unknown[]> {
  const headers: Record<string, string> = { authorization: `Bearer ${c.token}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  // The Zaken API asks for the coordinate system of zaakgeometrie in and out; its
  // specification requires both headers on the /zaken list too.
  if (crs) {
    headers['accept-crs'] = 'EPSG:4326';
    headers['content-crs'] = 'EPSG:4326';
  }
  let res: Response;
  try {
    res = await fetch(`${c.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(c.timeoutMs),
    });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string };
    if (e.name === 'TimeoutError') throw new ZgwFailure(`${method} ${path}: timeout after ${c.timeoutMs} ms`);
    throw new ZgwFailure(`${method} ${path}: ${e.cause?.code ?? e.message ?? 'no answer'}`);
  }
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) throw new ZgwFailure(`${method} ${path}: HTTP ${res.status}`);
  try {
    return JSON.parse(text) as Record<string, unknown> | unknown[];
  } catch {
    throw new ZgwFailure(`${method} ${path}: the answer is not JSON`);
  }
}

/** The first result's URL of a paginated list, or of a plain array (GET /zaakinformatieobjecten). */
export const firstUrl = (page: Record<string, unknown> | unknown[]): string | null => {
  const results = (Array.isArray(page) ? page : page.results) as { url?: unknown }[] | undefined;
  const url = results?.[0]?.url;
  return typeof url === 'string' ? url : null;
};
