import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldProblem } from './domain-error';
import { hasLoneSurrogate } from './request-input';

/** Flattens class-validator's tree into one entry per field, named by its path (`familyContacts.0.email`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      problems.push({ field, messages: Object.values(error.constraints) });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, field));
  }
  return problems;
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super({ message: `Invalid ${fields.map((f) => f.field).join(', ')}`, fields });
  }
}

/** No request needs JSON nested deeper than this; far deeper input would overflow the validator's recursion. */
export const MAX_INPUT_DEPTH = 12;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_PROBLEMS = 20;

/**
 * What no DTO should have to check, found before a DTO sees the input: keys that reach for an
 * object's prototype (class-transformer drops them silently, so they would pass unnoticed),
 * nesting too deep to validate safely, NUL characters (PostgreSQL cannot store them) and lone
 * surrogates (not Unicode: they would be stored as U+FFFD). Iterative, so depth cannot hurt it.
 */
export function unsafeInputProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push({ field, messages: [`${field} must not contain NUL characters`] });
      else if (hasLoneSurrogate(value)) problems.push({ field, messages: [`${field} is not valid Unicode text`] });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ field: path.split('.')[0] || 'body', messages: [`is nested more than ${MAX_INPUT_DEPTH} levels deep`] });
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) problems.push({ field: child, messages: [`${key} is not allowed as a name`] });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return problems;
}

/**
 * Two shapes class-validator lets through on a validated DTO instance:
 * - null for a field that is optional but not nullable. `@IsOptional()` lets null through as if
 *   the field were absent, and a service that copies "everything not undefined" would then write
 *   NULL into a NOT NULL column. A field that means "clear it" with null says so with
 *   `@ValidateIf((_, v) => v !== null)`, as UpdateCaseDto does;
 * - a list where a nested object is declared: `@ValidateNested()` validates each member of an
 *   array (and of an array inside it), so `[]` for `contactPreferences` or `[[]]` for
 *   `familyContacts` would count as valid.
 */
export function shapeProblems(instance: unknown, path = '', depth = 0): FieldProblem[] {
  if (instance === null || typeof instance !== 'object' || depth > MAX_INPUT_DEPTH) return [];
  const problems: FieldProblem[] = [];
  if (Array.isArray(instance)) {
    instance.forEach((item, index) => problems.push(...shapeProblems(item, path ? `${path}.${index}` : String(index), depth + 1)));
    return problems;
  }
  const dto = instance.constructor !== Object;
  const rules = dto ? getMetadataStorage().getTargetValidationMetadatas(instance.constructor, '', true, false) : [];
  for (const [key, value] of Object.entries(instance)) {
    const field = path ? `${path}.${key}` : key;
    const declared: unknown = dto ? Reflect.getMetadata('design:type', instance, key) : undefined;
    if (Array.isArray(value) && typeof declared === 'function' && declared !== Array && declared !== Object) {
      problems.push({ field, messages: [`${field} must be an object, not a list`] });
      continue;
    }
    const nested = rules.some((rule) => rule.propertyName === key && rule.type === 'nestedValidation');
    if (nested && Array.isArray(value)) {
      value.forEach((item, index) => Array.isArray(item) && problems.push({ field: `${field}.${index}`, messages: [`${field}.${index} must be an object, not a list`] }));
    }
    if (value !== null) {
      problems.push(...shapeProblems(value, field, depth + 1));
      continue;
    }
    const conditions = rules.filter((rule) => rule.propertyName === key && rule.type === 'conditionalValidation');
    if (conditions.some((rule) => rule.name === 'isOptional') && !conditions.some((rule) => rule.name !== 'isOptional')) {
      problems.push({ field, messages: [`${field} must not be null: leave it out to keep the current value`] });
    }
  }
  return problems;
}

/**
 * The global pipe: class-validator with whitelist and forbidNonWhitelisted, plus the checks above
 * for every body, query and path parameter (web form posts included, though their DTO checks run
 * later in the web module).
 */
export class AppValidationPipe extends ValidationPipe {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const checked = metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param';
    if (checked) {
      const unsafe = unsafeInputProblems(value);
      if (unsafe.length) throw new RequestValidationError(unsafe);
    }
    const result = await super.transform(value, metadata);
    if (metadata.type === 'body') {
      const shape = shapeProblems(result);
      if (shape.length) throw new RequestValidationError(shape);
    }
    return result;
  }
}

export function buildValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
