import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

// Inter from @fontsource-variable/inter, served from our own origin (the build never downloads a font)
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Elda", template: "%s · Elda" },
  description: "Elda helps you look after the people you care for who live on their own.",
  robots: { index: false, follow: false },
  // installable as an app (public/manifest.webmanifest); the icons are in public/
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  appleWebApp: { capable: true, title: "Elda" },
};

export const viewport: Viewport = { themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts)
  await connection();
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("common"), getMessages()]);
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-4 py-3 font-semibold text-teal-900 shadow-lg focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50"
        >
          {t("skipToMain")}
        </a>
        {/* the browser gets only what its components read (lib/i18n/client-messages.ts) */}
        <NextIntlClientProvider messages={clientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
