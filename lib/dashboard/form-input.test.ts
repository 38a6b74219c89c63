import { describe, expect, it } from "vitest";
import { listFromText, listToText, textOrNull, wholeNumber } from "./form-input";
import type { FieldIssue } from "./form-state";

describe("form text to API input", () => {
  it("reads optional text, lists and whole numbers", () => {
    expect(textOrNull("")).toBeNull();
    expect(textOrNull("Betty")).toBe("Betty");
    expect(listFromText("Metformin 500 mg\n\n Lisinopril , Aspirin")).toEqual(["Metformin 500 mg", "Lisinopril", "Aspirin"]);
    expect(listToText(["a", "b"])).toBe("a\nb");
    const problems: FieldIssue[] = [];
    expect(wholeNumber("n", "", problems)).toBeUndefined();
    expect(wholeNumber("n", "", problems, null)).toBeNull();
    expect(wholeNumber("n", "15", problems)).toBe(15);
    expect(problems).toEqual([]);
    expect(wholeNumber("n", "ten", problems)).toBeUndefined();
    expect(problems).toEqual([{ field: "n", message: "Enter a whole number." }]);
  });
});
