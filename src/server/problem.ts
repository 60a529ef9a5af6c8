import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { pgErrorCode } from '../platform/db-errors';
import { AppError, ERROR_STATUS, type ErrorCode } from '../platform/errors';
import { errorMessage, errorTitle, fieldErrors, type Lang } from '../platform/i18n';

/** Longest request address (path and query string) accepted: far above any of ours, far below Node's limit. */
export const MAX_URL_LENGTH = 8192;

function problemBody(lang: Lang, error: AppError, instance: string | undefined, requestId?: string) {
  return {
    type: `https://passerelle.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: errorTitle(lang, error.code),
    status: error.status,
    code: error.code,
    detail: errorMessage(lang, error.code, { ...(requestId ? { requestId } : {}), ...error.options.params }),
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(error.options.fields ? { errors: error.options.fields } : {}),
    ...(error.options.current !== undefined ? { current: error.options.current } : {}),
    ...(error.options.changed !== undefined ? { changed: error.options.changed } : {}),
  };
}

/** Writes an RFC 9457 problem+json response in the request's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.options.headers) reply.headers(error.options.headers);
  const instance = request.url.length > MAX_URL_LENGTH ? undefined : request.url.split('?')[0];
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(request.lang ?? 'fr', error, instance, request.id));
}

/**
 * Answers what Node's HTTP parser refuses before any request exists (headers over its limit, bytes that are
 * not HTTP): problem+json like every other error, then the connection is closed. There are no headers to
 * negotiate a language from, so the answer is in French, the default.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('request_header_too_large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('request_timeout')
        : new AppError('malformed_request');
  if (socket.writable) {
    const body = JSON.stringify(problemBody('fr', appError, undefined));
    socket.write(
      `HTTP/1.1 ${appError.status} ${appError.status === 431 ? 'Request Header Fields Too Large' : appError.status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** PostgreSQL errors caused by a value, not by the server: invalid character, out of range, too large. */
const DATA_EXCEPTIONS = new Set(['22021', '22P05', '22001', '22003', '22007', '22008', '22P02', '54000']);
export const isDataException = (error: unknown) => DATA_EXCEPTIONS.has(pgErrorCode(error) ?? '');

/** Fastify's own error codes for bad requests, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_json',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'too_many_requests',
};

export function toAppError(error: unknown, request: FastifyRequest, bodyLimit: number): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      ...(v.params as object),
      code: v.keyword,
      message: v.message ?? '',
      path: v.instancePath.split('/').filter(Boolean),
    })) as unknown as z.core.$ZodIssue[];
    return new AppError('validation_failed', { fields: fieldErrors(request.lang, issues) });
  }
  if (isResponseSerializationError(error)) return new AppError('internal_error');
  // The database refusing a value (a character it cannot store, a number out of range, a row too large for
  // an index) means a contract let bad input through: still the client's input, so a 400 and not a 500.
  // The caller logs it: the contract should be tightened.
  if (isDataException(error)) return new AppError('validation_failed', { fields: [] });
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode === 429) return new AppError('too_many_requests');
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped, { params: { limit: bodyLimit } });
  if (fastifyError.code === 'FST_ERR_VALIDATION') return new AppError('validation_failed', { fields: [] });
  // Malformed input caught by Fastify that we did not name (bad URL encoding, ...): a 4xx, never a 500.
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError(fastifyError.statusCode === 415 ? 'unsupported_media_type' : 'validation_failed');
  }
  return new AppError('internal_error');
}

export function isServerError(error: AppError): boolean {
  return ERROR_STATUS[error.code] >= 500;
}
