/** The first day of `now`'s UTC month, as a DATE literal (YYYY-MM-01): usage months are UTC months (docs/decisions/026). */
export const monthOf = (now: Date) => `${now.toISOString().slice(0, 7)}-01`;
