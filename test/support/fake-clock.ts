import { Clock } from '../../src/common/clock';

/** A clock the test moves by hand. Starts at a fixed, ordinary working day unless told otherwise. */
export class FakeClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-03-10T10:00:00Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}
