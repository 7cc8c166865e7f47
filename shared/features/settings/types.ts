import type { AppSettings } from '../../kernel/app-settings';

export type { AppSettings };

export interface AppInfo {
  version: string;
  dbPath: string;
  clientCount: number;
  settings: AppSettings;
}

export interface DemoSummary {
  clients: number;
  contacts: number;
  purchases: number;
  seconds: number;
}
