"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A secret in a read-only box the caregiver can select, with a copy button once script runs. */
export function CopySecret({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const t = useTranslations("settings.apiKeys");
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <div className="mt-2 flex flex-wrap gap-3">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="block min-w-0 flex-1 rounded-lg border-2 border-stone-500 bg-stone-50 px-4 py-3 font-mono text-base text-stone-900"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copyKey")}
        </Button>
      </div>
      <p role="status" className="mt-2 text-base text-stone-700">
        {copied ? t("copiedStatus") : ""}
      </p>
    </div>
  );
}
