import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, FIXTURES_DIR, heldOutAims, runEval, type Fixture } from "./eval";

const fixture = (text: string, urgency: Fixture["urgency"]): Fixture => ({ text, language: "en", urgency, reminder_completed: false });

function dirWith(files: Record<string, Fixture[]>) {
  const dir = mkdtempSync(path.join(tmpdir(), "elda-eval-"));
  copyFileSync(path.join(FIXTURES_DIR, "utterances.json"), path.join(dir, "utterances.json"));
  for (const [name, rows] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(rows));
  return dir;
}

describe("npm run eval", () => {
  it("reports the frozen split as aggregates only (no utterance, no note) with the aims, apart from the tuned fixtures", () => {
    const frozen = [
      fixture("zebra-secret I fell in the hall", "critical"),
      fixture("zebra-secret my sugar is 40", "critical"),
      fixture("zebra-secret lovely weather", "none"),
      fixture("zebra-secret I took my tablets twice", "high"),
    ].map((f) => ({ ...f, note: "zebra-note" }));
    const { output, exitCode } = runEval(dirWith({ "frozen-split.json": frozen }));
    const frozenPart = output.slice(output.indexOf("Frozen split"));
    expect(frozenPart).toContain("Frozen split: 4 held-out utterances");
    expect(frozenPart).toMatch(/critical recall\s+100\.0% \(2 of 2 emergencies raised as critical\)/);
    expect(frozenPart).toMatch(/false-critical rate\s+0\.0% \(0 of 2 non-critical\)/);
    expect(frozenPart).toContain("aims (issue 11): all met");
    expect(output).not.toContain("zebra");
    expect(output).toContain("Tuned fixtures:");
    expect(output).toContain("misclassified (");
    expect(exitCode).toBe(0);
  });

  it("says when the frozen split is absent, and the frozen split's aims never change the exit code", () => {
    expect(runEval(dirWith({})).output).toContain("fixtures/frozen-split.json is absent");
    const missed = [fixture("zebra nothing to see here", "critical"), fixture("zebra nor here", "critical")];
    const r = runEval(dirWith({ "frozen-split.json": missed }));
    expect(r.output).toContain("NOT MET  critical recall >= 0.95 (0.0%)");
    expect(r.exitCode).toBe(0);
  });

  it("fails on the tuned fixtures' bar", () => {
    const dir = dirWith({});
    writeFileSync(path.join(dir, "utterances.json"), JSON.stringify([fixture("lovely roses today", "critical")]));
    expect(runEval(dir).exitCode).toBe(1);
  });

  it("measures high recall and the false-critical rate the way the issue states them", () => {
    const e = evaluate([fixture("I took my tablets twice", "high"), fixture("my sugar is 48", "high"), fixture("hello there", "none")]);
    expect(e.highRecall).toBe(0.5);
    expect(e.highAlertRecall).toBe(1);
    expect(e.falseCriticals).toBe(1);
    expect(e.falseCriticalRate).toBeCloseTo(1 / 3);
    expect(heldOutAims(e).map((a) => a.met)).toEqual([true, false, false]);
  });

  it("reports a tuning corpus with misses by kind, lists its texts only when asked, and only aggregates while it is held out", () => {
    const nurse = [fixture("zebra-nurse lovely roses today", "critical"), fixture("zebra-nurse hello", "none")].map((f) => ({ ...f, note: "zebra-kind" }));
    const dir = dirWith({ "tuning-nurse.json": nurse });
    const plain = runEval(dir).output;
    expect(plain).toContain("Tuning corpus tuning-nurse.json: 2 utterances");
    expect(plain).toContain("zebra-kind: critical→none");
    expect(plain).not.toContain("zebra-nurse");
    expect(runEval(dir, { show: ["tuning-nurse"] }).output).toContain('"zebra-nurse lovely roses today"');
    expect(runEval(dir, { show: ["tuning"] }).output).toContain('"zebra-nurse lovely roses today"');
    const held = runEval(dir, { show: ["tuning"], holdOut: ["tuning-nurse"] }).output;
    expect(held).toContain("held out: aggregates only");
    expect(held).not.toContain("zebra");
    expect(runEval(dir).exitCode).toBe(0); // tuning corpora never change the exit code
  });
});
