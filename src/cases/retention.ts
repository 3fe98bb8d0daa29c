/**
 * The retention review date of a case closed on `closedDate`: the same day `months` later, or the
 * last day of that month when it is shorter (closed 31 August, 6 months → 28 or 29 February).
 */
export function retentionReviewDate(closedDate: string, months: number): string {
  const [year, month, day] = closedDate.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
