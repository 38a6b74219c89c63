"use server";

import { createNote, deleteNote, updateNote } from "@/lib/notes/notes";
import { createNoteInput, updateNoteInput } from "@/lib/notes/schemas";
import { buttonAction, formAction } from "@/app/_server/action";

const FIELDS = ["title", "content", "category", "priority"] as const;
const notes = (patientId: string, ok: string) => `/patients/${patientId}/notes?ok=${ok}`;
const input = (v: Record<string, string>) => ({
  title: v.title,
  content: v.content,
  category: v.category || undefined,
  priority: v.priority === "important" ? "important" : "normal",
});

export const createNoteAction = formAction({
  bound: ["patientId"],
  fields: FIELDS,
  schema: createNoteInput,
  input,
  run: (data, { actor, now, bound }) => createNote(actor, bound.patientId, data, now),
  done: (_, { bound }) => notes(bound.patientId, "note-added"),
});

export const updateNoteAction = formAction({
  bound: ["patientId", "noteId"],
  fields: FIELDS,
  schema: updateNoteInput,
  input,
  run: (data, { actor, bound }) => updateNote(actor, bound.noteId, data),
  done: (_, { bound }) => notes(bound.patientId, "note-saved"),
});

export const deleteNoteAction = buttonAction({
  bound: ["patientId"],
  ids: { note_id: "Note" },
  confirm: true,
  run: ({ note_id }, { actor }) => deleteNote(actor, note_id),
  done: (_, { bound }) => notes(bound.patientId, "note-deleted"),
});
