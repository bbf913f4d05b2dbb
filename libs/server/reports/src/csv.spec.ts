import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvCell, csvLine } from './csv';

describe('CSV cells', () => {
  it('quotes separators, quotes and line breaks so a parser gets the text back', () => {
    const values = ['plain', 'a, b', 'she said "yes"', 'two\nlines', 'año ñandú'];
    const [row] = parse(csvLine(values)) as string[][];
    expect(row).toEqual(values);
  });

  it.each(['=HYPERLINK("http://evil.test","click")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'guards %j as text with a leading apostrophe, quoted',
    (value) => {
      const cell = csvCell(value);
      expect(cell.startsWith(`"'`)).toBe(true);
      const [row] = parse(`${cell}\r\n`) as string[][];
      expect(row).toEqual([`'${value}`]);
    },
  );

  it('writes numbers as numbers, negative ones too, and empties for null', () => {
    expect(csvLine([-3, 0, 12.5, null, undefined, true])).toBe('-3,0,12.5,,,true\r\n');
  });

  it('starts files with a UTF-8 byte-order mark', () => {
    expect(Buffer.from(CSV_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
