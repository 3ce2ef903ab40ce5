import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, STATUS_BY_CODE, type ErrorBody, type ErrorCode } from '../kernel/errors.ts';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

/** One {field, message} per schema violation of a request (`body.key`, `querystring.page`, …); [] for any other error. */
export function validationDetails(err: unknown): { field: string; message: string }[] {
  if (!hasZodFastifySchemaValidationErrors(err)) return [];
  return err.validation.map((v) => ({
    field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
    message: v.message,
  }));
}

/**
 * Every error leaves as `{ error: { code, message, details? } }`. Anything that is not an AppError or
 * a recognised client error is a bug: the client gets a bare 500 in production and the log gets the detail.
 */
export function errorHandler(production: boolean) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    if (err instanceof AppError) {
      if (err.code === 'too_many_requests') {
        const retry = (err.details as { retryAfterS?: number } | undefined)?.retryAfterS;
        if (retry) void reply.header('retry-after', String(retry));
      }
      void reply.status(err.status).send(err.toBody());
      return;
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = validationDetails(err);
      const first = details[0];
      void reply.status(400).send({
        error: { code: 'validation_failed', message: first ? `${first.field}: ${first.message}` : 'invalid request', details },
      } satisfies ErrorBody);
      return;
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    const status = err.statusCode ?? 500;
    if (mapped || (status >= 400 && status < 500)) {
      const code: ErrorCode = mapped ?? (status === 404 ? 'not_found' : 'bad_request');
      void reply.status(STATUS_BY_CODE[code]).send({ error: { code, message: err.message } } satisfies ErrorBody);
      return;
    }
    req.log.error({ err }, 'unhandled error');
    void reply.status(500).send({
      error: { code: 'internal', message: production ? 'internal error' : `internal error: ${err.message}` },
    } satisfies ErrorBody);
  };
}
