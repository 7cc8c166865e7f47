/** Lithuanian (lietuvių). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/lt.ts. */
export const lt = {
  title: 'Atsarginės kopijos',
  lead: 'Rapport laiko patikrintas duomenų bazės kopijas aplanke {{folder}}: po vieną kasdien ir prieš kiekvieną importą, atšaukimą, atnaujinimą bei atkūrimą.',
  keep: 'Kiek kopijų laikyti',
  now: 'Kurti kopiją dabar',
  made: 'Atsarginė kopija {{name}} sukurta ir patikrinta.',
  none: 'Atsarginių kopijų dar nėra.',
  restore: 'Atkurti',
  confirmRestore: 'Atkurti atsarginę kopiją ({{date}})? Pirmiausia bus padaryta dabartinių duomenų kopija, kurią vėliau taip pat galėsite atkurti.',
  restored: 'Atkurta. Duomenys prieš atkūrimą išsaugoti kaip {{aside}}. Įkeliama iš naujo…',
  reasons: {
    daily: 'Kasdienė',
    import: 'Prieš importą',
    undo: 'Prieš atšaukimą',
    migration: 'Prieš atnaujinimą',
    manual: 'Rankinė',
    'before-restore': 'Prieš atkūrimą',
  },
  errors: {
    keepMin: 'Laikykite bent 1 kopiją',
    keepMax: 'Laikykite ne daugiau kaip 100 kopijų',
    waitForWork: 'Palaukite, kol baigsis vykdomas procesas (importas, eksportas ar atsarginės kopijos kūrimas), tada atkurkite.',
    notHere: 'Atkūrimas čia negalimas.',
    noSuchBackup: 'Atsarginės kopijos pavadinimu {{name}} nėra.',
    cannotRestore: 'Atsarginės kopijos {{name}} atkurti negalima (ji sugadinta arba neperskaitoma). Niekas nepakeista; pasirinkite kitą kopiją.',
  },
};
