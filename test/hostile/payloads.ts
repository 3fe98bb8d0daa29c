/** The hostile values the corpus is built from. Each list is small; the corpus multiplies them by route and field. */

export const SQL = [`' OR 1=1 --`, `1; DROP TABLE cases; --`, `" OR ""="`, `1' UNION SELECT passwordHash FROM officers --`];

export const TEMPLATE = [
  `{{constructor.constructor('return process')()}}`,
  `{{#with "s" as |string|}}{{string.sub.apply 0 "constructor"}}{{/with}}`,
  `<script>alert(document.cookie)</script>`,
  `\${7*7}<%= 7*7 %>#{7*7}`,
];

export const PATH_TRAVERSAL = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd'];

export const IMPOSSIBLE_DATES = ['2026-02-30', '0000-00-00', '1899-01-01', '2026-13-01', '2025-02-29', '+02026-03-01', '2026-3-1'];

export const IMPOSSIBLE_INSTANTS = [
  '2026-02-30T10:00:00Z',
  '0000-00-00T00:00:00Z',
  '1899-01-01T10:00:00Z',
  '2026-03-09T25:61:00Z',
  '2026-03-09T10:00:00',
  '2026-03-09T10:00:00+25:00',
  '1773050400000',
];

/** Strings no field may hold: control characters, NUL, lone surrogates (invalid UTF-16), bidi tricks with NUL. */
export const CONTROL_STRINGS = ['abc\u0000def', '\u0000', 'a\u0007b\u001b[31m', 'line\u000bbreak', 'lone \ud800 surrogate', 'x\udfff', '\u202e\u0000gnp.exe'];

export const OVERLONG = 'x'.repeat(100_000);

/** Values to put where an object, array, number, boolean or string is expected. */
export function wrongTypesFor(value: unknown): unknown[] {
  if (typeof value === 'string') return [12345, true, [], {}, ['a'], { $ne: '' }];
  if (typeof value === 'number') return ['1', true, [], {}, 1.5, -1, 1e308, raw('1e999'), raw('-1e-7'), 'NaN'];
  if (typeof value === 'boolean') return ['true', 1, 0, 'yes', [], {}];
  if (Array.isArray(value)) return ['x', {}, 7, [null], [[[]]], [{}], [12345], Array.from({ length: 500 }, () => 'a')];
  if (value !== null && typeof value === 'object') return ['x', [], 1, true];
  return ['x', 1, [], {}];
}

/** A fragment spliced into the JSON text unquoted (numbers JSON.stringify cannot write). */
export interface RawJson {
  raw: string;
}
export function raw(text: string): RawJson {
  return { raw: text };
}

/** JSON.stringify that splices RawJson fragments in as they are. */
export function toJsonText(value: unknown): string {
  const fragments: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && 'raw' in v && Object.keys(v).length === 1) {
      fragments.push((v as RawJson).raw);
      return `\u0001RAW${fragments.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, index: string) => fragments[Number(index)]);
}

/** Bodies that are not JSON, or not JSON the app should take, sent as application/json. */
export const MALFORMED_JSON = [
  '{"reference": ',
  "{'reference': 'x'}",
  '{"reference": "x",}',
  '{"reference" "x"}',
  '[1, 2',
  'nul',
  '{"a": NaN}',
  '{"a": undefined}',
  '{"a": "\u0001raw control"}',
  '{"a": "unterminated}',
  '\u0000',
  '{"a":1}{"b":2}',
  '<?xml version="1.0"?><case/>',
];

/** JSON that parses but is not an object. */
export const NOT_AN_OBJECT = ['"just a string"', '12345', 'null', 'true', '[]', '[{}]', '[{"__proto__": {"polluted": true}}]'];

/** Raw bodies that are not valid UTF-8: overlong encodings, stray continuation bytes, encoded surrogates. */
export const INVALID_UTF8: { name: string; bytes: number[] }[] = [
  { name: 'overlong slash', bytes: [0xc0, 0xaf] },
  { name: 'overlong NUL', bytes: [0xc0, 0x80] },
  { name: 'overlong dot dot', bytes: [0xc0, 0xae, 0xc0, 0xae] },
  { name: 'stray continuation byte', bytes: [0x80] },
  { name: 'truncated sequence', bytes: [0xe2, 0x82] },
  { name: '0xFF', bytes: [0xff, 0xfe] },
  { name: 'UTF-8 encoded surrogate', bytes: [0xed, 0xa0, 0x80] },
  { name: 'five-byte sequence', bytes: [0xf8, 0x88, 0x80, 0x80, 0x80] },
];

/** Path parameter values, written as they go on the wire (already percent-encoded where needed). */
export const PATH_PARAMS = [
  '..%2f..%2fetc%2fpasswd',
  '..%2F..%2F..%2F..%2Fetc%2Fshadow',
  '%2e%2e%2f%2e%2e%2f',
  '..%5c..%5cwindows',
  '%00',
  'abc%00.json',
  '%FF',
  '%E0%80%AF',
  '%C0%AE%C0%AE%C0%AF',
  '%ED%A0%80',
  '%',
  '%zz',
  'x'.repeat(5000),
  '1%27%20OR%201%3D1%20--',
  '1%3B%20DROP%20TABLE%20cases',
  '%7B%7Bconstructor.constructor(%27return%20process%27)()%7D%7D',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-4266141740000',
];

/** Whole paths that try to climb out of the app's routes or confuse the router. */
export const PATH_TRICKS = [
  '/api/cases/..%2f..%2fetc%2fpasswd',
  '/api/cases/../../etc/passwd',
  '/api/%2e%2e/%2e%2e/etc/passwd',
  '/api/cases/%00',
  '/api/cases/%00/contacts',
  '/assets/..%2f..%2fpackage.json',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/assets/../../data/liaison.sqlite',
  '/assets/%00',
  '//api//cases',
  '/api/cases;/..;/',
  '/api/cases/' + '9'.repeat(4000),
  '/%FF',
  '/api/%E0%80%AF',
  '/cases/%C0%AE%C0%AE/edit',
  '/api/docs/..%2f..%2fpackage.json',
];

/** Query strings (without the `?`), raw as sent. */
export const QUERY_STRINGS: { query: string; field: string }[] = [
  { query: '__proto__[isAdmin]=1', field: '__proto__[isAdmin]' },
  { query: '__proto__=polluted', field: '__proto__' },
  { query: 'constructor[prototype][isAdmin]=1', field: 'constructor[prototype][isAdmin]' },
  { query: 'constructor=x', field: 'constructor' },
  { query: 'prototype=x', field: 'prototype' },
  { query: 'status=%27%20OR%201%3D1%20--', field: 'status' },
  { query: 'teamId=1%3B%20DROP%20TABLE%20cases', field: 'teamId' },
  { query: 'status=%7B%7B7*7%7D%7D', field: 'status' },
  { query: 'status=%3Cscript%3E', field: 'status' },
  { query: 'from=2026-02-30&to=0000-00-00', field: 'from' },
  { query: 'from=1899-01-01', field: 'from' },
  { query: 'status=%00', field: 'status' },
  { query: 'status=%FF%FE', field: 'status' },
  { query: 'status=open&status=closed', field: 'status' },
  { query: `q=${'x'.repeat(6000)}`, field: 'q' },
  { query: '%zz=%', field: 'query' },
];
