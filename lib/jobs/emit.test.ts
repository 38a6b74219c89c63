import { afterEach, describe, expect, it } from "vitest";
import { emit, setEventSink, type DomainEvent } from "./emit";

afterEach(() => setEventSink(undefined));

describe("emit", () => {
  it("hands events to the registered job engine", async () => {
    const seen: DomainEvent[] = [];
    setEventSink(async (events) => void seen.push(...events));
    await emit({ name: "alert/raised", id: "a1", data: {} }, { name: "alert/raised", id: "a2", data: {} });
    expect(seen.map((e) => e.id)).toEqual(["a1", "a2"]);
  });

  it("never fails the caller: a lost event is healed by the next sweep", async () => {
    setEventSink(async () => {
      throw new Error("engine down");
    });
    await expect(emit({ name: "x", id: "1", data: {} })).resolves.toBeUndefined();
    setEventSink(undefined);
    await expect(emit({ name: "x", id: "1", data: {} })).resolves.toBeUndefined();
  });
});
