/** The time source of every rule, worker and job, so tests can move time instead of waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** `YYYY-MM-DD` of an instant in UTC: contracts run on calendar days. */
export function calendarDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
