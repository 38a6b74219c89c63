import type { Metadata } from "next";
import { getNote } from "@/lib/notes/notes";
import { signedInPage } from "@/app/_server/page";
import { loadPatientChildOr404 } from "@/app/_server/not-found";
import { Card } from "@/components/ui/card";
import { ReadOnlyNote } from "@/components/patients/success-notice";
import { NoteForm } from "@/components/notes/note-form";
import { canWrite, loadPagePatient } from "../../../load-patient";
import { updateNoteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit note" };

export default signedInPage(async function EditNotePage({ params }: { params: Promise<{ id: string; noteId: string }> }, { actor }) {
  const { id, noteId } = await params;
  const p = await loadPagePatient(id);
  const n = await loadPatientChildOr404(p.id, noteId, (id) => getNote(actor, id));
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
});
