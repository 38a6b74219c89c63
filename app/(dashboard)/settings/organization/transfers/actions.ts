"use server";

import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { acceptTransfer, declineTransfer, withdrawTransfer } from "@/lib/transfers/transfers";
import { acceptTransferInput } from "@/lib/transfers/schemas";
import { Conflict, ValidationFailed } from "@/lib/api/errors";
import { buttonAction, formAction, idIn } from "@/app/_server/action";

const back = (done: string) => `/settings/organization/transfers?done=${done}&n=${randomUUID().slice(0, 8)}`;

/** Accept, from its confirmation step (confirm=yes): the patient moves; a primary caregiver of the destination may be named. */
export const acceptTransferAction = formAction({
  fields: ["transfer_id", "primary_caregiver_id"],
  schema: acceptTransferInput,
  input: (v, form, problems) => {
    if (form.get("confirm") !== "yes") problems.push({ field: "primary_caregiver_id", message: "Confirm first: nothing was changed." });
    return v.primary_caregiver_id ? { primary_caregiver_id: v.primary_caregiver_id } : {};
  },
  run: (data, { actor, now, form }) =>
    acceptTransfer(actor, idIn(form.get("transfer_id"), "Transfer"), data, now).catch(async (err: unknown) => {
      // the API's sentence names its field; the form says it in its own words (the caregiver's language), next to the select
      if (err instanceof Conflict && err.extra.code === "primary_caregiver_required")
        throw new ValidationFailed([{ field: "primary_caregiver_id", message: (await getTranslations("transfers.acceptForm"))("primaryRequired") }]);
      throw err;
    }),
  done: () => back("accepted"),
});

export const declineTransferAction = buttonAction({
  ids: { transfer_id: "Transfer" },
  confirm: true,
  run: ({ transfer_id }, { actor, now }) => declineTransfer(actor, transfer_id, now),
  done: () => back("declined"),
});

/** Withdraw, from its confirmation step: an admin of the source takes back a pending transfer; the patient stays. */
export const withdrawTransferAction = buttonAction({
  ids: { transfer_id: "Transfer" },
  confirm: true,
  run: ({ transfer_id }, { actor, now }) => withdrawTransfer(actor, transfer_id, now),
  done: () => back("withdrawn"),
});
