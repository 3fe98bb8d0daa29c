import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RequestValidationError } from '../common/validation';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The Idempotency-Key header: null when absent, 400 naming the header when malformed. */
export const IdempotencyKeyHeader = createParamDecorator((_: unknown, context: ExecutionContext): string | null => {
  const value = context.switchToHttp().getRequest().headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^[\x21-\x7E]{1,200}$/.test(value)) {
    throw new RequestValidationError([
      { field: IDEMPOTENCY_HEADER, messages: [`${IDEMPOTENCY_HEADER} must be 1–200 visible ASCII characters, e.g. a UUID`] },
    ]);
  }
  return value;
});

/** SHA-256 of the request as the client meant it: property order and absent-vs-undefined do not matter. */
export function requestHash(route: string, caseId: string, body: object): string {
  return createHash('sha256').update(canonicalJson({ route, caseId, body })).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
