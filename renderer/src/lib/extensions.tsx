import type { ColDef } from 'ag-grid-community';
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { Formatters } from '../../../shared/kernel/format';
import type { MessageKey } from '../../../shared/i18n';
import type { T } from './i18n';
import type { RouteDef } from './navigation';

/**
 * Where features add to screens another feature owns, without importing it:
 * the app gathers each feature's contributions (renderer/src/app/registry.ts)
 * and provides them here; the owning screen renders what it finds.
 */
export interface ClientPageExtension {
  /** More tabs on the client page, after the accounts' own (a dossier). */
  tabs?: { id: string; label: MessageKey; render: (clientId: number) => ReactNode }[];
  /** Blocks at the top of the portrait tab (a dormancy line, a recovery status). */
  portrait?: ComponentType<{ clientId: number }>[];
  /** Buttons in the client page's header (Mark lost…). */
  actions?: ComponentType<{ clientId: number }>[];
}

/** Extra columns on the clients grid, with the values they show, keyed by client id. */
export interface ClientsGridExtension {
  columns: (t: T, fmt: Formatters) => ColDef[];
  /**
   * A hook: the extension's values per client, merged into each grid row under its own field names.
   * Asked for once the grid's first rows are in (`enabled`), so its query does not hold those up.
   */
  useValues: (enabled: boolean) => Map<number, Record<string, unknown>> | undefined;
}

export interface Extensions {
  clientPage: ClientPageExtension[];
  clientsGrid: ClientsGridExtension[];
}

export const ExtensionsContext = createContext<Extensions>({ clientPage: [], clientsGrid: [] });
export const useExtensions = () => useContext(ExtensionsContext);

/** Everything a feature brings to the window, in one object: the app's registry lists one per feature. */
export interface FeatureUi {
  routes?: RouteDef[];
  /** Its sections on the Settings page, in order. */
  settings?: ComponentType[];
  clientPage?: ClientPageExtension;
  clientsGrid?: ClientsGridExtension[];
}
