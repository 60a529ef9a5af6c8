/**
 * The one way the web app talks to the server: same-origin JSON under /api, cookie session,
 * CSRF token on every state-changing request, UI language in `Accept-Language`,
 * RFC 9457 problem details turned into `ApiError`.
 */
import type { z } from 'zod';
import { type Problem, ProblemSchema } from '../../../../src/platform/contract';

/** Codes the client makes up itself when the server's answer is missing or unusable. */
export const CLIENT_ERROR_CODES = ['network_error', 'invalid_response', 'http_error'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds the server asked to wait before trying again (Retry-After), if it said. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title || problem.code);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** True when the problem was made up by the client: its `detail` is not a localised server message. */
  get isClientSide(): boolean {
    return (CLIENT_ERROR_CODES as readonly string[]).includes(this.problem.code);
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function clientProblem(status: number, code: ClientErrorCode): Problem {
  return { type: 'about:blank', title: code, status, code, detail: '' };
}

let csrfToken: string | null = null;
let languageProvider: () => string = () => document.documentElement.lang || 'fr';
let unauthenticatedHandler: (() => void) | null = null;

/** Remembers the session's CSRF token (from `Me.csrfToken`); `null` after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setLanguageProvider(provider: () => string): void {
  languageProvider = provider;
}

/** Called when the server says the session is gone (401 outside /auth). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: HttpMethod;
  query?: QueryParams;
  body?: unknown;
  /** Validates the response body; without it, the body is ignored. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = ProblemSchema.safeParse(body);
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  const wait = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  if (parsed.success) return new ApiError(parsed.data, wait);
  return new ApiError(clientProblem(response.status, 'http_error'), wait);
}

export async function apiRequest<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { method = 'GET', query, body, schema, signal } = options;
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': languageProvider(),
  };
  // A FormData body (file upload) sets its own multipart Content-Type, boundary included.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(clientProblem(0, 'network_error'));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !path.startsWith('/auth/')) unauthenticatedHandler?.();
    throw error;
  }
  if (!schema || response.status === 204) return undefined as T;

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(clientProblem(response.status, 'invalid_response'));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    if (import.meta.env?.DEV)
      console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(clientProblem(response.status, 'invalid_response'));
  }
  return parsed.data;
}

export const api = {
  get: <T>(path: string, schema: z.ZodType<T>, query?: QueryParams, signal?: AbortSignal) =>
    apiRequest<T>(path, { schema, query, signal }),
  post: <T = undefined>(path: string, body?: unknown, schema?: z.ZodType<T>) =>
    apiRequest<T>(path, { method: 'POST', body, schema }),
  put: <T = undefined>(path: string, body: unknown, schema?: z.ZodType<T>) =>
    apiRequest<T>(path, { method: 'PUT', body, schema }),
  patch: <T = undefined>(path: string, body: unknown, schema?: z.ZodType<T>) =>
    apiRequest<T>(path, { method: 'PATCH', body, schema }),
  delete: (path: string) => apiRequest(path, { method: 'DELETE' }),
  /** multipart/form-data, e.g. a file upload. */
  upload: <T>(path: string, form: FormData, schema: z.ZodType<T>) =>
    apiRequest<T>(path, { method: 'POST', body: form, schema }),
};
