import { describe, expect, it } from 'vitest';
import { isBirthday, isIsoDate, addMonths, daysBetween } from '../../shared/kernel/dates';
import { makeFormatters, neutraliseFormula } from '../../shared/kernel/format';
import { parseLocaleNumber } from '../../shared/kernel/numbers';
import { safeExternalUrl } from '../../shared/kernel/urls';

describe('parseLocaleNumber', () => {
  it.each([
    ['1,234.5', 'en-GB', 1234.5],
    ['1234.5', 'en-GB', 1234.5],
    ['-12', 'en-GB', -12],
    ['.5', 'en-GB', 0.5],
    ['1 234,50', 'hu-HU', 1234.5],
    ['1\u00a0234,50', 'hu-HU', 1234.5],
    ['1\u202f234,50', 'fr-FR', 1234.5],
    ['1.234,50', 'de-DE', 1234.5],
    ['1234,5', 'lt-LT', 1234.5],
    ['12,345.50', 'th-TH', 12345.5],
    ['1 234 567', 'ru-RU', 1234567],
  ])('%s in %s is %d', (text, locale, expected) => {
    expect(parseLocaleNumber(text, locale)).toBe(expected);
  });

  it.each([
    ['12.345,50', 'en-GB'],
    ['1,23', 'en-GB'],
    ['1.5', 'hu-HU'],
    ['abc', 'en-GB'],
    ['1,2,3.4.5', 'en-GB'],
    ['12 34', 'fr-FR'],
  ])('refuses %s in %s', (text, locale) => {
    expect(parseLocaleNumber(text, locale)).toBeNaN();
  });

  it('reads empty as not given', () => {
    expect(parseLocaleNumber('  ', 'en-GB')).toBeNull();
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(isBirthday('--02-29')).toBe(true);
    expect(isBirthday('--02-30')).toBe(false);
  });

  it('moves by months without overflowing short months', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-06-30', -12)).toBe('2025-06-30');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });
});

describe('formatters', () => {
  it('formats by locale through Intl', () => {
    expect(makeFormatters('en-GB', 'EUR').money(1234.5)).toBe('€1,234.50');
    expect(makeFormatters('hu-HU', 'EUR').money(1234567.5).replace(/\s/g, ' ')).toBe('1 234 567,50 EUR');
    expect(makeFormatters('en-GB', 'EUR').percent(0.3456)).toBe('34.6%');
    expect(makeFormatters('en-GB', 'EUR').date('2026-03-05')).toBe('5 Mar 2026');
    expect(makeFormatters('en-GB', 'EUR').date('--12-24')).toBe('24 December');
    expect(makeFormatters('en-GB', 'EUR').money(null)).toBe('');
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('@SUM')).toBe("'@SUM");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('Normal name')).toBe('Normal name');
  });
});

describe('safeExternalUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com  ', 'https://example.com/'],
  ])('opens %s', (raw, expected) => expect(safeExternalUrl(raw)).toBe(expected));

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://bank.example@evil.example/',
    'smb://host/share',
    'data:text/html,hi',
    'not a url',
    'JAVASCRIPT:alert(1)',
  ])('refuses %s', (raw) => expect(safeExternalUrl(raw)).toBeNull());
});
