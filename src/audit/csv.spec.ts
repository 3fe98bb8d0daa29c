import { csvCell, parseCsv, toCsv, UTF8_BOM } from './csv';

describe('CSV for spreadsheets', () => {
  const columns = [
    { header: 'name', value: (row: { name: string; n: number | null }) => row.name },
    { header: 'n', value: (row: { name: string; n: number | null }) => row.n },
  ];

  it('starts with a byte-order mark, has a header row and ends every line with CRLF', () => {
    const text = toCsv(columns, [{ name: 'Alex', n: 3 }]);
    expect(text).toBe(`${UTF8_BOM}name,n\r\nAlex,3\r\n`);
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('Smith, J')).toBe('"Smith, J"');
    expect(csvCell('said "no"')).toBe('"said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('keeps text that looks like a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+44 7700')).toBe("'+44 7700");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('writes numbers as numbers, including negative ones, and nothing for null', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(0.75)).toBe('0.75');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('reads back what it writes, including awkward text', () => {
    const rows = [
      { name: 'O"Brien, "Pat"\r\nline 2', n: 1 },
      { name: 'Zoë', n: null },
    ];
    expect(parseCsv(toCsv(columns, rows))).toEqual([
      ['name', 'n'],
      ['O"Brien, "Pat"\r\nline 2', '1'],
      ['Zoë', ''],
    ]);
  });
});
