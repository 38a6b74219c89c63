import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import importPlugin from "eslint-plugin-import";

/**
 * The layering of docs/decisions/022-event-catalog-and-layering-rules.md, as rules (eslint-plugin-import, with the
 * TypeScript resolver Next's config sets up, so `@/...` and relative paths resolve alike):
 * - lib/ is framework-free: nothing from next or next/*, app/, components/, or the job engines (domain code
 *   announces work through lib/jobs/emit.ts only; lib/jobs/ itself is the engines' home);
 * - components/ never import from app/;
 * - no import cycles anywhere (type-only imports do not count).
 * Tests and lib/testing/ drive the real routes and engines, so the layering rules leave them out.
 */
const root = import.meta.dirname;
const SOURCES = ["**/*.{js,mjs,cjs,ts,tsx}"];
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**"];
const ENGINES = ["lib/jobs/engine.ts", "lib/jobs/inngest.ts", "lib/jobs/embedded-runner.ts", "lib/jobs/jobs.ts"];

const layering = {
  basePath: root,
  zones: [
    { target: "lib", from: "app", message: "lib/ is the domain: app/ calls it, never the other way round." },
    { target: "lib", from: "components", message: "lib/ is the domain: components render its data, it never imports them." },
    {
      target: ["lib/!(jobs)/**", "lib/*"],
      from: ENGINES,
      message: "Domain code announces follow-up work with emit() from lib/jobs/emit.ts; only lib/jobs/ knows the engines and the jobs.",
    },
    { target: "components", from: "app", message: "Components take what they need as props; app/ composes them, never the other way round." },
  ],
};
// package names, matched exactly ("next", "next/headers"), never a path of ours that happens to end in "inngest"
const NEXT = "lib/ is framework-free (redirects, headers and cookies belong in app/ or a route adapter); pass what the domain needs as arguments.";
const INNGEST = "Only lib/jobs/ talks to Inngest; domain code uses emit() from lib/jobs/emit.ts.";
const noNext = { paths: [{ name: "next", message: NEXT }], patterns: [{ regex: "^next/", message: NEXT }] };
const noInngest = { paths: [{ name: "inngest", message: INNGEST }], patterns: [{ regex: "^(inngest|@inngest)/", message: INNGEST }] };
const CATALOGUE = "Words a caregiver reads come from the message catalogue (messages/<locale>/*.json) through next-intl, never from JSX.";
const restrict = (...sets) => ["error", { paths: sets.flatMap((s) => s.paths), patterns: sets.flatMap((s) => s.patterns) }];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // unused values are errors, except the deliberately ignored `_name`
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: SOURCES,
    plugins: { import: importPlugin },
    // the cycle check follows our own files only: packages and the generated Prisma client never import ours
    settings: { "import/ignore": ["node_modules", "lib/db/generated/"] },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: SOURCES,
    ignores: TESTS,
    rules: { "import/no-restricted-paths": ["error", layering] },
  },
  {
    files: ["lib/**"],
    ignores: [...TESTS, "lib/jobs/**"],
    rules: { "no-restricted-imports": restrict(noNext, noInngest) },
  },
  {
    files: ["lib/jobs/**"],
    ignores: TESTS,
    rules: { "no-restricted-imports": restrict(noNext) },
  },
  {
    // Issue 15, docs/decisions/029-dashboard-i18n.md: every word a caregiver reads comes from the message
    // catalogues, so a Spanish page never shows an English sentence. Words (two letters or more) written as JSX
    // text, as a child expression or in a visible attribute fail; punctuation and the brand name do not.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "JSXText[value=/[A-Za-z]{2,}/]:not([value=/^\\s*Elda\\s*$/])", message: CATALOGUE },
        {
          selector: [
            "JSXElement > JSXExpressionContainer > Literal[value=/[A-Za-z]{2,}/]",
            "JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/[A-Za-z]{2,}/]",
            "JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2,}/]",
          ].join(", "),
          message: CATALOGUE,
        },
        {
          selector:
            "JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label|confirmText|pendingText)$/] > Literal[value=/[A-Za-z]{2,}/]",
          message: CATALOGUE,
        },
      ],
    },
  },
  {
    files: ["scripts/**", "prisma/seed.ts", "e2e/**", "**/*.test.ts", "lib/testing/**"],
    rules: { "no-console": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["scripts/**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", ".data/**", "coverage/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
