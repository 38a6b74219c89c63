import { SettingsNav } from "@/components/settings/settings-nav";

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-8">
      <div>
        <p className="text-base font-semibold uppercase tracking-wide text-teal-800">Settings</p>
      </div>
      <div className="grid gap-8 sm:grid-cols-[12rem_1fr]">
        <SettingsNav />
        <div className="min-w-0 space-y-6">{children}</div>
      </div>
    </div>
  );
}
