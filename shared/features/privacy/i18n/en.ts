/** English, the reference language: every other language has exactly these keys. */
export const en = {
  nav: 'Privacy',
  open: {
    wrongKey: 'The key given does not open {{path}}: it is the wrong key, or the file is damaged. Nothing was changed.',
    needsKey: '{{path}} is encrypted (or damaged): it does not start like a plain SQLite database. Give its key (--key-file FILE or RAPPORT_KEY) to open it. Nothing was changed.',
  },
};
