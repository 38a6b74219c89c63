import type { NoteCategory } from "@/lib/db/generated/enums";
/** Note categories in the caregiver's words (shared by the note form and the notes list). */
export const CATEGORY_NAMES: Record<NoteCategory, string> = {
  medical: "Medical",
  behavioral: "Behaviour",
  preferences: "Likes and dislikes",
  routine: "Routine",
  safety: "Safety",
  family: "Family",
  other: "Other",
};
