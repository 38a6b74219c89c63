import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { listNotes } from "@/lib/notes/notes";
import { listNotesQuery } from "@/lib/notes/schemas";
import { formatDateTime } from "@/lib/dashboard/format";
import { signedInPage } from "@/app/_server/page";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmStep } from "@/components/forms/confirm-step";
import { ReadOnlyNote, SuccessNotice } from "@/components/patients/success-notice";
import { NoteForm } from "@/components/notes/note-form";
import { canWrite, loadPagePatient } from "../load-patient";
import { createNoteAction, deleteNoteAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notes"))("metaTitle") };
}

const OK = ["note-added", "note-saved", "note-deleted"] as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default signedInPage(async function NotesPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const sp = await searchParams;
  const [t, labels, locale] = await Promise.all([getTranslations("notes"), getTranslations("patientLabels"), getLocale()]);
  const notes = await listNotes(actor, p.id, listNotesQuery.parse({ limit: "100" }));
  const write = canWrite(p);
  const deleting = write ? notes.items.find((n) => n.id === (Array.isArray(sp.delete) ? sp.delete[0] : sp.delete)) : undefined;
  return (
    <div className="space-y-8">
      <div>
        <h2 className="text-2xl font-bold">{t("title")}</h2>
        <p className="mt-1 text-stone-700">{t("intro", { name: p.display_name })}</p>
      </div>
      <SuccessNotice ok={sp.ok} messages={Object.fromEntries(OK.map((k) => [k, t(`ok.${k}`)]))} />
      {deleting && (
        <ConfirmStep
          id="delete-note"
          title={t("deleteTitle", { title: deleting.title })}
          action={deleteNoteAction.bind(null, p.id)}
          fields={{ note_id: deleting.id }}
          confirmText={t("deleteConfirm")}
          pendingText={t("deleting")}
          cancelHref={`/patients/${p.id}/notes`}
        >
          <p>{t("deleteText")}</p>
        </ConfirmStep>
      )}
      {notes.items.length === 0 ? (
        <p className="text-stone-700">
          {t("none")} {write ? t("noneWrite") : t("noneRead")}
        </p>
      ) : (
        <ul aria-label={t("listLabel")} className="space-y-4">
          {notes.items.map((n) => (
            <li key={n.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div>
                  <h3 className="text-lg font-semibold">{n.title}</h3>
                  <p className="mt-1 flex flex-wrap gap-2 text-base">
                    <span className="rounded-full bg-stone-100 px-2.5 py-0.5 font-semibold text-stone-800">{labels(`noteCategory.${n.category}`)}</span>
                    {n.priority === "important" && (
                      <span className="rounded-full bg-amber-100 px-2.5 py-0.5 font-semibold text-amber-900">{t("important")}</span>
                    )}
                  </p>
                </div>
                {write && (
                  <div className="flex flex-wrap items-start gap-3">
                    <Link href={`/patients/${p.id}/notes/${n.id}/edit`} className={buttonClasses("secondary")}>
                      {t("edit")}
                      <span className="sr-only"> {n.title}</span>
                    </Link>
                    <Link href={`/patients/${p.id}/notes?delete=${n.id}#delete-note`} className={buttonClasses("danger-quiet")}>
                      {t("delete")}
                      <span className="sr-only"> {n.title}</span>
                    </Link>
                  </div>
                )}
              </div>
              <p className="mt-2 whitespace-pre-line text-stone-800">{n.content}</p>
              <p className="mt-2 text-base text-stone-600">
                {n.author_name ? t("by", { name: n.author_name }) : ""}
                {formatDateTime(n.updated_at, p.timezone, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="add-note-title">
        <h3 id="add-note-title" className="mb-4 text-xl font-semibold">
          {t("addTitle")}
        </h3>
        {write ? (
          <Card>
            <NoteForm
              action={createNoteAction.bind(null, p.id)}
              submitLabel={t("addSubmit")}
              current={{ title: "", content: "", category: "other", priority: "normal" }}
            />
          </Card>
        ) : (
          <ReadOnlyNote />
        )}
      </section>
    </div>
  );
});
