import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError, ERROR_STATUS, type ErrorCode } from '../platform/errors';
import { errorMessage, errorTitle, fieldErrors } from '../platform/i18n';

/** Writes an RFC 9457 problem+json response in the request's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const lang = request.lang ?? 'fr';
  const params = { requestId: request.id, ...error.options.params };
  if (error.options.headers) reply.headers(error.options.headers);
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://passerelle.dev/problems/${error.code.replaceAll('_', '-')}`,
      title: errorTitle(lang, error.code),
      status: error.status,
      code: error.code,
      detail: errorMessage(lang, error.code, params),
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(error.options.fields ? { errors: error.options.fields } : {}),
      ...(error.options.current !== undefined ? { current: error.options.current } : {}),
    });
}

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
