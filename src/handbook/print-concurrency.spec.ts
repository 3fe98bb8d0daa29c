import { printConcurrency } from './handbook.module';

describe('printConcurrency', () => {
  it('leaves a core for the API, prints at least one at a time, and at most four', () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => printConcurrency(cores))).toEqual([1, 1, 2, 3, 4, 4]);
  });
});
