/** English, the reference language: every other language has exactly these keys. */
export const en = {
  nav: 'Today',
};
