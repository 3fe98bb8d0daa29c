import { BaseBody } from './base-bodies';
import {
  CONTROL_STRINGS,
  IMPOSSIBLE_DATES,
  IMPOSSIBLE_INSTANTS,
  INVALID_UTF8,
  MALFORMED_JSON,
  NOT_AN_OBJECT,
  OVERLONG,
  PATH_PARAMS,
  PATH_TRAVERSAL,
  QUERY_STRINGS,
  SQL,
  TEMPLATE,
  toJsonText,
  wrongTypesFor,
} from './payloads';
import { ServedRoute } from './routes';

/**
 * One malformed or hostile request. `refused`: the app must answer 4xx. `harmless`: the route
 * ignores that part of the request (a body sent to a route that reads none), so any answer below
 * 500 is right. Either way no stored record may change.
 */
export interface HostileRequest {
  name: string;
  route: ServedRoute;
  method: string;
  /** Path and query exactly as they go on the wire. */
  url: string;
  headers: Record<string, string>;
  /** Built when sent, because a web form carries the form token of the session it is sent with. */
  body?: (formToken: string) => string | Buffer;
  expect: 'refused' | 'harmless';
  /** On a 400 from the API, `fields` must name this field (or a field inside it). */
  field?: string;
}

export interface CorpusInput {
  routes: ServedRoute[];
  bases: Record<string, BaseBody>;
  /** Real ids for path parameters, so spoiled bodies reach the handler's own checks. */
  paramValues: (route: ServedRoute) => Record<string, string>;
}

const JSON_TYPE = 'application/json';
const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const FORM_TYPE = 'application/x-www-form-urlencoded';

export function buildCorpus({ routes, bases, paramValues }: CorpusInput): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  for (const route of routes) {
    const params = paramValues(route);
    const url = fillPath(route.path, params);
    const base = bases[route.key];
    const add = (request: Omit<HostileRequest, 'route' | 'method'> & { method?: string }) =>
      corpus.push({ route, method: route.method, ...request });
    // A body that parses is only refused where the route reads a body, or where its type is wrong
    // for that side of the app (a page takes form posts, the API JSON); a GET ignores bodies.
    const bodyMethod = BODY_METHODS.includes(route.method);
    const parsedBodyExpect = bodyMethod && (route.web || route.takesBody) ? 'refused' : 'harmless';

    // Path parameters: traversal, encodings, injection, absurd lengths.
    for (const param of route.params) {
      for (const value of PATH_PARAMS) {
        add({ name: `:${param} = ${value.slice(0, 60)}`, url: fillPath(route.path, { ...params, [param]: value }), headers: {}, body: baseBodyFor(route, base), expect: 'refused' });
      }
    }

    // The wrong method on the route's path.
    for (const method of route.method === 'GET' ? ['PUT', 'DELETE'] : ['PUT', 'DELETE', 'TRACE']) {
      add({ name: `method ${method}`, method, url, headers: {}, expect: 'refused' });
    }

    // Query strings: prototype keys, injection, impossible dates, repeated and overlong parameters.
    // A route that reads no query ignores one: a few are enough there to show nothing breaks.
    for (const { query, field } of route.takesQuery ? QUERY_STRINGS : QUERY_STRINGS.filter((_, i) => i % 3 === 0)) {
      add({ name: `query ${query.slice(0, 60)}`, url: `${url}?${query}`, headers: {}, body: baseBodyFor(route, base), expect: route.takesQuery ? 'refused' : 'harmless', field: route.takesQuery ? field : undefined });
    }

    // Bodies that never parse, or parse into something that is not an object.
    const type = route.web ? FORM_TYPE : JSON_TYPE;
    for (const text of MALFORMED_JSON) {
      add({ name: `malformed JSON ${JSON.stringify(text).slice(0, 40)}`, url, headers: { 'Content-Type': JSON_TYPE }, body: () => text, expect: 'refused' });
    }
    for (const text of NOT_AN_OBJECT) {
      add({ name: `JSON body ${text}`, url, headers: { 'Content-Type': JSON_TYPE }, body: () => text, expect: text.startsWith('[') ? parsedBodyExpect : 'refused' });
    }

    // Size and depth.
    add({ name: 'body over 256 kB', url, headers: { 'Content-Type': type }, body: () => (route.web ? `name=${'x'.repeat(300_000)}` : toJsonText({ filler: 'x'.repeat(300_000) })), expect: 'refused' });
    add({ name: 'JSON nested 5000 objects deep', url, headers: { 'Content-Type': JSON_TYPE }, body: () => `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, expect: parsedBodyExpect, field: route.web ? undefined : 'a' });
    add({ name: 'JSON nested 100000 arrays deep', url, headers: { 'Content-Type': JSON_TYPE }, body: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, expect: parsedBodyExpect });
    if (base?.json) {
      const [firstKey] = Object.keys(base.json);
      add({ name: `deep nesting inside ${firstKey}`, url, headers: { 'Content-Type': JSON_TYPE }, body: () => toJsonText({ ...base.json }).replace(/}$/, `,"${firstKey}x":${'['.repeat(2000)}${']'.repeat(2000)}}`), expect: 'refused', field: `${firstKey}x` });
    }

    // Prototype pollution through body keys (written as JSON text: an object literal would set the prototype instead).
    const baseJson = base?.json ? toJsonText(base.json).slice(1, -1) + ',' : '';
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const polluting = key === 'constructor' ? '{"prototype":{"polluted":true,"isAdmin":true}}' : '{"polluted":true,"isAdmin":true,"role":"admin"}';
      if (route.web) {
        add({ name: `form key ${key}`, url, headers: { 'Content-Type': FORM_TYPE }, body: (csrf) => formText({ ...(base?.form ?? {}), _csrf: csrf }) + `&${encodeURIComponent(key)}=x&${encodeURIComponent(`${key}[polluted]`)}=1`, expect: route.takesBody ? 'refused' : 'harmless', field: key });
      } else {
        add({ name: `JSON key ${key}`, url, headers: { 'Content-Type': JSON_TYPE }, body: () => `{${baseJson}"${key}":${polluting}}`, expect: parsedBodyExpect, field: key });
      }
    }
    if (base?.json) {
      const nestedKey = Object.entries(base.json).find(([, v]) => v !== null && typeof v === 'object');
      if (nestedKey) {
        const [key, value] = nestedKey;
        const inner = Array.isArray(value) ? `[{"__proto__":{"polluted":true}}]` : `{"__proto__":{"polluted":true}}`;
        add({ name: `__proto__ inside ${key}`, url, headers: { 'Content-Type': JSON_TYPE }, body: () => toJsonText({ ...base.json, [key]: '\u0001' }).replace('"\\u0001"', inner), expect: 'refused', field: key });
      }
    }

    // Wrong content types and encodings.
    const someBody = base?.json ? toJsonText(base.json) : '{"reference":"x"}';
    const wrongTypes: { name: string; headers: Record<string, string>; body: string | Buffer }[] = [
      { name: 'text/plain', headers: { 'Content-Type': 'text/plain' }, body: someBody },
      { name: 'application/xml', headers: { 'Content-Type': 'application/xml' }, body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><case>&e;</case>' },
      { name: 'multipart/form-data', headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' }, body: '--XyZ\r\nContent-Disposition: form-data; name="reference"\r\n\r\nx\r\n--XyZ--\r\n' },
      { name: route.web ? 'application/json to a page' : 'form to the API', headers: { 'Content-Type': route.web ? JSON_TYPE : FORM_TYPE }, body: route.web ? toJsonText(base?.form ?? { reference: 'x' }) : 'reference=x&version=1' },
      { name: 'no content type', headers: {}, body: someBody },
      { name: 'JSON in UTF-16', headers: { 'Content-Type': 'application/json; charset=utf-16' }, body: Buffer.from(someBody, 'utf16le') },
      { name: 'JSON in latin1', headers: { 'Content-Type': 'application/json; charset=iso-8859-1' }, body: someBody },
      { name: 'gzip that is not gzip', headers: { 'Content-Type': type, 'Content-Encoding': 'gzip' }, body: Buffer.from('not gzip at all') },
      { name: 'unknown content encoding', headers: { 'Content-Type': type, 'Content-Encoding': 'br, x-evil' }, body: Buffer.from(someBody) },
    ];
    for (const wrong of wrongTypes) {
      // A GET ignores its body unless the body cannot be read at all.
      const unreadable = /latin1|gzip|encoding/.test(wrong.name);
      add({ name: `content type: ${wrong.name}`, url, headers: wrong.headers, body: () => wrong.body, expect: bodyMethod || unreadable ? 'refused' : 'harmless' });
    }

    // Invalid UTF-8 on the wire.
    for (const { name, bytes } of INVALID_UTF8) {
      const [head, tail] = route.web ? ['reference=', '&name=x'] : ['{"reference":"', '"}'];
      add({ name: `invalid UTF-8 (${name})`, url, headers: { 'Content-Type': type }, body: (csrf) => Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail + (route.web ? `&_csrf=${csrf}` : ''))]), expect: 'refused' });
    }

    // Hostile headers.
    if (!route.web && route.allow !== 'public') {
      for (const authorization of [`Bearer ' OR 1=1 --`, `Bearer ${'A'.repeat(5000)}`, 'Basic YWRtaW4xOmFkbWlu', 'Bearer {{constructor}}', 'Bearer']) {
        add({ name: `Authorization ${authorization.slice(0, 30)}`, url, headers: { Authorization: authorization }, body: baseBodyFor(route, base), expect: 'refused' });
      }
    }
    if (base?.idempotent) {
      for (const key of ['x'.repeat(201), 'has space', 'ünïcödé', '', '\t']) {
        add({ name: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`, url, headers: { 'Content-Type': JSON_TYPE, 'Idempotency-Key': key }, body: baseBodyFor(route, base), expect: 'refused', field: 'Idempotency-Key' });
      }
    }

    if (base) corpus.push(...fieldAttacks(route, url, base));
  }
  return corpus;
}

/** Spoils one field of a valid body at a time. */
function fieldAttacks(route: ServedRoute, url: string, base: BaseBody): HostileRequest[] {
  const attacks: HostileRequest[] = [];
  const text = new Set([...(base.text ?? []), ...(base.anyText ?? [])]);
  const anyText = new Set(base.anyText ?? []);
  const lenient = new Set(base.lenient ?? []);
  if (base.json) {
    for (const [path, value] of leaves(base.json)) {
      if (lenient.has(path)) continue;
      const control = anyText.has(path) ? CONTROL_STRINGS.filter((s) => /\u0000|[\ud800-\udfff]/.test(s)) : CONTROL_STRINGS;
      const spoiled: unknown[] = [...wrongTypesFor(value), OVERLONG, ...control.map((s) => (typeof value === 'string' ? `${value}${s}` : s))];
      if (!(value === null)) spoiled.push(null);
      if (typeof value === 'string' && !text.has(path)) {
        spoiled.push(...SQL, ...TEMPLATE, ...PATH_TRAVERSAL);
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) spoiled.push(...IMPOSSIBLE_DATES);
        if (/^\d{4}-\d{2}-\d{2}T/.test(value)) spoiled.push(...IMPOSSIBLE_INSTANTS);
      }
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        spoiled.push(CONTROL_STRINGS.slice(0, 1), [OVERLONG]);
        if (!text.has(path)) spoiled.push(SQL.slice(0, 1), TEMPLATE.slice(0, 1));
      }
      for (const bad of spoiled) {
        const json = setPath(base.json, path, bad);
        attacks.push({
          name: `${path} = ${describe(bad)}`,
          route,
          method: route.method,
          url,
          headers: { 'Content-Type': JSON_TYPE },
          body: () => toJsonText(json),
          expect: 'refused',
          field: path,
        });
      }
    }
  }
  if (base.form) {
    for (const [name, value] of Object.entries(base.form)) {
      if (lenient.has(name)) continue;
      // A form cannot carry a lone surrogate (it is not UTF-8), so only the other control strings.
      const control = CONTROL_STRINGS.filter((s) => !/[\ud800-\udfff]/.test(s) && (!anyText.has(name) || s.includes('\u0000')));
      const spoiled = [...control.map((s) => `${value}${s}`), OVERLONG.slice(0, 60_000)];
      if (!text.has(name)) {
        spoiled.push(...SQL, ...TEMPLATE, ...PATH_TRAVERSAL);
        if (/^\d+$/.test(value)) spoiled.push('-1', '1e309', '99999999999', '0x10', '١٢');
      }
      for (const bad of spoiled) {
        attacks.push({
          name: `form ${name} = ${describe(bad)}`,
          route,
          method: route.method,
          url,
          headers: { 'Content-Type': FORM_TYPE },
          body: (csrf) => formText({ ...base.form, [name]: bad, _csrf: csrf }),
          expect: 'refused',
          field: name,
        });
      }
    }
  }
  return attacks;
}

/** The route's valid body (or none), so only the part under attack is wrong. */
function baseBodyFor(route: ServedRoute, base: BaseBody | undefined): HostileRequest['body'] {
  if (base?.json) return () => toJsonText(base.json);
  if (base?.form || route.web) return (csrf) => formText({ ...(base?.form ?? {}), _csrf: csrf });
  return undefined;
}

function fillPath(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');
}

export function formText(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`)
    .join('&');
}

/** [dotted path, value] of every scalar, array and nested-object member, one level into objects and arrays of objects. */
function leaves(body: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(body)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push([path, value]);
    if (prefix) continue;
    if (Array.isArray(value) && value[0] && typeof value[0] === 'object') out.push(...leaves(value[0] as Record<string, unknown>, `${path}.0`));
    else if (value && typeof value === 'object' && !Array.isArray(value)) out.push(...leaves(value as Record<string, unknown>, path));
  }
  return out;
}

function setPath(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const parts = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  target[parts[parts.length - 1]] = value;
  return copy;
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : toJsonText(value);
  return text.length > 50 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
}
