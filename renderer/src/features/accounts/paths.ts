/** Where the accounts screens live, for links from anywhere. */
export const CLIENTS_PATH = 'clients';
export const clientPath = (id: number): string => `clients/${id}`;
export const DUPLICATES_PATH = 'clients/duplicates';
