"use server";

import { clock } from "@/lib/clock";
import { createNote, deleteNote, updateNote } from "@/lib/notes/notes";
import { createNoteInput, updateNoteInput } from "@/lib/notes/schemas";
import { invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { runAction } from "../run-action";
import { idFrom } from "@/lib/dashboard/form-input";

const FIELDS = ["title", "content", "category", "priority"] as const;
const notes = (patientId: string, ok: string) => `/patients/${patientId}/notes?ok=${ok}`;

function read(form: FormData) {
  const v = readFields(form, FIELDS);
  return {
    values: v,
    input: { title: v.title, content: v.content, category: v.category || undefined, priority: form.get("priority") === "important" ? "important" : "normal" },
  };
}

export async function createNoteAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { values, input } = read(form);
  const parsed = createNoteInput.safeParse(input);
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  return runAction(prev, values, (actor) => createNote(actor, patientId, parsed.data, clock.now()), notes(patientId, "note-added"));
}

export async function updateNoteAction(patientId: string, noteId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { values, input } = read(form);
  const parsed = updateNoteInput.safeParse(input);
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  return runAction(prev, values, (actor) => updateNote(actor, idFrom(noteId, "Note"), parsed.data), notes(patientId, "note-saved"));
}

export async function deleteNoteAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { note_id } = readFields(form, ["note_id"] as const);
  return runAction(prev, {}, (actor) => deleteNote(actor, idFrom(note_id, "Note")), notes(patientId, "note-deleted"));
}
