/** The dossiers feature's channels (`dossiers.verb`). */
export const dossiersContract = {} as const;
