import { en } from './en';
import { fr } from './fr';
import { hu } from './hu';
import { lt } from './lt';
import { ru } from './ru';
import { th } from './th';

/** This namespace in every language Rapport speaks. */
export const i18n = { en, hu, fr, lt, th, ru };
