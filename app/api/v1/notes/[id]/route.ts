import { route } from "@/lib/api/route";
import { noContent } from "@/lib/api/answers";
import { deleteNote, getNote, updateNote } from "@/lib/notes/notes";
import { noteIdParams, noteOutput, updateNoteInput } from "@/lib/notes/schemas";

export const GET = route({ name: "GET /api/v1/notes/{id}", auth: "caregiver", params: noteIdParams, response: noteOutput }, ({ actor, params }) =>
  getNote(actor, params.id),
);
export const PATCH = route(
  { name: "PATCH /api/v1/notes/{id}", auth: "caregiver", params: noteIdParams, body: updateNoteInput, response: noteOutput },
  ({ actor, params, body }) => updateNote(actor, params.id, body),
);
export const DELETE = route({ name: "DELETE /api/v1/notes/{id}", auth: "caregiver", params: noteIdParams, response: noContent }, ({ actor, params }) =>
  deleteNote(actor, params.id),
);
