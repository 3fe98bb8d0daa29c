import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ERROR_STATUS, FieldProblem } from './domain-error';
import { RequestValidationError } from './validation';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: FieldProblem[];
  reference?: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Turns anything thrown into the one error shape. Unknown errors become a 500 with a reference id only. */
export function toErrorBody(exception: unknown, logger: Logger): { body: ErrorBody; headers: Record<string, string> } {
  if (exception instanceof DomainError) {
    const statusCode = ERROR_STATUS[exception.code];
    const body: ErrorBody = { statusCode, error: STATUS_TEXT[statusCode], message: exception.message };
    if (exception.fields.length) body.fields = exception.fields;
    return { body, headers: exception.headers };
  }
  if (exception instanceof RequestValidationError) {
    return {
      body: { statusCode: 400, error: 'Bad Request', message: exception.message, fields: exception.fields },
      headers: {},
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message).join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    return { body: { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message }, headers: {} };
  }
  const bodyParserError = exception as { type?: string; status?: number; expose?: boolean };
  if (bodyParserError?.type === 'entity.parse.failed') {
    return { body: { statusCode: 400, error: 'Bad Request', message: 'Malformed JSON in request body', fields: [{ field: 'body', messages: ['is not valid JSON'] }] }, headers: {} };
  }
  if (bodyParserError?.type === 'entity.too.large') {
    return { body: { statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large' }, headers: {} };
  }
  if (bodyParserError?.type === 'encoding.unsupported' || bodyParserError?.type === 'charset.unsupported') {
    return { body: { statusCode: 415, error: 'Unsupported Media Type', message: 'Unsupported request body encoding' }, headers: {} };
  }
  if (bodyParserError?.expose && typeof bodyParserError.status === 'number' && bodyParserError.status < 500) {
    const statusCode = bodyParserError.status;
    return { body: { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: 'Bad request body' }, headers: {} };
  }
  const reference = randomUUID();
  const detail = exception instanceof QueryFailedError ? `database error: ${exception.message}` : exception;
  logger.error(`Unhandled error, reference ${reference}`, (exception as Error)?.stack ?? String(detail));
  return {
    body: { statusCode: 500, error: 'Internal Server Error', message: `Something went wrong. Quote reference ${reference}.`, reference },
    headers: {},
  };
}

/**
 * Answers errors on the browser's pages as HTML (the web module provides it). The API and /health
 * keep the JSON error shape.
 */
export abstract class HtmlErrorPages {
  abstract send(request: Request, response: Response, body: ErrorBody): void;
}

export function wantsJsonErrors(path: string): boolean {
  return ['/api', '/health'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() private readonly htmlPages?: HtmlErrorPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { body, headers } = toErrorBody(exception, this.logger);
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Cache-Control', 'no-store');
    if (this.htmlPages && !wantsJsonErrors(request.path)) return this.htmlPages.send(request, response, body);
    response.status(body.statusCode).json(body);
  }

}
