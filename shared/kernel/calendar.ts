/**
 * The locale tag dates are shown with, naming the calendar either way: Thai
 * defaults to the Buddhist era in Intl, so "Gregorian" must be asked for too.
 */
export function dateLocale(locale: string, calendar: 'gregory' | 'buddhist' = 'gregory'): string {
  return `${locale.split('-u-')[0]}-u-ca-${calendar}`;
}
