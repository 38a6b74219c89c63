import type { NoteCategory } from "@/lib/db/generated/enums";
/** Note categories in the form's order (shared by the note form and the notes list); their words are `patientLabels.noteCategory`. */
export const NOTE_CATEGORIES: NoteCategory[] = ["medical", "behavioral", "preferences", "routine", "safety", "family", "other"];
