/** The user's region and progress through the first run: what every screen and file is formatted by. */
export interface AppSettings {
  locale: string;
  currency: string;
  onboarded: boolean;
}
