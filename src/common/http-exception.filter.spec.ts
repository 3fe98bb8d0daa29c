import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { toErrorBody } from './http-exception.filter';

describe('toErrorBody', () => {
  const logger = { error: jest.fn() } as unknown as Logger;

  it('maps domain error codes to statuses and keeps field problems', () => {
    const { body } = toErrorBody(new DomainError('stale_version', 'changed', [{ field: 'version', messages: ['old'] }]), logger);
    expect(body).toEqual({ statusCode: 409, error: 'Conflict', message: 'changed', fields: [{ field: 'version', messages: ['old'] }] });
  });

  it('turns an unknown error into a 500 with a reference and no internals', () => {
    const secret = new QueryFailedError('SELECT * FROM cases WHERE x', [], new Error('SQLITE_ERROR: no such column: secret_column'));
    const { body } = toErrorBody(secret, logger);
    expect(body.statusCode).toBe(500);
    expect(body.reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|secret_column|SELECT/);
    expect(body.message).toContain(body.reference);
    expect(logger.error).toHaveBeenCalled();
  });

  it('maps body-parser failures to 400 and 413', () => {
    expect(toErrorBody({ type: 'entity.parse.failed', status: 400 }, logger).body.statusCode).toBe(400);
    expect(toErrorBody({ type: 'entity.too.large', status: 413 }, logger).body.statusCode).toBe(413);
  });
});
