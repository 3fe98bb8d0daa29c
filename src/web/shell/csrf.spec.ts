import { csrfTokenFor, csrfTokenMatches } from './csrf';

describe('form tokens', () => {
  const session = 'Yb2kQH8w3o5cZb7t1mV9r0sK4pL6nJ2xA8eD1fG3hI0';

  it('accepts the token derived from the same secret', () => {
    expect(csrfTokenMatches(session, csrfTokenFor(session))).toBe(true);
  });

  it.each([
    ['no secret (no session)', null, csrfTokenFor(session)],
    ['no token', session, undefined],
    ['an empty token', session, ''],
    ['the token of another session', session, csrfTokenFor(`${session}x`)],
    ['a token one character short', session, csrfTokenFor(session).slice(1)],
    ['the secret itself', session, session],
    ['a repeated field', session, [csrfTokenFor(session), csrfTokenFor(session)]],
  ])('refuses %s', (_case, secret, submitted) => {
    expect(csrfTokenMatches(secret, submitted)).toBe(false);
  });

  it('does not reveal the secret', () => {
    expect(csrfTokenFor(session)).not.toContain(session.slice(0, 8));
    expect(csrfTokenFor(session)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
