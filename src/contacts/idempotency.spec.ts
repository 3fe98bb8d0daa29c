import { requestHash } from './idempotency';

describe('requestHash', () => {
  it('ignores property order and undefined fields', () => {
    expect(requestHash('r', 'c', { a: 1, b: [1, { y: 2, x: 1 }] })).toBe(requestHash('r', 'c', { b: [1, { x: 1, y: 2 }], a: 1, z: undefined }));
  });

  it('tells apart a different body, case or route', () => {
    const base = requestHash('r', 'c', { a: 1 });
    expect(requestHash('r', 'c', { a: 2 })).not.toBe(base);
    expect(requestHash('r', 'd', { a: 1 })).not.toBe(base);
    expect(requestHash('s', 'c', { a: 1 })).not.toBe(base);
  });
});
