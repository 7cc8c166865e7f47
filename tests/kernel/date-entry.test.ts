import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../shared/kernel/app-settings';
import { dateEntryExample, formatDateEntry, parseDateEntry } from '../../shared/kernel/date-entry';
import { makeFormatters } from '../../shared/kernel/format';

describe('dates typed in the user\'s region', () => {
  const cases: [string, string, string][] = [
    ['en-GB', '08/12/1961', '08/12'],
    ['en-US', '12/08/1961', '12/08'],
    ['hu-HU', '1961. 12. 08.', '12. 08'],
    ['fr-FR', '08/12/1961', '08/12'],
    ['lt-LT', '1961-12-08', '12-08'],
    ['ru-RU', '08.12.1961', '08.12'],
  ];
  for (const [locale, full, short] of cases) {
    it(`${locale}: shows ${full} and reads it back, with and without the year`, () => {
      expect(formatDateEntry('1961-12-08', locale)).toBe(full);
      expect(parseDateEntry(full, locale)).toBe('1961-12-08');
      expect(formatDateEntry('--12-08', locale)).toBe(short);
      expect(parseDateEntry(short, locale, 'gregory', true)).toBe('--12-08');
      // ISO always reads, whatever the region.
      expect(parseDateEntry('1961-12-08', locale)).toBe('1961-12-08');
    });
  }

  it('refuses what is not a real date rather than guessing', () => {
    expect(parseDateEntry('31/02/2026', 'en-GB')).toBeNull();
    expect(parseDateEntry('13/13/2026', 'en-GB')).toBeNull();
    expect(parseDateEntry('1970-02-30', 'en-GB')).toBeNull();
    expect(parseDateEntry('soon', 'en-GB')).toBeNull();
    expect(parseDateEntry('08/12', 'en-GB')).toBeNull(); // a year is needed unless the field allows none
  });

  it('reads the same digits in the order of the region: 03/04/2026 is 3 April in en-GB, 4 March in en-US', () => {
    expect(parseDateEntry('03/04/2026', 'en-GB')).toBe('2026-04-03');
    expect(parseDateEntry('03/04/2026', 'en-US')).toBe('2026-03-04');
  });

  it('Thai: Buddhist-era years are shown and read (2569 is 2026), also typed in the Gregorian view', () => {
    expect(formatDateEntry('2026-12-01', 'th-TH', 'buddhist')).toBe('01/12/2569');
    expect(parseDateEntry('01/12/2569', 'th-TH', 'buddhist')).toBe('2026-12-01');
    expect(parseDateEntry('1/12/2569', 'th-TH', 'gregory')).toBe('2026-12-01');
    expect(makeFormatters('th-TH', 'THB', 'buddhist').date('2026-12-01')).toBe('1 ธ.ค. 2569');
    expect(makeFormatters('th-TH', 'THB').date('2026-12-01')).toMatch(/2026/);
    expect(dateEntryExample('th-TH', 'buddhist')).toBe('31/12/2569');
  });

  it('the first start takes the system\'s language, English when none of ours fits', () => {
    expect(pickLanguage(['hu-HU', 'en-US'])).toBe('hu');
    expect(pickLanguage(['de-DE', 'fr-CA'])).toBe('fr');
    expect(pickLanguage(['ja-JP'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
