/** Locales the interface formats numbers, money and dates for. */
export const LOCALES = ['en-GB', 'en-US', 'hu-HU', 'fr-FR', 'lt-LT', 'th-TH', 'ru-RU', 'de-DE'] as const;
export const CURRENCIES = ['EUR', 'USD', 'HUF', 'GBP', 'THB', 'RUB', 'CHF', 'PLN'] as const;
