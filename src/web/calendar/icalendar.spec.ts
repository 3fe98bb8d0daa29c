import { escapeText, foldLine, icsDateTime, toICalendar } from './icalendar';

describe('iCalendar writer (RFC 5545)', () => {
  const feed = (summary = 'Update due: NOR/2026/0101') =>
    toICalendar({
      productId: '-//Family liaison//Due updates//EN',
      name: 'Family liaison: updates due',
      stamp: new Date('2026-03-10T10:00:00.123Z'),
      events: [{ uid: 'abc@family-liaison', date: '2026-03-11', summary, description: 'Reason: regular update', categories: ['Family liaison'] }],
    });

  it('ends every line with CRLF and never uses a bare LF', () => {
    const text = feed();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes all-day events with DTSTART;VALUE=DATE, the day after as DTEND, a DTSTAMP in UTC and the UID', () => {
    const lines = feed().split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Family liaison//Due updates//EN']);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:abc@family-liaison',
        'DTSTAMP:20260310T100000Z',
        'DTSTART;VALUE=DATE:20260311',
        'DTEND;VALUE=DATE:20260312',
        'CATEGORIES:Family liaison',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
  });

  it('rolls DTEND over the end of a month and a year', () => {
    const text = toICalendar({ productId: 'x', name: 'x', stamp: new Date(0), events: [{ uid: 'u', date: '2026-12-31', summary: 's', description: 'd' }] });
    expect(text).toContain('DTEND;VALUE=DATE:20270101\r\n');
  });

  it.each([
    ['a comma', 'a,b', 'a\\,b'],
    ['a semicolon', 'a;b', 'a\\;b'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['line breaks of every kind', 'a\r\nb\nc\rd', 'a\\nb\\nc\\nd'],
    ['control characters', 'a\u0007b', 'ab'],
  ])('escapes %s in TEXT', (_case, raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });

  it('folds long lines at 75 octets, counting bytes not characters, and never splits a character', () => {
    const long = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(long);
    expect(folded).not.toContain('\uFFFD');
  });

  it('leaves a line of exactly 75 octets whole', () => {
    const line = `X:${'a'.repeat(73)}`;
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}b`)).toBe(`${line}\r\n b`);
  });

  it('folds every long line of a feed', () => {
    const text = feed(`Update due: ${'NOR/2026/0101, '.repeat(10)}`);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('writes DTSTAMP in UTC without milliseconds', () => {
    expect(icsDateTime(new Date('2026-07-01T23:30:05.999Z'))).toBe('20260701T233005Z');
  });
});
