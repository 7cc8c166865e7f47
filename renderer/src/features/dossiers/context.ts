import { createContext, useContext } from 'react';

/** What blocks inside the editor need from the dossier around them (node views render within it). */
export const DossierContext = createContext<{ clientId: number | null }>({ clientId: null });
export const useDossierContext = () => useContext(DossierContext);
