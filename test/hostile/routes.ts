import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from '../../src/auth/access-rules';
import { Role } from '../../src/officers/officer.entity';

/** One route the app serves, as the hostile corpus needs to know it. */
export interface ServedRoute {
  /** `POST /api/cases/:id/contacts` */
  key: string;
  method: string;
  path: string;
  /** Who may call it, from the route's own access rule. */
  allow: Role[] | 'public';
  /** A browser page (session cookie and form token) rather than the JSON API. */
  web: boolean;
  /** The handler reads a body / a query, so junk there must be refused rather than ignored. */
  takesBody: boolean;
  takesQuery: boolean;
  params: string[];
}

/** `METHOD /path` of every route the Express router holds (as test/access-matrix does). */
export function servedRouteKeys(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance();
  const stack = (express.router ?? express._router).stack as { route?: { path: string; methods: Record<string, boolean> } }[];
  return stack
    .filter((layer) => layer.route && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
    );
}

interface HandlerFacts {
  allow: Role[] | 'public' | null;
  takesBody: boolean;
  takesQuery: boolean;
}

/** What each controller handler declares (access rule, body, query), keyed `METHOD /path`. */
function handlerFacts(app: INestApplication): Map<string, HandlerFacts> {
  const facts = new Map<string, HandlerFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const rule = (Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, controller)) as AccessRule | undefined;
        const args = Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}).map((k) => Number(k.split(':')[0]));
        for (const prefix of prefixes) {
          for (const path of ([] as string[]).concat(paths)) {
            const full = `/${[prefix, path].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
            facts.set(`${method} ${full}`, {
              allow: !rule ? null : 'public' in rule ? 'public' : rule.roles,
              takesBody: args.includes(RouteParamtypes.BODY),
              takesQuery: args.includes(RouteParamtypes.QUERY),
            });
          }
        }
      }
    }
  }
  return facts;
}

/**
 * Every route the app serves, with its access rule and inputs read from the controllers
 * themselves, so a route added later is in the corpus without anyone listing it.
 */
export function servedRoutes(app: INestApplication): ServedRoute[] {
  const facts = handlerFacts(app);
  return servedRouteKeys(app).map((key) => {
    const [method, path] = key.split(' ');
    const found = facts.get(key);
    if (!found) throw new Error(`No controller handler found for the served route ${key}`);
    if (!found.allow) throw new Error(`${key} has no access rule`);
    return {
      key,
      method,
      path,
      allow: found.allow,
      web: !(path === '/health' || path === '/api' || path.startsWith('/api/')),
      takesBody: found.takesBody,
      takesQuery: found.takesQuery,
      params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
    };
  });
}
