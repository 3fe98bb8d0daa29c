import type { HandbookInput } from '../../src/handbook/handbook-input';

/**
 * A phrase that is printed only inside each part of the handbook, so its presence in the
 * extracted text proves the part was printed and its absence proves it was left out.
 */
export const SECTION_MARKERS = {
  contactCard: 'Your liaison officer',
  lookingAfterYourself: 'Try not to be alone tonight',
  arrestedPersonSafety: 'If you are worried about the person who was arrested',
  whatHappensNow: 'At the police station',
  howLong: 'How long things take',
  words: 'Words about the investigation',
  outcomes: 'What could happen in the end',
  media: 'If a reporter contacts you',
  rights: 'Nobody from the police will tell you whether to stay',
  support: 'Where to get support',
  bail: 'pre-charge bail',
  releasedUnderInvestigation: 'RUI for short',
  charged: 'Who decides to charge',
  remanded: 'Being remanded means',
  children: "What children's social care will do",
  section47: 'section 47 of the Children Act 1989',
  childrenUnder5: 'Talking to children under 5',
  children5to11: 'Talking to children aged 5 to 11',
  teenagers: 'Talking to teenagers',
  supportForChildren: 'Support for children',
  worksWithChildren: 'Disqualification by association',
  lado: 'Local Authority Designated Officer',
  wordPossession: 'Having indecent images',
  wordMaking: 'counts as making it',
  wordDistributing: 'Sharing, showing or offering an image',
  wordTaking: 'Taking an indecent photo or film',
  categories: 'Categories A, B and C',
  maximumTen: 'taking, making or distributing indecent images of children is',
  maximumFive: 'possessing indecent images of children is',
  otherOffence: 'what the police are investigating',
} as const;
export type SectionName = keyof typeof SECTION_MARKERS;

const ALWAYS: SectionName[] = [
  'contactCard',
  'lookingAfterYourself',
  'arrestedPersonSafety',
  'whatHappensNow',
  'howLong',
  'words',
  'outcomes',
  'media',
  'rights',
  'support',
];

/**
 * The tailoring rules restated from DESIGN.md and the issue, deliberately independent of
 * `tailoringFor`, so the tests check the product against the specification.
 */
export function expectedSections(input: HandbookInput): Set<SectionName> {
  const expected = new Set<SectionName>(ALWAYS);
  const { under5, age5to11, age12to17 } = input.childrenAgeBands;
  const bandsUnknown = under5 + age5to11 + age12to17 === 0;
  if (input.childrenAtHome) {
    expected.add('children').add('section47').add('supportForChildren');
    if (under5 > 0 || bandsUnknown) expected.add('childrenUnder5');
    if (age5to11 > 0 || bandsUnknown) expected.add('children5to11');
    if (age12to17 > 0 || bandsUnknown) expected.add('teenagers');
  }
  if (input.partnerWorksWithChildren) expected.add('worksWithChildren').add('lado');
  if (input.suspectStatus === 'bail_with_conditions') expected.add('bail');
  if (input.suspectStatus === 'released_under_investigation') expected.add('releasedUnderInvestigation');
  if (input.suspectStatus === 'charged' || input.suspectStatus === 'remanded') expected.add('charged');
  if (input.suspectStatus === 'remanded') expected.add('remanded');
  switch (input.offenceType) {
    case 'iioc_possession':
      expected.add('wordPossession').add('categories').add('maximumFive');
      break;
    case 'iioc_making':
      expected.add('wordPossession').add('wordMaking').add('categories').add('maximumTen');
      break;
    case 'iioc_distribution':
      expected.add('wordPossession').add('wordMaking').add('wordDistributing').add('categories').add('maximumTen');
      break;
    case 'iioc_production':
      expected.add('wordPossession').add('wordMaking').add('wordTaking').add('categories').add('maximumTen');
      break;
    default:
      expected.add('otherOffence');
  }
  return expected;
}

/** Which markers a text contains, after collapsing the line breaks and spacing of PDF or HTML. */
export function sectionsIn(text: string): Set<SectionName> {
  const flat = text.replace(/\s+/g, ' ');
  const found = new Set<SectionName>();
  for (const [name, marker] of Object.entries(SECTION_MARKERS) as [SectionName, string][]) {
    if (flat.includes(marker)) found.add(name);
  }
  return found;
}

/** Visible text of the handbook HTML, entities decoded, for the same checks as on the PDF. */
export function htmlToText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');
}

export interface TailoringCase {
  name: string;
  input: Partial<HandbookInput>;
}

const CHILDREN: Array<[string, Partial<HandbookInput>]> = [
  ['no children', { childrenAtHome: false }],
  ['a child under 5', { childrenAtHome: true, childrenAgeBands: { under5: 1, age5to11: 0, age12to17: 0 } }],
  ['two children 5-11', { childrenAtHome: true, childrenAgeBands: { under5: 0, age5to11: 2, age12to17: 0 } }],
  ['a teenager', { childrenAtHome: true, childrenAgeBands: { under5: 0, age5to11: 0, age12to17: 1 } }],
  ['children of every age', { childrenAtHome: true, childrenAgeBands: { under5: 1, age5to11: 1, age12to17: 1 } }],
  ['under 5 and a teenager', { childrenAtHome: true, childrenAgeBands: { under5: 2, age5to11: 0, age12to17: 1 } }],
  ['children, ages not recorded', { childrenAtHome: true, childrenAgeBands: { under5: 0, age5to11: 0, age12to17: 0 } }],
];
const PARTNER = [false, true];
const STATUSES = [
  'not_arrested',
  'in_custody',
  'bail_with_conditions',
  'released_under_investigation',
  'charged',
  'remanded',
] as const;
const OFFENCES = ['iioc_possession', 'iioc_making', 'iioc_distribution', 'iioc_production', 'sexual_communication'] as const;

/** Every combination: 7 households × 2 × 6 statuses × 5 offences = 420 handbooks. */
export function fullTailoringMatrix(): TailoringCase[] {
  const cases: TailoringCase[] = [];
  for (const [household, children] of CHILDREN) {
    for (const partnerWorksWithChildren of PARTNER) {
      for (const suspectStatus of STATUSES) {
        for (const offenceType of OFFENCES) {
          cases.push({
            name: `${household}, partner ${partnerWorksWithChildren ? 'works' : 'does not work'} with children, ${suspectStatus}, ${offenceType}`,
            input: { ...children, partnerWorksWithChildren, suspectStatus, offenceType },
          });
        }
      }
    }
  }
  return cases;
}

/**
 * Few enough to print as real PDFs, yet every household, status and offence appears at least
 * once, both partner answers appear with and without children, and each status meets an image
 * and a non-image offence across the set.
 */
export function representativeTailoringCases(): TailoringCase[] {
  const pick = (index: number, children: number, partner: boolean, status: number, offence: number): TailoringCase => {
    const [household, childInput] = CHILDREN[children];
    return {
      name: `#${index} ${household}, partner ${partner ? 'works' : 'does not work'} with children, ${STATUSES[status]}, ${OFFENCES[offence]}`,
      input: {
        ...childInput,
        partnerWorksWithChildren: partner,
        suspectStatus: STATUSES[status],
        offenceType: OFFENCES[offence],
      },
    };
  };
  return [
    pick(1, 0, false, 0, 0),
    pick(2, 1, true, 2, 1),
    pick(3, 2, false, 3, 2),
    pick(4, 3, true, 4, 3),
    pick(5, 4, true, 5, 4),
    pick(6, 5, false, 1, 1),
    pick(7, 6, true, 3, 0),
    pick(8, 0, true, 2, 4),
    pick(9, 4, false, 4, 2),
  ];
}
