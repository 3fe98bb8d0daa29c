import { DomainError } from '../common/domain-error';
import { LEGAL_FACTS, type LegalFacts } from './legal-facts';
import {
  OFFENCE_TYPES,
  SUSPECT_STATUSES,
  type HandbookInput,
  type IsoDate,
  type OffenceType,
} from './handbook-input';
import type { SupportEntry } from './support-directory';

export class HandbookInputError extends DomainError {
  constructor(message: string) {
    super('unprocessable', `Cannot print the handbook: ${message}`);
    this.name = 'HandbookInputError';
  }
}

/** Which tailored parts of the handbook this family gets. The templates only read these flags. */
export interface HandbookTailoring {
  children: { show: boolean; under5: boolean; age5to11: boolean; age12to17: boolean };
  partnerWorksWithChildren: boolean;
  status: { bail: boolean; releasedUnderInvestigation: boolean; charged: boolean; remanded: boolean };
  words: {
    imageOffence: boolean;
    possession: boolean;
    making: boolean;
    distributing: boolean;
    taking: boolean;
    categories: boolean;
    maximumTen: boolean;
    maximumFive: boolean;
    otherOffence: boolean;
  };
}

export interface SupportGroup {
  heading: string;
  entries: SupportEntry[];
}

export interface HandbookView {
  htmlClass: string;
  largePrint: boolean;
  forceName: string;
  caseReference: string;
  officer: HandbookInput['liaisonOfficer'];
  nextUpdate: string;
  nextUpdateIsDate: boolean;
  updateFrequency: string;
  language: { show: boolean; name: string };
  printedOn: string;
  tailoring: HandbookTailoring;
  /** The printed entries by key, so the prose can quote a number that is also in the list. */
  lines: Record<string, SupportEntry>;
  supportGroups: SupportGroup[];
  numbersCheckedOn: string;
  law: LegalFacts & { dates: Record<string, string> };
}

const IMAGE_OFFENCES: readonly OffenceType[] = ['iioc_possession', 'iioc_making', 'iioc_distribution', 'iioc_production'];
const ENGLISH = /^\s*(en|eng|english|en-gb|saesneg)\s*$/i;

export function tailoringFor(input: HandbookInput): HandbookTailoring {
  const bands = input.childrenAgeBands;
  const anyBandKnown = bands.under5 + bands.age5to11 + bands.age12to17 > 0;
  const showChildren = input.childrenAtHome;
  const offence = input.offenceType;
  const imageOffence = IMAGE_OFFENCES.includes(offence);
  return {
    children: {
      show: showChildren,
      // When the bands were not recorded, all three kinds of advice are safer than none.
      under5: showChildren && (!anyBandKnown || bands.under5 > 0),
      age5to11: showChildren && (!anyBandKnown || bands.age5to11 > 0),
      age12to17: showChildren && (!anyBandKnown || bands.age12to17 > 0),
    },
    partnerWorksWithChildren: input.partnerWorksWithChildren,
    status: {
      bail: input.suspectStatus === 'bail_with_conditions',
      releasedUnderInvestigation: input.suspectStatus === 'released_under_investigation',
      charged: input.suspectStatus === 'charged' || input.suspectStatus === 'remanded',
      remanded: input.suspectStatus === 'remanded',
    },
    words: {
      imageOffence,
      // Every image offence involves having the images, so possession is always explained.
      possession: imageOffence,
      making: offence === 'iioc_making' || offence === 'iioc_distribution' || offence === 'iioc_production',
      distributing: offence === 'iioc_distribution',
      taking: offence === 'iioc_production',
      categories: imageOffence,
      maximumTen: offence === 'iioc_making' || offence === 'iioc_distribution' || offence === 'iioc_production',
      maximumFive: offence === 'iioc_possession',
      otherOffence: !imageOffence,
    },
  };
}

export function buildHandbookView(input: HandbookInput, facts: LegalFacts = LEGAL_FACTS): HandbookView {
  validateInput(input);
  const entries = input.supportEntries.map(printedEntry);
  const lines: Record<string, SupportEntry> = {};
  for (const entry of entries) lines[entry.key] = entry;
  return {
    htmlClass: input.options.largePrint ? 'large-print' : 'standard-print',
    largePrint: input.options.largePrint,
    forceName: input.forceName,
    caseReference: input.caseReference,
    officer: { ...input.liaisonOfficer, workPhone: noBreak(input.liaisonOfficer.workPhone) },
    nextUpdate: nextUpdateText(input),
    nextUpdateIsDate: input.nextUpdateDate !== null,
    updateFrequency: frequencyText(input.updateFrequencyDays),
    language: { show: !ENGLISH.test(input.preferredLanguage) && input.preferredLanguage.trim() !== '', name: input.preferredLanguage },
    printedOn: formatLongDate(input.printedOn),
    tailoring: tailoringFor(input),
    lines,
    supportGroups: groupSupport(entries),
    numbersCheckedOn: formatLongDate(latest(entries.map((e) => e.checkedOn)) ?? input.printedOn),
    law: {
      ...facts,
      dates: {
        bailSince: formatLongDate(facts.bail.since),
        categoriesSince: formatLongDate(facts.imageCategories.guidelineSince),
        disqualificationGuidance: formatLongDate(facts.disqualificationByAssociation.guidanceUpdated),
      },
    },
  };
}

/** A phone number split over two lines is easy to misdial; its spaces become no-break spaces. */
export function noBreak(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

function printedEntry(entry: SupportEntry): SupportEntry {
  const { phone, text } = entry.contact;
  return {
    ...entry,
    contact: {
      ...entry.contact,
      ...(phone !== undefined && { phone: noBreak(phone) }),
      ...(text !== undefined && { text: { ...text, number: noBreak(text.number) } }),
    },
  };
}

function nextUpdateText(input: HandbookInput): string {
  if (input.nextUpdateDate) return formatLongDate(input.nextUpdateDate);
  if (input.suspectStatus === 'not_arrested' || input.suspectStatus === 'in_custody') {
    return 'Within one working day of the arrest';
  }
  return 'Your liaison officer will agree a date with you';
}

export function frequencyText(days: number): string {
  if (days === 1) return 'every day';
  if (days === 7) return 'every week';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  return `every ${days} days`;
}

function groupSupport(entries: SupportEntry[]): SupportGroup[] {
  const groups: SupportGroup[] = [
    { heading: 'If you need help now', entries: entries.filter((e) => !e.local && ['emergency', 'nhs_111', 'samaritans', 'shout'].includes(e.key)) },
    { heading: 'Support for you', entries: [] },
    { heading: 'For children and parents', entries: [] },
    { heading: 'Local services', entries: entries.filter((e) => e.local) },
  ];
  for (const entry of entries) {
    if (entry.local || groups[0].entries.includes(entry)) continue;
    const forChildren = entry.audience.includes('children') || entry.audience.includes('children-at-home');
    (forChildren ? groups[2] : groups[1]).entries.push(entry);
  }
  return groups.filter((group) => group.entries.length > 0);
}

function latest(dates: string[]): string | undefined {
  return [...dates].sort().at(-1);
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Tuesday 26 August 2025": built from parts so no ICU version can add a comma. */
export function formatLongDate(date: IsoDate): string {
  const parts = LONG_DATE.formatToParts(parseIsoDate(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

function parseIsoDate(date: IsoDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!parsed || parsed.getUTCDate() !== +match![3] || parsed.getUTCMonth() !== +match![2] - 1) {
    throw new HandbookInputError(`"${date}" is not a YYYY-MM-DD date`);
  }
  return parsed;
}

function validateInput(input: HandbookInput): void {
  if (!SUSPECT_STATUSES.includes(input.suspectStatus)) {
    throw new HandbookInputError(`unknown suspectStatus "${input.suspectStatus}"`);
  }
  if (!OFFENCE_TYPES.includes(input.offenceType)) {
    throw new HandbookInputError(`unknown offenceType "${input.offenceType}"`);
  }
  if (!Number.isInteger(input.updateFrequencyDays) || input.updateFrequencyDays < 1 || input.updateFrequencyDays > 56) {
    throw new HandbookInputError('updateFrequencyDays must be a whole number from 1 to 56');
  }
  for (const [band, count] of Object.entries(input.childrenAgeBands)) {
    if (!Number.isInteger(count) || count < 0) throw new HandbookInputError(`childrenAgeBands.${band} must be a count`);
  }
  for (const date of [input.nextUpdateDate, input.plannedArrestDate, input.arrestDate, input.printedOn]) {
    if (date !== null) parseIsoDate(date);
  }
}
