import request from 'supertest';
import { TEST_PASSWORD, TestApp } from '../support/test-app';

/** A browser-like client for the web pages: keeps cookies, and reads the form token off each page. */
export class WebClient {
  readonly agent: ReturnType<typeof request.agent>;
  csrfToken = '';
  /** `fl_session=…` as last set by the app, to replay it from elsewhere. */
  sessionCookie = '';

  /** `headers` go with every request (a proxy's X-Forwarded-* headers, say). */
  constructor(
    private readonly t: TestApp,
    headers: Record<string, string> = {},
  ) {
    this.agent = request.agent(t.app.getHttpServer()).set(headers);
  }

  /** GETs a page and remembers its form token. */
  async get(path: string) {
    const response = await this.agent.get(path);
    this.remember(response);
    return response;
  }

  /** POSTs a form with the remembered token (unless told to leave it out or send another). */
  async post(path: string, fields: Record<string, string> = {}, options: { csrf?: string | null } = {}) {
    const token = options.csrf === undefined ? this.csrfToken : options.csrf;
    const form = token === null ? fields : { ...fields, _csrf: token };
    const response = await this.agent.post(path).type('form').send(form);
    this.remember(response);
    return response;
  }

  async signIn(username: string, password = TEST_PASSWORD) {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password });
  }

  private remember(response: request.Response): void {
    const match = /name="_csrf" value="([^"]*)"/.exec(response.text ?? '');
    if (match && match[1]) this.csrfToken = match[1];
    const session = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('fl_session='));
    if (session) this.sessionCookie = session.split(';')[0];
  }
}

/** The Set-Cookie line for the cookie called `name`: `name=value; Path=/; HttpOnly…`. */
export function setCookie(response: request.Response, name: string): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith(`${name}=`));
  if (!cookie) throw new Error(`No Set-Cookie for ${name} in ${JSON.stringify(cookies)}`);
  return cookie;
}

export async function signedIn(t: TestApp, username: string): Promise<WebClient> {
  const client = new WebClient(t);
  const response = await client.signIn(username);
  if (response.status !== 303) throw new Error(`Signing in ${username} answered ${response.status}`);
  await client.get(response.headers.location);
  return client;
}

/** The text of an HTML page without tags, whitespace collapsed: what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
