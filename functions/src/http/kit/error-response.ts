import type middy from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { frenchText, type ErrorCode } from '../../contracts/errors';
import { DomainError } from '../../domain/errors';
import { logger } from '../../shared/logger';

interface HttpLikeError {
  statusCode: number;
  expose?: boolean;
  message: string;
}

function isHttpLike(error: unknown): error is HttpLikeError {
  return typeof error === 'object' && error !== null && typeof (error as HttpLikeError).statusCode === 'number';
}

const statusNames: Record<number, string> = { 404: 'NotFound', 405: 'MethodNotAllowed', 415: 'UnsupportedMediaType' };
const statusCodes: Record<number, ErrorCode> = { 404: 'route.not-found', 405: 'route.method-not-allowed', 415: 'request.not-json' };

export function errorBody(error: unknown) {
  if (error instanceof DomainError) return error.toJSON();
  if (isHttpLike(error) && error.expose !== false && error.statusCode < 500) {
    // middy's own errors (e.g. http-router's unknown route) are mapped to the same shape, in French.
    const code = statusCodes[error.statusCode] ?? 'request.refused';
    const message = error.statusCode === 404 ? frenchText('route.not-found') : error.message;
    return { statusCode: error.statusCode, error: statusNames[error.statusCode] ?? 'BadRequest', code, params: {}, message };
  }
  return { statusCode: 500, error: 'InternalServerError', code: 'internal.error' satisfies ErrorCode, params: {}, message: frenchText('internal.error') };
}

/** Registered last so its onError runs first: maps any error to `{statusCode, error, code, params, message, details}`. */
export function errorResponse(): middy.MiddlewareObj<unknown, APIGatewayProxyResultV2> {
  return {
    onError: async (request) => {
      const body = errorBody(request.error);
      if (body.statusCode >= 500) logger.error('unhandled error', { error: request.error as Error });
      request.response = {
        statusCode: body.statusCode,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          ...(request.error instanceof DomainError ? request.error.headers : {}),
        },
        body: JSON.stringify(body),
      };
    },
  };
}
