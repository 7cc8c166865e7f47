/** Hungarian (magyar). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/hu.ts. */
export const hu = {
  title: 'Biztonsági mentések',
  lead: 'A Rapport ellenőrzött másolatokat őriz az adatbázisról ebben a mappában: {{folder}}. Naponta egyet, valamint minden importálás, visszavonás, frissítés és visszaállítás előtt egyet.',
  keep: 'Megőrzött mentések száma',
  now: 'Mentés most',
  made: 'A mentés elkészült és ellenőrizve: {{name}}.',
  none: 'Még nincs biztonsági mentés.',
  restore: 'Visszaállítás',
  confirmRestore: 'Visszaállítja ezt a mentést ({{date}})? Előbb a jelenlegi adatokról is mentés készül, így azok is visszaállíthatók.',
  restored: 'Visszaállítva. A visszaállítás előtti adatok mentése: {{aside}}. Újratöltés…',
  reasons: {
    daily: 'Napi',
    import: 'Importálás előtt',
    undo: 'Visszavonás előtt',
    migration: 'Frissítés előtt',
    manual: 'Kézi',
    'before-restore': 'Visszaállítás előtt',
  },
  errors: {
    keepMin: 'Legalább 1 mentést meg kell őrizni',
    keepMax: 'Legfeljebb 100 mentés őrizhető meg',
    waitForWork: 'Várja meg, amíg a futó művelet (importálás, exportálás vagy mentés) befejeződik, és csak utána állítson vissza.',
    notHere: 'A visszaállítás itt nem érhető el.',
    noSuchBackup: 'Nincs ilyen nevű mentés: {{name}}.',
    cannotRestore: 'Ez a mentés nem állítható vissza: {{name}} (sérült vagy olvashatatlan). Semmi sem változott; válasszon másik mentést.',
  },
};
