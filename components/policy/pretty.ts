/** A policy as the text areas show it. */
export const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
