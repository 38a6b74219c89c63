import { route } from "@/lib/api/route";
import { pageOf } from "@/lib/api/pagination";
import { createNote, listNotes } from "@/lib/notes/notes";
import { createNoteInput, listNotesQuery, noteOutput } from "@/lib/notes/schemas";
import { patientIdParams } from "@/lib/patients/schemas";

export const GET = route(
  { name: "GET /api/v1/patients/{id}/notes", auth: "caregiver", params: patientIdParams, query: listNotesQuery, response: pageOf(noteOutput) },
  ({ actor, params, query }) => listNotes(actor, params.id, query),
);
export const POST = route(
  { name: "POST /api/v1/patients/{id}/notes", auth: "caregiver", params: patientIdParams, body: createNoteInput, status: 201, response: noteOutput },
  ({ actor, params, body, now }) => createNote(actor, params.id, body, now),
);
