import { IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ArgumentMetadata } from '@nestjs/common';
import { buildValidationPipe, MAX_INPUT_DEPTH, RequestValidationError, shapeProblems, unsafeInputProblems } from './validation';

class Inner {
  @IsString()
  name: string;
}

class Outer {
  @IsOptional()
  @IsString()
  note?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  clearable?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => Inner)
  inner?: Inner;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Inner)
  list?: Inner[];
}

describe('unsafeInputProblems', () => {
  it('names prototype keys wherever they are', () => {
    const body = JSON.parse('{"a":{"__proto__":{"x":1}},"constructor":1,"list":[{"prototype":2}]}');
    expect(unsafeInputProblems(body).map((p) => p.field).sort()).toEqual(['a.__proto__', 'constructor', 'list.0.prototype']);
  });

  it('refuses nesting deeper than the limit, naming the top-level field, without recursing', () => {
    const deep = JSON.parse(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(unsafeInputProblems(deep)).toEqual([{ field: 'a', messages: [`is nested more than ${MAX_INPUT_DEPTH} levels deep`] }]);
  });

  it('refuses NUL and lone surrogates in any string, but not other text', () => {
    expect(unsafeInputProblems({ a: 'x\u0000', b: ['ok', 'lone \ud800'], c: 'emoji 😀 and ünïcode' }).map((p) => p.field).sort()).toEqual(['a', 'b.1']);
  });

  it('passes ordinary input', () => {
    expect(unsafeInputProblems({ reference: 'NOR/2026/1', familyContacts: [{ name: "O'Brien" }], n: 3, b: false, z: null })).toEqual([]);
  });
});

describe('shapeProblems', () => {
  const outer = (fields: Partial<Outer>) => Object.assign(new Outer(), fields);

  it('refuses null for an optional field that is not nullable, and allows it where null means "clear"', () => {
    expect(shapeProblems(outer({ note: null as unknown as string, clearable: null })).map((p) => p.field)).toEqual(['note']);
  });

  it('refuses a list where one nested object is declared, and lists inside a list of objects', () => {
    expect(shapeProblems(outer({ inner: [] as unknown as Inner })).map((p) => p.field)).toEqual(['inner']);
    expect(shapeProblems(outer({ list: [[]] as unknown as Inner[] })).map((p) => p.field)).toEqual(['list.0']);
  });
});

describe('the global validation pipe', () => {
  const pipe = buildValidationPipe();
  const body: ArgumentMetadata = { type: 'body', metatype: Outer };

  it('refuses a prototype key with 400 naming it (class-transformer would drop it silently)', async () => {
    await expect(pipe.transform(JSON.parse('{"__proto__":{"isAdmin":true}}'), body)).rejects.toMatchObject({ fields: [{ field: '__proto__' }] });
  });

  it('checks untyped bodies too (web form posts)', async () => {
    await expect(pipe.transform({ name: 'a\u0000' }, { type: 'body', metatype: Object })).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('refuses null for an optional, non-nullable field after validation', async () => {
    await expect(pipe.transform({ note: null }, body)).rejects.toMatchObject({ fields: [{ field: 'note' }] });
    await expect(pipe.transform({ clearable: null }, body)).resolves.toBeInstanceOf(Outer);
  });
});
