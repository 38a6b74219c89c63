import type { ScheduleType } from "@/lib/db/generated/enums";
/** Schedule types in the caregiver's words (shared by the schedule form and list). */
export const TYPE_NAMES: Record<ScheduleType, string> = {
  medication: "Medication",
  meal: "Meal",
  exercise: "Exercise",
  appointment: "Appointment",
  hydration: "Drink water",
  other: "Other",
};
