import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { joinCareTeam, makeCaregiver, makePatient } from "@/lib/testing/factories";
import * as patientNotes from "../patients/[id]/notes/route";
import * as note from "./[id]/route";
import * as patientConversations from "../patients/[id]/conversations/route";
import * as conversation from "../conversations/[id]/route";

describe("notes to the companion", () => {
  it("create, list with filters, read, edit, delete; viewers read only; refusals", async () => {
    const owner = await makeCaregiver({ firstName: "Sarah" });
    const p = await makePatient(owner);
    const made = await call(patientNotes.POST, {
      token: owner.token,
      params: { id: p.id },
      body: { title: "Garden", content: "Loves talking about her roses.", category: "preferences", priority: "important" },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ author_name: "Sarah Tester", priority: "important" });
    await call(patientNotes.POST, {
      token: owner.token,
      params: { id: p.id },
      body: { title: "Knee", content: "Avoid suggesting long walks.", category: "safety" },
    });
    const safety = await call(patientNotes.GET, { token: owner.token, params: { id: p.id }, path: "/x?category=safety" });
    expect(safety.body.items.map((n: { title: string }) => n.title)).toEqual(["Knee"]);
    expect((await call(note.GET, { token: owner.token, params: { id: made.body.id } })).body.content).toContain("roses");
    const edited = await call(note.PATCH, { method: "PATCH", token: owner.token, params: { id: made.body.id }, body: { content: "Roses and tomatoes." } });
    expect(edited.body.content).toBe("Roses and tomatoes.");
    for (const body of [
      { title: "", content: "x", category: "other" },
      { title: "t", content: "x", category: "gossip" },
      { title: "t", content: "x", category: "other", secret: 1 },
    ]) {
      expect((await call(patientNotes.POST, { token: owner.token, params: { id: p.id }, body })).status).toBe(422);
    }
    const viewer = await makeCaregiver({ organizationId: owner.organizationId });
    await joinCareTeam(p.id, viewer.id, "viewer");
    expect((await call(patientNotes.GET, { token: viewer.token, params: { id: p.id } })).status).toBe(200);
    expect((await call(note.DELETE, { method: "DELETE", token: viewer.token, params: { id: made.body.id } })).status).toBe(403);
    expect((await call(note.DELETE, { method: "DELETE", token: owner.token, params: { id: made.body.id } })).status).toBe(204);
    expect(await db.caregiverNote.count({ where: { patientId: p.id } })).toBe(1);
  });
});

describe("conversations for the care team", () => {
  it("lists with date, sentiment, urgency and text filters, and reads one with its turns", async () => {
    const owner = await makeCaregiver();
    const p = await makePatient(owner);
    const mk = async (at: string, sentiment: "positive" | "concerned", urgencyLevel: "none" | "medium", text: string) => {
      const c = await db.conversation.create({
        data: { patientId: p.id, conversationType: "spontaneous", startedAt: new Date(at), lastTurnAt: new Date(at), turnCount: 1, sentiment, urgencyLevel },
      });
      await db.conversationTurn.create({
        data: {
          conversationId: c.id,
          patientId: p.id,
          sequence: 1,
          patientMessage: text,
          aiResponse: "I hear you.",
          sentiment,
          urgencyLevel,
          provider: "test",
          createdAt: new Date(at),
        },
      });
      return c;
    };
    await mk("2026-01-10T10:00:00Z", "positive", "none", "The roses are blooming");
    const knee = await mk("2026-01-11T10:00:00Z", "concerned", "medium", "My knee hurts today");
    const list = await call(patientConversations.GET, { token: owner.token, params: { id: p.id } });
    expect(list.body.items.map((c: { id: string }) => c.id)[0]).toBe(knee.id);
    expect((await call(patientConversations.GET, { token: owner.token, params: { id: p.id }, path: "/x?urgency=medium" })).body.items).toHaveLength(1);
    expect(
      (await call(patientConversations.GET, { token: owner.token, params: { id: p.id }, path: "/x?q=roses" })).body.items[0].turns[0].patient_message,
    ).toBe("The roses are blooming");
    expect((await call(patientConversations.GET, { token: owner.token, params: { id: p.id }, path: "/x?from=2026-01-11T00:00:00Z" })).body.items).toHaveLength(
      1,
    );
    expect((await call(patientConversations.GET, { token: owner.token, params: { id: p.id }, path: "/x?sentiment=angry" })).status).toBe(422);
    const one = await call(conversation.GET, { token: owner.token, params: { id: knee.id } });
    expect(one.body.turns).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "conversation.read", targetId: knee.id } })).toBe(1);
  });
});
