// Time is an input: services take a Clock so tests and jobs can say what "now" is.
import type { IsoDate } from './calendar.js';
import { amsterdamTime } from './dates.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(d: Date | string): void; advanceDays(n: number): void } {
  let t = new Date(at);
  return {
    now: () => new Date(t),
    set: (d) => {
      t = new Date(d);
    },
    advanceDays: (n) => {
      t = new Date(t.getTime() + n * 86_400_000);
    },
  };
}

/** The calendar date in the Netherlands at instant `d` (municipal deadlines are local). */
export function dutchDate(d: Date): IsoDate {
  return amsterdamTime(d).date;
}
