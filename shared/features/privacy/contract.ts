/** The privacy feature's channels (`privacy.verb`). */
export const privacyContract = {} as const;
