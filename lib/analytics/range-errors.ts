import { MAX_DAILY_DAYS } from "./range";
import { MAX_RANGE_DAYS } from "./schemas";

/**
 * The reports pages' range refusals (pageRange() and resolveRange() write them in English, as the API does)
 * and their keys in the `analytics.rangeErrors` catalogue, with the number each one names.
 * lib/analytics/range-errors.test.ts fails when range.ts writes a sentence this list does not have.
 */
const RANGE_ERRORS: Record<string, { key: "enterDate" | "endBeforeStart" | "tooLong" | "chooseGranularity" | "dailyTooLong"; max: number }> = {
  "Enter a date.": { key: "enterDate", max: 0 },
  "The end of the range must be on or after its start.": { key: "endBeforeStart", max: 0 },
  [`Choose a range of at most ${MAX_RANGE_DAYS} days (two years).`]: { key: "tooLong", max: MAX_RANGE_DAYS },
  "Choose day, week or month.": { key: "chooseGranularity", max: 0 },
  [`Group a range longer than ${MAX_DAILY_DAYS} days by week or month. The API and its export can still give one row a day.`]: {
    key: "dailyTooLong",
    max: MAX_DAILY_DAYS,
  },
};

/** The catalogue key of a range refusal, or undefined for a sentence that is not one (a date's format: `validation`). */
export const rangeErrorKey = (message: string) => RANGE_ERRORS[message];
