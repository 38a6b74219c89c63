import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotFound } from "@/lib/api/errors";
import { getNote } from "@/lib/notes/notes";
import { noteIdParams } from "@/lib/notes/schemas";
import { pageActor, withRequestContext } from "@/lib/dashboard/request";
import { Card } from "@/components/ui/card";
import { ReadOnlyNote } from "@/components/patients/success-notice";
import { NoteForm } from "@/components/notes/note-form";
import { canWrite, loadPagePatient } from "../../../load-patient";
import { updateNoteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit note" };

export default async function EditNotePage({ params }: { params: Promise<{ id: string; noteId: string }> }) {
  const { id, noteId } = await params;
  const p = await loadPagePatient(id);
  const parsed = noteIdParams.safeParse({ id: noteId });
  if (!parsed.success) notFound();
  const actor = await pageActor();
  const n = await withRequestContext(() => getNote(actor, parsed.data.id)).catch((err) => {
    if (err instanceof NotFound) notFound();
    throw err;
  });
  if (n.patient_id !== p.id) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <h2 className="text-2xl font-bold">Edit note</h2>
      {canWrite(p) ? (
        <Card>
          <NoteForm
            action={updateNoteAction.bind(null, p.id, n.id)}
            submitLabel="Save note"
            cancelHref={`/patients/${p.id}/notes`}
            current={{ title: n.title, content: n.content, category: n.category, priority: n.priority }}
          />
        </Card>
      ) : (
        <ReadOnlyNote />
      )}
    </div>
  );
}
