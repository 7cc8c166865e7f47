export interface CountryNames {
  country: string;
  city: string[];
  suffix: string;
  first: string[];
  last: string[];
  language: string;
}

export const COUNTRIES: CountryNames[] = [
  { country: 'HU', city: ['Budapest', 'Debrecen', 'Szeged', 'Győr', 'Pécs'], suffix: 'Kft.', first: ['Ágnes', 'Zoltán', 'Katalin', 'László', 'Éva', 'Gábor'], last: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga'], language: 'hu' },
  { country: 'FR', city: ['Lyon', 'Lille', 'Nantes', 'Bordeaux', 'Paris'], suffix: 'SARL', first: ['Camille', 'Julien', 'Amélie', 'Thomas', 'Élodie', 'François'], last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard'], language: 'fr' },
  { country: 'LT', city: ['Vilnius', 'Kaunas', 'Klaipėda', 'Šiauliai'], suffix: 'UAB', first: ['Rūta', 'Tomas', 'Aistė', 'Mindaugas', 'Eglė', 'Jonas'], last: ['Kazlauskas', 'Petrauskas', 'Jankauskienė', 'Žukauskas', 'Butkus'], language: 'lt' },
  { country: 'TH', city: ['Bangkok', 'Chiang Mai', 'Khon Kaen', 'Phuket'], suffix: 'Co., Ltd.', first: ['Somchai', 'Malee', 'Anong', 'Kittisak', 'Siriporn'], last: ['Saetang', 'Wongsawat', 'Chaiyaporn', 'Srisuk', 'Rattanakul'], language: 'th' },
  { country: 'RU', city: ['Kazan', 'Samara', 'Yekaterinburg', 'Novosibirsk'], suffix: 'OOO', first: ['Olga', 'Dmitry', 'Irina', 'Sergey', 'Natalia', 'Alexei'], last: ['Ivanov', 'Smirnova', 'Kuznetsov', 'Popova', 'Sokolov'], language: 'ru' },
];

export const COMPANY_WORDS = ['Alfa', 'Nord', 'Sun', 'Delta', 'Kristály', 'Baltic', 'Lumière', 'Volga', 'Lotus', 'Pannon', 'Atlas', 'Orion', 'Tisza', 'Amber', 'Siam', 'Ural', 'Riviera', 'Duna', 'Vega', 'Nova'];
export const COMPANY_TRADES = ['Trade', 'Build', 'Market', 'Tools', 'Home', 'Garden', 'Steel', 'Food', 'Print', 'Wood', 'Tech', 'Logistics', 'Retail', 'Works', 'Supply'];
export const ROLES: Record<string, string[]> = {
  owner: ['settings:demo.roles.owner.r1', 'settings:demo.roles.owner.r2'],
  executive: ['settings:demo.roles.executive.r1', 'settings:demo.roles.executive.r2', 'settings:demo.roles.executive.r3'],
  finance: ['settings:demo.roles.finance.r1', 'settings:demo.roles.finance.r2', 'settings:demo.roles.finance.r3'],
  purchasing: ['settings:demo.roles.purchasing.r1', 'settings:demo.roles.purchasing.r2', 'settings:demo.roles.purchasing.r3'],
  staff: ['settings:demo.roles.staff.r1', 'settings:demo.roles.staff.r2', 'settings:demo.roles.staff.r3', 'settings:demo.roles.staff.r4'],
};
export const MANAGERS = ['Anna Kiss', 'Pierre Laurent', 'Rasa Vaitkutė', 'Niran Chaiyo', 'Pavel Orlov'];
// Fixed texts the demo writes are keys (settings:demo…), translated into the saved language when written.
const D = 'settings:demo';
export const DEPARTMENTS = [`${D}.departments.retail`, `${D}.departments.industrial`];
export const SOURCES = [`${D}.sources.referral`, `${D}.sources.tradeFair`, `${D}.sources.website`, `${D}.sources.coldCall`];
export const EXPANSION = [`${D}.expansion.planned`, `${D}.expansion.none`];
export const INTERACTION_SUMMARIES = ['lastDelivery', 'newLine', 'annualVolume', 'lateDelivery', 'springWorkshop', 'paymentTerms', 'birthday', 'quarterlyReview'].map((k) => `${D}.summaries.${k}`);
export const OUTCOMES: (string | null)[] = [...['orderNextMonth', 'askedOffer', 'noNeed', 'complaint', 'visit'].map((k) => `${D}.outcomes.${k}`), null];
export const TASK_TITLES = ['sendOffer', 'complaintCallBack', 'quarterlyReview', 'birthday', 'newCatalogue', 'lastYearOrder'].map((k) => `${D}.tasks.${k}`);
export const HOBBIES = ['fishing', 'tennis', 'chess', 'gardening', 'cycling', 'opera', 'hunting', 'photography', 'football', 'wineTasting', 'sailing', 'marathons'].map((k) => `${D}.hobbies.${k}`);
export const FOOD = ['vegetarian', 'spicy', 'noAlcohol', 'fish', 'blackCoffee', 'glutenFree', 'italian', 'tea'].map((k) => `${D}.food.${k}`);
export const FAMILY = ['twoChildren', 'daughterAtUniversity', 'single', 'threeChildren', 'grandfather', 'partnerBakery'].map((k) => `${D}.family.${k}`);
export const PRODUCTS = [
  'cordlessDrill', 'angleGrinder', 'screws', 'wallPlugs', 'paint', 'primer', 'sandingDiscs', 'workGloves', 'safetyGlasses', 'ladder',
  'tileAdhesive', 'sealant', 'measuringTape', 'spiritLevel', 'extensionCable', 'workLight', 'hammerDrillBits', 'cuttingDiscs', 'woodGlue', 'workbench',
].map((k) => `${D}.products.${k}`);
