import { Actor } from './actor';
import { CachedSignIn, SignInCache } from './sign-in-cache';

const actor: Actor = { id: 'o1', username: 'officer1', name: 'Officer One', role: 'officer', teamId: 't1', sessionId: 's1' };
const signIn = (lastSeenAt = 0): CachedSignIn => ({ actor, expiresAt: 1_000_000, lastSeenAt });

describe('SignInCache', () => {
  it('answers a stored sign-in until its time is up', () => {
    const cache = new SignInCache(5_000);
    cache.store('h1', signIn(), cache.begin(), 1_000);
    expect(cache.get('h1', 1_000)?.actor.username).toBe('officer1');
    expect(cache.get('h1', 5_999)?.actor.id).toBe('o1');
    expect(cache.get('h1', 6_000)).toBeNull();
    expect(cache.get('h2', 1_000)).toBeNull();
  });

  it('does not use an entry stored in the future (a clock set back)', () => {
    const cache = new SignInCache(5_000);
    cache.store('h1', signIn(), cache.begin(), 10_000);
    expect(cache.get('h1', 9_000)).toBeNull();
  });

  it('forgets everything when sessions or officers change', () => {
    const cache = new SignInCache(5_000);
    cache.store('h1', signIn(), cache.begin(), 1_000);
    cache.forget();
    expect(cache.get('h1', 1_001)).toBeNull();
  });

  it('does not store what a lookup read while a change was committing', () => {
    const cache = new SignInCache(5_000);
    const begun = cache.begin();
    cache.forget();
    cache.store('h1', signIn(), begun, 1_000);
    expect(cache.get('h1', 1_000)).toBeNull();
    cache.store('h1', signIn(), cache.begin(), 1_000);
    expect(cache.get('h1', 1_000)).not.toBeNull();
  });

  it('stores nothing when off (several instances share the database)', () => {
    const cache = new SignInCache(0);
    expect(cache.enabled).toBe(false);
    cache.store('h1', signIn(), cache.begin(), 1_000);
    expect(cache.get('h1', 1_000)).toBeNull();
  });

  it('keeps a touched session’s new lastSeenAt', () => {
    const cache = new SignInCache(5_000);
    cache.store('h1', signIn(100), cache.begin(), 1_000);
    cache.touched('h1', 900);
    expect(cache.get('h1', 1_000)?.lastSeenAt).toBe(900);
  });

  it('drops the oldest entry when full', () => {
    const cache = new SignInCache(5_000, 2);
    for (const hash of ['h1', 'h2', 'h3']) cache.store(hash, signIn(), cache.begin(), 1_000);
    expect(cache.get('h1', 1_000)).toBeNull();
    expect(cache.get('h2', 1_000)).not.toBeNull();
    expect(cache.get('h3', 1_000)).not.toBeNull();
  });
});
