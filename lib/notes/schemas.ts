import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { trimmed, uuid } from "@/lib/validation/common";

/** "Notes to the companion": what the care team wants the companion to know or avoid. */
export const noteCategory = z.enum(["medical", "behavioral", "preferences", "routine", "safety", "family", "other"]);
export const createNoteInput = z.strictObject({
  title: trimmed(200),
  content: trimmed(5000),
  category: noteCategory,
  priority: z.enum(["normal", "important"]).default("normal"),
});
export const updateNoteInput = z
  .strictObject({
    title: trimmed(200).optional(),
    content: trimmed(5000).optional(),
    category: noteCategory.optional(),
    priority: z.enum(["normal", "important"]).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export const listNotesQuery = z.strictObject({ ...pageQuery, category: noteCategory.optional(), priority: z.enum(["normal", "important"]).optional() });
export const noteIdParams = z.strictObject({ id: uuid });

export const noteOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  author_id: z.uuid().nullable(),
  author_name: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  category: noteCategory,
  priority: z.enum(["normal", "important"]),
  created_at: z.string(),
  updated_at: z.string(),
});
