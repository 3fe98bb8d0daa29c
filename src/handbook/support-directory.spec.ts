import {
  entriesFor,
  loadNationalDirectory,
  mergeDirectory,
  SupportDirectoryError,
  type SupportEntry,
} from './support-directory';

const household = { childrenAtHome: false, partnerWorksWithChildren: false, suspectStatus: 'in_custody' as const };

describe('the national support directory in data/', () => {
  const national = loadNationalDirectory();

  it('keeps a source and a checked-on date beside every entry', () => {
    for (const entry of national) {
      expect(entry.source.trim()).not.toBe('');
      expect(entry.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('never prints an entry the fact sheet marks unverified', () => {
    const unverified = national.filter((entry) => !entry.verified).map((entry) => entry.key);
    expect(unverified).toEqual(
      expect.arrayContaining(['prisoners_families_helpline', 'mind_infoline', 'national_debtline', 'shelter']),
    );
    const everything = entriesFor(national, {
      childrenAtHome: true,
      partnerWorksWithChildren: true,
      suspectStatus: 'remanded',
    });
    for (const key of unverified) expect(everything.find((e) => e.key === key)).toBeUndefined();
  });

  it('holds no unverified phone number at all, not even switched off', () => {
    const text = JSON.stringify(national.filter((e) => !e.verified).map((e) => e.contact));
    expect(text).not.toMatch(/\d{3}/);
  });

  it('carries the fact-sheet numbers for the lines it prints', () => {
    const phone = (key: string) => national.find((e) => e.key === key)?.contact.phone;
    expect(phone('stop_it_now')).toBe('0808 1000 900');
    expect(phone('samaritans')).toBe('116 123');
    expect(phone('childline')).toBe('0800 1111');
    expect(phone('nspcc_helpline')).toBe('0808 800 5000');
    expect(phone('victim_support')).toBe('08 08 16 89 111');
    expect(national.find((e) => e.key === 'shout')?.contact.text).toEqual({ number: '85258', message: 'SHOUT' });
    expect(phone('citizens_advice')).toBeUndefined();
  });
});

describe('choosing the entries for a family', () => {
  const national = loadNationalDirectory();
  const keys = (entries: SupportEntry[]) => entries.map((e) => e.key);

  it('gives a family without children no children-only lines', () => {
    const chosen = keys(entriesFor(national, household));
    expect(chosen).toContain('samaritans');
    expect(chosen).not.toContain('childline');
    expect(chosen).not.toContain('nspcc_helpline');
  });

  it('adds Childline and the NSPCC helpline when children live at home', () => {
    const chosen = keys(entriesFor(national, { ...household, childrenAtHome: true }));
    expect(chosen).toEqual(expect.arrayContaining(['childline', 'nspcc_helpline', 'samaritans']));
  });

  it('keeps directory order, so a force decides what comes first', () => {
    const chosen = keys(entriesFor(national, { ...household, childrenAtHome: true }));
    const order = keys(national).filter((k) => chosen.includes(k));
    expect(chosen).toEqual(order);
  });
});

describe('merging a force directory over the national one', () => {
  const national = loadNationalDirectory();
  const lado: SupportEntry = {
    key: 'northshire_lado',
    name: 'Northshire LADO',
    what: 'The council officer who looks at worries about people who work with children.',
    contact: { phone: '01632 960 555' },
    audience: ['partner-works-with-children'],
    source: 'northshire.gov.uk/lado',
    checkedOn: '2026-11-01',
    enabled: true,
    verified: true,
  };

  it('lets a force switch a national line off', () => {
    const merged = mergeDirectory(national, [{ key: 'shout', enabled: false }]);
    expect(entriesFor(merged, household).map((e) => e.key)).not.toContain('shout');
    expect(national.find((e) => e.key === 'shout')?.enabled).toBe(true);
  });

  it('adds a local service, marked local, printed only for the audience it serves', () => {
    const merged = mergeDirectory(national, [lado]);
    expect(merged.at(-1)).toMatchObject({ key: 'northshire_lado', local: true });
    expect(entriesFor(merged, household).map((e) => e.key)).not.toContain('northshire_lado');
    expect(entriesFor(merged, { ...household, partnerWorksWithChildren: true }).map((e) => e.key)).toContain(
      'northshire_lado',
    );
  });

  it('lets a force print an unverified line only by supplying checked details', () => {
    const switchedOn = mergeDirectory(national, [{ key: 'prisoners_families_helpline', enabled: true }]);
    expect(entriesFor(switchedOn, { ...household, suspectStatus: 'remanded' }).map((e) => e.key)).not.toContain(
      'prisoners_families_helpline',
    );
    const checked = mergeDirectory(national, [
      {
        key: 'prisoners_families_helpline',
        enabled: true,
        verified: true,
        contact: { phone: '0800 000 0000' },
        source: 'Northshire Police checked with Pact',
        checkedOn: '2026-11-20',
      },
    ]);
    const remanded = entriesFor(checked, { ...household, suspectStatus: 'remanded' });
    expect(remanded.find((e) => e.key === 'prisoners_families_helpline')?.contact.phone).toBe('0800 000 0000');
    expect(entriesFor(checked, household).map((e) => e.key)).not.toContain('prisoners_families_helpline');
  });

  it('refuses a local entry without a source, a date or any way to get in touch', async () => {
    expect(() => mergeDirectory(national, [{ ...lado, source: '' }])).toThrow(SupportDirectoryError);
    expect(() => mergeDirectory(national, [{ ...lado, checkedOn: 'last week' }])).toThrow(/checkedOn/);
    expect(() => mergeDirectory(national, [{ ...lado, contact: {} }])).toThrow(/phone, text, web or email/);
    expect(() => mergeDirectory(national, [{ ...lado, audience: ['neighbours' as never] }])).toThrow(/audience/);
  });

  it('does not change the national list it was given', () => {
    const before = JSON.stringify(national);
    mergeDirectory(national, [lado, { key: 'samaritans', contact: { phone: '000' } }]);
    expect(JSON.stringify(national)).toBe(before);
  });
});
