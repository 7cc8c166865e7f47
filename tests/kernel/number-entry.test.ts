import { describe, expect, it } from 'vitest';
import { completeWebsite, parseNumberEntry } from '../../shared/kernel/format';
import { parseLocaleNumber } from '../../shared/kernel/numbers';
import { clientCreate } from '../../shared/features/accounts/schemas';

describe('numbers typed into forms', () => {
  it.each([
    ['45 000', 'en-GB', 45000],
    ['45\u00a0000', 'en-GB', 45000],
    ['45\u202f000', 'en-GB', 45000],
    ['1 234 567.5', 'en-GB', 1234567.5],
    ['-45 000', 'en-GB', -45000],
    ['45 000', 'en-US', 45000],
    ['45 000', 'th-TH', 45000],
    ['45 000', 'hu-HU', 45000],
    ['45 000,50', 'fr-FR', 45000.5],
    ['45 000,50', 'de-DE', 45000.5],
    ['45,000', 'en-GB', 45000],
    ['45000', 'en-GB', 45000],
  ])('%s in %s is %d', (text, locale, expected) => {
    expect(parseNumberEntry(text, locale)).toBe(expected);
  });

  it('reads "45 000" in en-GB, which the import\'s strict reader refuses', () => {
    expect(parseLocaleNumber('45 000', 'en-GB')).toBeNaN();
    expect(parseNumberEntry('45 000', 'en-GB')).toBe(45000);
  });

  it.each([
    ['45 00', 'en-GB'],
    ['4 5000', 'en-GB'],
    ['45 000,50', 'en-GB'],
    ['12.345,50', 'en-GB'],
    ['1.5', 'hu-HU'],
    ['45  000', 'en-GB'],
    ['abc', 'en-GB'],
  ])('still refuses %s in %s rather than guess', (text, locale) => {
    expect(parseNumberEntry(text, locale)).toBeNaN();
  });

  it('reads empty as not given', () => {
    expect(parseNumberEntry('', 'en-GB')).toBeNull();
  });
});

describe('websites typed without a scheme', () => {
  it.each([
    ['orion.example', 'https://orion.example'],
    ['www.orion.example/shop?x=1', 'https://www.orion.example/shop?x=1'],
    ['  orion.example  ', 'https://orion.example'],
    ['orion.example:8080/a', 'https://orion.example:8080/a'],
    ['//orion.example', 'https://orion.example'],
    ['kristály-üveg.hu', 'https://kristály-üveg.hu'],
    ['https://orion.example', 'https://orion.example'],
    ['http://orion.example', 'http://orion.example'],
  ])('%s → %s', (typed, saved) => {
    expect(completeWebsite(typed)).toBe(saved);
  });

  it.each([['javascript:alert(1)'], ['mailto:info@orion.example'], ['ftp://orion.example'], ['info@orion.example'], ['orion'], ['two words.example'], ['']])(
    'leaves %s for the address check to refuse',
    (typed) => {
      expect(completeWebsite(typed)).toBe(typed.trim());
    },
  );

  it('the client schema stores the completed address and still refuses other schemes', () => {
    expect(clientCreate.parse({ name: 'Orion', website: 'orion.example' }).website).toBe('https://orion.example');
    expect(clientCreate.parse({ name: 'Orion', website: '' }).website).toBeNull();
    const bad = clientCreate.safeParse({ name: 'Orion', website: 'javascript:alert(1)' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['website'], message: 'common:errors.url' });
  });
});
