import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { jsonResponse, problem, stubFetch } from '../../test-utils/fetch';
import {
  ApiError,
  api,
  apiRequest,
  buildUrl,
  setCsrfToken,
  setLanguageProvider,
  setUnauthenticatedHandler,
} from './client';

const Thing = z.object({ id: z.number(), name: z.string() });

describe('api client', () => {
  beforeEach(() => {
    setCsrfToken(null);
    setLanguageProvider(() => 'fr');
    setUnauthenticatedHandler(null);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends Accept-Language and same-origin credentials, and parses the body with the schema', async () => {
    const { requests, fetchMock } = stubFetch({
      'GET /api/things/1': () => jsonResponse(200, { id: 1, name: 'A' }),
    });
    setLanguageProvider(() => 'en');
    const thing = await apiRequest('/things/1', { schema: Thing });
    expect(thing).toEqual({ id: 1, name: 'A' });
    expect(requests[0]?.headers['accept-language']).toBe('en');
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
  });

  it('does not send the CSRF token on GET', async () => {
    const { requests } = stubFetch({ 'GET /api/things/1': () => jsonResponse(200, { id: 1, name: 'A' }) });
    setCsrfToken('secret');
    await apiRequest('/things/1', { schema: Thing });
    expect(requests[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('sends the CSRF token and a JSON body on POST', async () => {
    const { requests } = stubFetch({ 'POST /api/things': () => jsonResponse(201, { id: 2, name: 'B' }) });
    setCsrfToken('secret');
    await apiRequest('/things', { method: 'POST', body: { name: 'B' }, schema: Thing });
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.headers['x-csrf-token']).toBe('secret');
    expect(requests[0]?.headers['content-type']).toBe('application/json');
    expect(requests[0]?.body).toEqual({ name: 'B' });
  });

  it('sends a FormData body as is, without a JSON content type, and DELETE with the CSRF token', async () => {
    const { requests } = stubFetch({
      'POST /api/things/1/files': () => jsonResponse(201, { id: 3, name: 'scan.pdf' }),
      'DELETE /api/things/1': () => jsonResponse(204, null),
    });
    setCsrfToken('secret');
    const form = new FormData();
    form.append('file', new Blob(['%PDF'], { type: 'application/pdf' }), 'scan.pdf');
    await api.upload('/things/1/files', form, Thing);
    expect(requests[0]?.headers['content-type']).toBeUndefined();
    expect(requests[0]?.headers['x-csrf-token']).toBe('secret');
    expect(requests[0]?.body).toBe(form);
    await api.delete('/things/1');
    expect(requests[1]?.method).toBe('DELETE');
    expect(requests[1]?.headers['x-csrf-token']).toBe('secret');
  });

  it('turns problem+json into an ApiError with code, localised detail and field errors', async () => {
    stubFetch({
      'POST /api/things': () =>
        problem(400, 'validation_failed', 'La requête est invalide.', {
          errors: [{ path: 'memberships.0.role', code: 'invalid_value', message: 'Rôle inconnu.' }],
        }),
    });
    const error = await apiRequest('/things', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.problem.detail).toBe('La requête est invalide.');
    expect(apiError.problem.errors?.[0]).toEqual({
      path: 'memberships.0.role',
      code: 'invalid_value',
      message: 'Rôle inconnu.',
    });
    expect(apiError.isClientSide).toBe(false);
  });

  it('keeps `current` of a version conflict', async () => {
    stubFetch({
      'PATCH /api/things/1': () =>
        problem(409, 'version_conflict', 'Conflit.', { current: { id: 1, name: 'Theirs', version: 4 } }),
    });
    const error = (await apiRequest('/things/1', { method: 'PATCH', body: { version: 3 } }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe('version_conflict');
    expect(error.problem.current).toEqual({ id: 1, name: 'Theirs', version: 4 });
  });

  it('reports an error body that is not a problem as http_error', async () => {
    stubFetch({ 'GET /api/things/1': () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    const error = (await apiRequest('/things/1', { schema: Thing }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('http_error');
    expect(error.status).toBe(502);
    expect(error.isClientSide).toBe(true);
  });

  it('reports a network failure as network_error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = (await apiRequest('/things/1', { schema: Thing }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
  });

  it('reports a body that does not match the schema as invalid_response', async () => {
    stubFetch({ 'GET /api/things/1': () => jsonResponse(200, { id: 'one' }) });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = (await apiRequest('/things/1', { schema: Thing }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('invalid_response');
    log.mockRestore();
  });

  it('returns undefined for 204', async () => {
    stubFetch({ 'POST /api/auth/logout': () => jsonResponse(204, null) });
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('calls the unauthenticated handler on 401 outside /auth', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    stubFetch({
      'GET /api/things/1': () => problem(401, 'unauthenticated', 'Session expirée.'),
      'GET /api/auth/me': () => problem(401, 'unauthenticated', 'Session expirée.'),
    });
    await apiRequest('/auth/me', { schema: Thing }).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
    await apiRequest('/things/1', { schema: Thing }).catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('builds query strings without empty values', () => {
    expect(
      buildUrl('/users', { q: 'ana m', officeId: undefined, role: '', status: 'active', before: 12 }),
    ).toBe('/api/users?q=ana+m&status=active&before=12');
    expect(buildUrl('/audit', { from: '2025-03-01T00:00:00.000+01:00' })).toBe(
      '/api/audit?from=2025-03-01T00%3A00%3A00.000%2B01%3A00',
    );
  });
});
