import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': contentType },
  });
}

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return jsonResponse(
    status,
    { type: `https://passerelle.example/problems/${code}`, title: code, status, code, detail, ...extra },
    'application/problem+json',
  );
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * Replaces global fetch: `routes` maps "METHOD /api/path" (no query string) to a handler.
 * Unknown routes answer 404. Every request is recorded.
 */
export function stubFetch(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      headers,
      body:
        typeof init.body === 'string'
          ? JSON.parse(init.body)
          : init.body instanceof FormData
            ? init.body
            : undefined,
    };
    requests.push(request);
    const path = url.split('?')[0];
    const handler = routes[`${request.method} ${path}`];
    return handler ? handler(request) : problem(404, 'not_found', 'Not found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}
