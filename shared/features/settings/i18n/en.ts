/** English, the reference language: every other language has exactly these keys. */
export const en = {
  nav: 'Settings',
  welcome: {
    title: 'Welcome to Rapport',
    lead: 'Rapport keeps your client base in one file on this computer: who matters, who has gone quiet, and whom to call this week.',
    demo: 'Load demo data',
    demoHint: 'About 200 made-up clients over three years, to look around safely.',
    empty: 'Start empty',
    emptyHint: 'Begin with your own clients.',
    loadingDemo: 'Generating demo data…',
  },
  title: 'Settings',
  general: 'Language, region and currency',
  language: 'Language',
  calendar: 'Calendar for dates',
  calendars: {
    gregory: 'Gregorian',
    buddhist: 'Buddhist era (พ.ศ.)',
  },
  locale: 'Format numbers and dates for',
  currency: 'Currency',
  example: 'Example: {{money}} · {{date}}',
  errors: {
    onlyWebLinks: 'Only web addresses starting with http:// or https:// can be opened',
    demoNeedsEmpty: 'Demo data goes into an empty database; this one already has clients.',
    layoutTooBig: 'A saved layout can be at most 64 KB',
  },
};
