/** The recovery feature's channels (`recovery.verb`). */
export const recoveryContract = {} as const;
