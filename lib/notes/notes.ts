import "server-only";
import { z } from "zod";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import type { CaregiverNote } from "@/lib/db/generated/client";
import { assertPatientAccess, findForPatient, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import type { createNoteInput, listNotesQuery, updateNoteInput } from "./schemas";

type Row = CaregiverNote & { author: { firstName: string; lastName: string } | null };
const withAuthor = { author: { select: { firstName: true, lastName: true } } } as const;
const present = (n: Row) => ({
  id: n.id,
  patient_id: n.patientId,
  author_id: n.authorId,
  author_name: n.author ? `${n.author.firstName} ${n.author.lastName}` : null,
  title: n.title,
  content: n.content,
  category: n.category,
  priority: n.priority,
  created_at: n.createdAt.toISOString(),
  updated_at: n.updatedAt.toISOString(),
});

export async function createNote(actor: Actor, patientId: string, input: z.infer<typeof createNoteInput>, now: Date) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const n = await tx.caregiverNote.create({ data: { patientId, authorId: me.caregiverId, ...input, createdAt: now }, include: withAuthor });
    await recordAudit(tx, actor, { action: "note.created", targetType: "note", targetId: n.id, patientId, organizationId: access.organizationId });
    return present(n);
  });
}

const KEYS: SortKey[] = [{ field: "createdAt", type: "date" }];

export async function listNotes(actor: Actor, patientId: string, q: z.infer<typeof listNotesQuery>) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const filters: Prisma.CaregiverNoteWhereInput[] = [{ patientId }];
  if (q.category) filters.push({ category: q.category });
  if (q.priority) filters.push({ priority: q.priority });
  const rows = await db.caregiverNote.findMany({
    ...pageArgs({ AND: filters }, KEYS, q),
    include: withAuthor,
  });
  await recordAudit(db, actor, { action: "note.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return toPage(rows, q.limit, KEYS, present);
}

const noteFor = (tx: Tx, actor: Actor, id: string, need: "read" | "write") =>
  findForPatient(tx, actor, need, "Note", tx.caregiverNote.findUnique({ where: { id }, include: withAuthor }));

export async function getNote(actor: Actor, id: string) {
  const { row: n, access } = await noteFor(db, actor, id, "read");
  await recordAudit(db, actor, { action: "note.read", targetType: "note", targetId: id, patientId: n.patientId, organizationId: access.organizationId });
  return present(n);
}

export async function updateNote(actor: Actor, id: string, input: z.infer<typeof updateNoteInput>) {
  return db.$transaction(async (tx) => {
    const { row: n, access } = await noteFor(tx, actor, id, "write");
    const updated = await tx.caregiverNote.update({ where: { id }, data: input, include: withAuthor });
    await recordAudit(tx, actor, {
      action: "note.updated",
      targetType: "note",
      targetId: id,
      patientId: n.patientId,
      organizationId: access.organizationId,
      metadata: { fields: Object.keys(input) },
    });
    return present(updated);
  });
}

export async function deleteNote(actor: Actor, id: string) {
  await db.$transaction(async (tx) => {
    const { row: n, access } = await noteFor(tx, actor, id, "write");
    await tx.caregiverNote.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "note.deleted", targetType: "note", targetId: id, patientId: n.patientId, organizationId: access.organizationId });
  });
}
