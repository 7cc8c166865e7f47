/** The retention feature's channels (`retention.verb`). */
export const retentionContract = {} as const;
