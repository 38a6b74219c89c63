import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { emit, setEventSink, type DomainEvent } from "./emit";
import { MalformedEvent, parseEvent } from "./events";

afterEach(() => setEventSink(undefined));

const ts = Date.parse("2026-03-02T09:00:00Z");
const acknowledged = (alertId: string, id = `alert-acknowledged-${alertId}`): DomainEvent => ({
  name: "alert/acknowledged",
  id,
  ts,
  data: { alert_id: alertId },
});

describe("emit", () => {
  it("hands events to the registered job engine", async () => {
    const seen: DomainEvent[] = [];
    setEventSink(async (events) => void seen.push(...events));
    await emit(acknowledged(randomUUID(), "a1"), acknowledged(randomUUID(), "a2"));
    expect(seen.map((e) => e.id)).toEqual(["a1", "a2"]);
  });

  it("leaves out an event its schema refuses, and sends the others", async () => {
    const seen: DomainEvent[] = [];
    setEventSink(async (events) => void seen.push(...events));
    // what the compiler refuses, arriving anyway (a cast, data from elsewhere)
    const broken = { name: "inactivity/patient.check", id: "bad", ts, data: { patient_id: "Betty Johnson" } } as unknown as DomainEvent;
    await emit(broken, acknowledged(randomUUID(), "good"));
    expect(seen.map((e) => e.id)).toEqual(["good"]);
  });

  it("never fails the caller: a lost event is healed by the next sweep", async () => {
    setEventSink(async () => {
      throw new Error("engine down");
    });
    await expect(emit(acknowledged(randomUUID()))).resolves.toBeUndefined();
    setEventSink(undefined);
    await expect(emit(acknowledged(randomUUID()))).resolves.toBeUndefined();
  });

  it("takes only catalog names with their payloads (checked by the compiler)", () => {
    const typos = () => {
      // @ts-expect-error a misspelt name does not compile
      void emit({ name: "alert/rasied", id: "x", ts, data: { alert_id: randomUUID() } });
      // @ts-expect-error nor does a payload without what the name promises
      void emit({ name: "inactivity/patient.check", id: "x", ts, data: { patient_id: randomUUID() } });
      // @ts-expect-error nor an event without the time it stands for
      void emit({ name: "alert/acknowledged", id: "x", data: { alert_id: randomUUID() } });
    };
    expect(typos).toBeTypeOf("function");
  });
});

describe("the event catalog", () => {
  it("parses a well-formed event, dropping fields it does not know", () => {
    const alertId = randomUUID();
    expect(parseEvent({ name: "alert/acknowledged", id: "e1", ts, data: { alert_id: alertId, extra: 1 } }, "alert/acknowledged")).toEqual({
      name: "alert/acknowledged",
      id: "e1",
      ts,
      data: { alert_id: alertId },
    });
  });

  it("refuses, naming fields and never their values: a wrong payload, an unknown or unexpected name, no id or time", () => {
    const problem = (raw: unknown, expected?: "alert/acknowledged") => {
      try {
        parseEvent(raw, expected);
      } catch (err) {
        expect(err).toBeInstanceOf(MalformedEvent);
        return (err as Error).message;
      }
      throw new Error("parsed");
    };
    const wrong = problem({ name: "alert/raised", id: "e1", ts, data: { alert_id: "Betty Johnson", patient_id: randomUUID(), severity: "dire" } });
    expect(wrong).toBe("Malformed event alert/raised e1: data.alert_id: invalid_format, data.severity: invalid_value.");
    expect(wrong).not.toContain("Betty");
    expect(problem({ name: "alert/rasied", id: "e2", ts, data: {} })).toBe("Malformed event alert/rasied e2: not in the event catalog.");
    expect(problem({ name: "alert/raised", id: "e3", ts, data: {} }, "alert/acknowledged")).toBe(
      "Malformed event alert/raised e3: expected alert/acknowledged.",
    );
    expect(problem({ name: "alert/acknowledged", data: { alert_id: randomUUID() } })).toBe(
      "Malformed event alert/acknowledged (none): id: invalid_type, ts: invalid_type.",
    );
    expect(problem(null)).toBe("Malformed event (none) (none): not in the event catalog.");
  });
});
