/** French (français). Keys and order exactly as en.ts; terms as in shared/i18n/glossary/fr.ts. */
export const fr = {
  nav: 'Paramètres',
  welcome: {
    title: 'Bienvenue dans Rapport',
    lead: 'Rapport conserve votre portefeuille clients dans un seul fichier sur cet ordinateur : qui compte, qui ne commande plus, et qui appeler cette semaine.',
    demo: 'Charger des données de démonstration',
    demoHint: 'Environ 200 clients fictifs sur trois ans, pour explorer sans risque.',
    empty: 'Partir de zéro',
    emptyHint: 'Commencez avec vos propres clients.',
    loadingDemo: 'Génération des données de démonstration…',
  },
  title: 'Paramètres',
  general: 'Langue, région et devise',
  language: 'Langue',
  calendar: 'Calendrier des dates',
  calendars: {
    gregory: 'Grégorien',
    buddhist: 'Ère bouddhique (พ.ศ.)',
  },
  locale: 'Format des nombres et des dates',
  currency: 'Devise',
  example: 'Exemple : {{money}} · {{date}}',
  errors: {
    onlyWebLinks: 'Seules les adresses web commençant par http:// ou https:// peuvent être ouvertes',
    demoNeedsEmpty: 'Les données de démonstration se chargent dans une base vide ; celle-ci contient déjà des clients.',
    layoutTooBig: 'Une disposition enregistrée ne peut pas dépasser 64 Ko',
  },
};
