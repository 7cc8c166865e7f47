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
export const PRODUCTS = ['Cordless drill', 'Angle grinder', 'Screws 4x40 (box)', 'Wall plugs (box)', 'Paint 10 L', 'Primer 5 L', 'Sanding discs', 'Work gloves', 'Safety glasses', 'Ladder 3 m', 'Tile adhesive 25 kg', 'Silicone sealant', 'Measuring tape', 'Spirit level', 'Extension cable', 'LED work light', 'Hammer drill bits', 'Cutting discs', 'Wood glue', 'Workbench'];
export const HOBBIES = ['fishing', 'tennis', 'chess', 'gardening', 'cycling', 'opera', 'hunting', 'photography', 'football (supports the local club)', 'wine tasting', 'sailing', 'running marathons'];
export const FOOD = ['vegetarian', 'loves spicy food', 'no alcohol', 'prefers fish', 'coffee, black', 'gluten-free', 'likes Italian', 'tea, never coffee'];
export const FAMILY = ['married, two children', 'married, daughter at university', 'single', 'three children, youngest started school', 'grandfather since last year', 'partner runs a bakery'];
export const ROLES: Record<string, string[]> = {
  owner: ['Owner', 'Founder'],
  executive: ['Managing director', 'CEO', 'Operations director'],
  finance: ['Chief accountant', 'CFO', 'Bookkeeper'],
  purchasing: ['Head of purchasing', 'Buyer', 'Procurement manager'],
  staff: ['Store manager', 'Warehouse lead', 'Technician', 'Sales assistant'],
};
export const MANAGERS = ['Anna Kiss', 'Pierre Laurent', 'Rasa Vaitkutė', 'Niran Chaiyo', 'Pavel Orlov'];
export const DEPARTMENTS = ['Retail sales', 'Industrial sales'];
export const INTERACTION_SUMMARIES = ['Checked in on last delivery', 'Presented the new product line', 'Discussed annual volume', 'Complaint about late delivery', 'Invited to the spring workshop', 'Negotiated payment terms', 'Birthday greeting', 'Quarterly review'];
export const OUTCOMES = ['Will order next month', 'Asked for an offer', 'No need right now', 'Complaint recorded, call back promised', 'Agreed to a visit', null];
export const TASK_TITLES = ['Send offer', 'Call back about the complaint', 'Prepare quarterly review', 'Birthday greeting', 'Visit with the new catalogue', 'Remind about last year\'s order'];
