import { beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { initialFormState } from "@/lib/dashboard/form-state";
import { createNote } from "@/lib/notes/notes";
import { createNoteInput } from "@/lib/notes/schemas";
import { makeCaregiver, makePatient } from "@/lib/testing/factories";
import { buttonAction, formAction } from "./action";

// the request a server action runs in: its cookie and request id (Next gives these; here the test does)
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

async function signedInAs(caregiverId: string, sessionId: string, requestId: string) {
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: caregiverId, sid: sessionId }, secret: config().authSecret, salt: name, maxAge: 3600 });
  requestHeaders = new Headers({ cookie: `${name}=${token}`, "x-request-id": requestId });
}

/** What a redirect() threw: the URL it goes to. */
async function redirectOf(p: Promise<unknown>): Promise<string> {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { digest?: string } | null;
  expect(err?.digest).toMatch(/^NEXT_REDIRECT;/);
  return err!.digest!.split(";")[2];
}

const addNote = formAction({
  bound: ["patientId"],
  fields: ["title", "content", "category"],
  schema: createNoteInput,
  required: { title: "Give the note a title." },
  run: (data, { actor, now, bound }) => createNote(actor, bound.patientId, data, now),
  done: (note, { bound }) => `/patients/${bound.patientId}/notes?ok=${note.id}`,
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("dashboard actions (app/_server/action.ts)", () => {
  beforeEach(() => {
    requestHeaders = new Headers();
  });

  it("sends a visitor without a live session to the sign-in page, changing nothing", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    expect(await redirectOf(addNote(p.id, initialFormState, form({ title: "Garden", content: "Loves roses", category: "preferences" })))).toBe("/login");
    await signedInAs(owner.id, "00000000-0000-4000-8000-000000000000", "req-no-session-1");
    expect(await redirectOf(addNote(p.id, initialFormState, form({ title: "Garden", content: "Loves roses", category: "preferences" })))).toBe("/login");
    expect(await db.caregiverNote.count({ where: { patientId: p.id } })).toBe(0);
  });

  it("turns the API schema's refusals into form state next to each field, with the values typed", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    await signedInAs(owner.id, owner.sessionId, "req-invalid-note-1");
    const state = await addNote(p.id, initialFormState, form({ title: "", content: "x".repeat(6000) }));
    expect(state.attempt).toBe(1);
    expect(state.message).toBe("Some fields need your attention.");
    expect(state.fieldErrors.title).toBe("Give the note a title.");
    expect(state.fieldErrors.content).toBeTruthy();
    expect(state.values).toMatchObject({ title: "", content: "x".repeat(6000) });
    // a malformed bound id is "not found", as the API says, and reaches no database query
    const bad = await addNote("not-a-uuid", state, form({ title: "Garden", content: "Roses", category: "preferences" }));
    expect(bad).toMatchObject({ message: "Resource not found.", attempt: 2 });
    expect(await db.caregiverNote.count({ where: { patientId: p.id } })).toBe(0);
  });

  it("a domain refusal (someone else's patient) is form state too; nothing is written", async () => {
    const owner = await makeCaregiver();
    const stranger = await makeCaregiver();
    const p = await makePatient(owner);
    await signedInAs(stranger.id, stranger.sessionId, "req-stranger-1");
    const state = await addNote(p.id, initialFormState, form({ title: "Garden", content: "Roses", category: "preferences" }));
    expect(state.message).toMatch(/not found/i);
    expect(await db.caregiverNote.count({ where: { patientId: p.id } })).toBe(0);
  });

  it("runs the domain call inside the request context: its audit row carries the request id; then redirects", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    await signedInAs(owner.id, owner.sessionId, "req-note-audit-42");
    const to = await redirectOf(addNote(p.id, initialFormState, form({ title: "Garden", content: "Loves roses", category: "preferences" })));
    const note = await db.caregiverNote.findFirstOrThrow({ where: { patientId: p.id } });
    expect(to).toBe(`/patients/${p.id}/notes?ok=${note.id}`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { patientId: p.id, targetId: note.id } });
    expect(audit.requestId).toBe("req-note-audit-42");
  });

  it("a destructive button needs its confirmation step; a malformed id is not found", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const remove = buttonAction({
      bound: ["patientId"],
      ids: { note_id: "Note" },
      confirm: true,
      run: ({ note_id }) => db.caregiverNote.delete({ where: { id: note_id } }),
      done: (_, { bound }) => `/patients/${bound.patientId}/notes?ok=deleted`,
    });
    await signedInAs(owner.id, owner.sessionId, "req-delete-1");
    const note = await createNote(owner.actor, p.id, createNoteInput.parse({ title: "Garden", content: "Roses", category: "preferences" }), new Date());
    expect((await remove(p.id, initialFormState, form({ note_id: note.id }))).message).toBe("Confirm first: nothing was changed.");
    expect((await remove(p.id, initialFormState, form({ note_id: "1 OR 1=1", confirm: "yes" }))).message).toBe("Note not found.");
    expect(await db.caregiverNote.count({ where: { id: note.id } })).toBe(1);
    expect(await redirectOf(remove(p.id, initialFormState, form({ note_id: note.id, confirm: "yes" })))).toBe(`/patients/${p.id}/notes?ok=deleted`);
    expect(await db.caregiverNote.count({ where: { id: note.id } })).toBe(0);
  });
});
