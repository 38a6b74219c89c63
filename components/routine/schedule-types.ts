import type { ScheduleType } from "@/lib/db/generated/enums";
/** Schedule types in the form's order (shared by the schedule form and list); their words are `patientLabels.scheduleType`. */
export const SCHEDULE_TYPES: ScheduleType[] = ["medication", "meal", "exercise", "appointment", "hydration", "other"];
