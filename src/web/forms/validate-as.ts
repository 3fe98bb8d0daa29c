import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldProblem } from '../../common/domain-error';
import { flattenValidationErrors } from '../../common/validation';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/**
 * Validates a form, mapped into the shape of an API body, with the API's own DTO class and the
 * same options as the global ValidationPipe: a web form and an API call obey the same rules.
 */
export async function validateAs<T extends object>(dto: ClassConstructor<T>, plain: object): Promise<Validated<T>> {
  const value = plainToInstance(dto, plain);
  const errors = await validate(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return errors.length ? { ok: false, problems: flattenValidationErrors(errors) } : { ok: true, value };
}
