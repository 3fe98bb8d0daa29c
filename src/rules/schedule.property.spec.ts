import { addCalendarDays, londonDate } from './dates';
import { loadExtraHolidays } from './load-extra-holidays';
import { RISK_LEVELS } from './risk';
import { CaseFacts, ContactFacts, MilestoneFacts, computeOwedUpdates } from './schedule';
import { DEFAULT_RULE_SETTINGS, RuleSettings } from './settings';
import { CONTACT_METHODS, CONTACT_OUTCOMES, MILESTONE_STATUSES, MILESTONE_TYPES, UPDATE_REASONS } from './vocabulary';
import { createWorkingDayCalendar } from './working-days';

const calendar = createWorkingDayCalendar(loadExtraHolidays());
const CASES = 400;

/** Small seeded PRNG (mulberry32) so a failure can be replayed from its seed. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)];
  const chance = (probability: number) => next() < probability;
  const instant = (date: string) => `${date}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00Z`;
  return { int, pick, chance, instant };
}

type Random = ReturnType<typeof randomFrom>;

function randomSettings(random: Random): RuleSettings {
  if (random.chance(0.5)) return DEFAULT_RULE_SETTINGS;
  return {
    firstContactWorkingDays: random.int(0, 3),
    afterMilestoneWorkingDays: random.int(0, 3),
    advanceNoticeWorkingDays: random.int(1, 5),
    defaultCadenceDays: random.int(1, 56),
    highRiskFollowUpWorkingDays: random.int(0, 2),
    mediumRiskFollowUpDays: random.int(1, 14),
    advanceNoticeMilestoneTypes: MILESTONE_TYPES.filter(() => random.chance(0.4)),
    impartialityWarning: true,
  };
}

function randomCase(random: Random): { facts: CaseFacts; today: string } {
  // Arrests across 2021–2027 so every bank-holiday pattern, Easter and year boundary gets hit.
  const arrestDate = addCalendarDays('2021-01-01', random.int(0, 7 * 365));
  const around = (from: number, to: number) => addCalendarDays(arrestDate, random.int(from, to));
  const milestones: MilestoneFacts[] = Array.from({ length: random.int(0, 8) }, (_, index) => {
    const status = random.pick(MILESTONE_STATUSES);
    return {
      id: `m${index}`,
      type: random.pick(MILESTONE_TYPES),
      status,
      expectedDate: random.chance(0.8) ? around(-5, 300) : null,
      doneDate: status === 'done' ? around(-2, 250) : null,
      recordedAt: random.instant(around(-10, 200)),
      dateChangedAt: random.chance(0.4) ? random.instant(around(0, 220)) : null,
    };
  });
  const contacts: ContactFacts[] = Array.from({ length: random.int(0, 25) }, (_, index) => ({
    id: random.chance(0.5) ? `c${index}` : index,
    occurredAt: random.instant(around(-1, 260)),
    outcome: random.pick(CONTACT_OUTCOMES),
    method: random.pick(CONTACT_METHODS),
  }));
  const wellbeingChecks = Array.from({ length: random.int(0, 4) }, (_, index) => ({
    id: `w${index}`,
    occurredAt: random.instant(around(0, 240)),
    riskLevel: random.pick(RISK_LEVELS),
  }));
  const declines = Array.from({ length: random.int(0, 2) }, (_, index) => {
    const from = around(0, 200);
    return { id: `d${index}`, from, reviewDate: addCalendarDays(from, random.int(1, 60)) };
  });
  const closed = random.chance(0.25);
  return {
    facts: {
      status: closed ? 'closed' : 'open',
      closedDate: closed ? around(0, 250) : null,
      arrestDate,
      updateFrequencyDays: random.int(1, 56),
      milestones,
      contacts,
      wellbeingChecks,
      declines,
    },
    today: around(-3, 300),
  };
}

function shuffled<T>(values: readonly T[], random: Random): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('owed updates: invariants over random cases', () => {
  const generated = Array.from({ length: CASES }, (_, seed) => {
    const random = randomFrom(seed + 1);
    const settings = randomSettings(random);
    const { facts, today } = randomCase(random);
    return { seed: seed + 1, random, settings, facts, today, updates: computeOwedUpdates(facts, today, settings, calendar) };
  });

  it('produces a good number of updates to check (the generator is not degenerate)', () => {
    const total = generated.reduce((sum, each) => sum + each.updates.length, 0);
    expect(total).toBeGreaterThan(CASES * 5);
    const statuses = new Set(generated.flatMap((each) => each.updates.map((update) => update.status)));
    expect([...statuses].sort()).toEqual(['attempted', 'declined', 'met', 'missed', 'open']);
  });

  it.each(generated.map((each) => [each.seed, each] as const))('seed %i', (_seed, { random, settings, facts, today, updates }) => {
    // No due date ever falls on a weekend or a bank holiday.
    for (const update of updates) expect([update.key, calendar.isWorkingDay(update.dueDate)]).toEqual([update.key, true]);

    // Keys are unique, and every update has exactly one known reason.
    expect(new Set(updates.map((update) => update.key)).size).toBe(updates.length);
    for (const update of updates) expect(UPDATE_REASONS).toContain(update.reason);

    for (const update of updates) {
      expect(update.owedFrom <= update.dueDate).toBe(true);
      // Status agrees with who met it and how late.
      const met = update.status === 'met';
      expect(update.metByContactId !== null).toBe(met);
      expect(update.metAt !== null).toBe(met);
      if (met) {
        expect(londonDate(update.metAt as string) >= update.owedFrom).toBe(true);
        expect(update.daysLate).toBeGreaterThanOrEqual(0);
      } else if (update.status === 'attempted' || update.status === 'missed') {
        expect(update.dueDate < today).toBe(true);
        expect(update.daysLate).toBeGreaterThan(0);
      } else if (update.status === 'open') {
        expect(update.dueDate >= today).toBe(true);
        expect(update.daysLate).toBeNull();
      } else {
        expect(update.daysLate).toBeNull();
      }
      if (facts.status === 'closed') expect(update.owedFrom <= (facts.closedDate as string)).toBe(true);
    }

    // An open case always has exactly one open cadence update in the future.
    const futureCadence = updates.filter(
      (update) => update.key.startsWith('cadence:') && update.dueDate > today && update.status === 'open',
    );
    if (facts.status === 'open') expect(futureCadence).toHaveLength(1);

    // Deterministic, whatever order the facts arrive in.
    expect(computeOwedUpdates(facts, today, settings, calendar)).toEqual(updates);
    const reordered: CaseFacts = {
      ...facts,
      milestones: shuffled(facts.milestones, random),
      contacts: shuffled(facts.contacts, random),
      wellbeingChecks: shuffled(facts.wellbeingChecks, random),
      declines: shuffled(facts.declines, random),
    };
    expect(computeOwedUpdates(reordered, today, settings, calendar)).toEqual(updates);
  });
});
