/** The time source. Injected so tests can move time forward (token expiry, due dates) without waiting. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
