/** French (français). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/fr.ts. */
export const fr = {
  title: 'Sauvegardes',
  lead: 'Rapport conserve des copies vérifiées de la base de données dans {{folder}} : une par jour, et une avant chaque import, annulation, mise à jour et restauration.',
  keep: 'Sauvegardes à conserver',
  now: 'Sauvegarder maintenant',
  made: 'Sauvegarde {{name}} créée et vérifiée.',
  none: 'Aucune sauvegarde pour l’instant.',
  restore: 'Restaurer',
  confirmRestore: 'Restaurer la sauvegarde du {{date}} ? Les données actuelles sont d’abord sauvegardées et pourront être restaurées à leur tour.',
  restored: 'Restauration effectuée. Les données d’avant la restauration ont été conservées sous {{aside}}. Rechargement…',
  reasons: {
    daily: 'Quotidienne',
    import: 'Avant un import',
    undo: 'Avant une annulation',
    migration: 'Avant une mise à jour',
    manual: 'Manuelle',
    'before-restore': 'Avant une restauration',
  },
  errors: {
    keepMin: 'Conservez au moins 1 sauvegarde',
    keepMax: 'Conservez au plus 100 sauvegardes',
    waitForWork: 'Attendez la fin de l’opération en cours (import, export ou sauvegarde), puis restaurez.',
    notHere: 'La restauration n’est pas disponible ici.',
    noSuchBackup: 'Aucune sauvegarde ne porte le nom {{name}}.',
    cannotRestore: 'La sauvegarde {{name}} ne peut pas être restaurée (elle est endommagée ou illisible). Rien n’a été modifié ; choisissez une autre sauvegarde.',
  },
};
