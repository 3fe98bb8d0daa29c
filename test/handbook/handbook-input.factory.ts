import type { HandbookInput } from '../../src/handbook/handbook-input';
import { entriesFor, loadNationalDirectory, type SupportEntry } from '../../src/handbook/support-directory';

let national: SupportEntry[] | undefined;

/** A realistic family, changed only where a test says so; the directory is filtered for the result. */
export function buildHandbookInput(overrides: Partial<HandbookInput> = {}): HandbookInput {
  national ??= loadNationalDirectory();
  const input: HandbookInput = {
    forceName: 'Northshire Police',
    caseReference: 'NP-2026-0412',
    suspectStatus: 'in_custody',
    offenceType: 'iioc_making',
    plannedArrestDate: '2026-11-24',
    arrestDate: '2026-11-24',
    childrenAtHome: false,
    childrenAgeBands: { under5: 0, age5to11: 0, age12to17: 0 },
    partnerWorksWithChildren: false,
    updateFrequencyDays: 14,
    nextUpdateDate: '2026-11-25',
    liaisonOfficer: {
      name: 'PC Sam Okafor',
      collarNumber: 'NP4471',
      workPhone: '01632 960 123',
      email: 'sam.okafor@northshire.police.example',
    },
    preferredLanguage: 'English',
    supportEntries: [],
    options: { largePrint: false },
    printedOn: '2026-11-24',
    ...overrides,
  };
  if (!overrides.supportEntries) input.supportEntries = entriesFor(national, input);
  return input;
}
