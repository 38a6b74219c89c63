import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getNote } from "@/lib/notes/notes";
import { signedInPage } from "@/app/_server/page";
import { loadPatientChildOr404 } from "@/app/_server/not-found";
import { Card } from "@/components/ui/card";
import { ReadOnlyNote } from "@/components/patients/success-notice";
import { NoteForm } from "@/components/notes/note-form";
import { canWrite, loadPagePatient } from "../../../load-patient";
import { updateNoteAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notes"))("editMetaTitle") };
}

export default signedInPage(async function EditNotePage({ params }: { params: Promise<{ id: string; noteId: string }> }, { actor }) {
  const { id, noteId } = await params;
  const [p, t] = await Promise.all([loadPagePatient(id), getTranslations("notes")]);
  const n = await loadPatientChildOr404(p.id, noteId, (id) => getNote(actor, id));
  return (
    <div className="max-w-2xl space-y-6">
      <h2 className="text-2xl font-bold">{t("editTitle")}</h2>
      {canWrite(p) ? (
        <Card>
          <NoteForm
            action={updateNoteAction.bind(null, p.id, n.id)}
            submitLabel={t("editSubmit")}
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
