import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeCaregiver } from "@/lib/testing/factories";
import { listFacilities } from "./facilities";
import { createOrganization, listMyOrganizations } from "./organizations";

describe("createOrganization (lib/orgs/organizations.ts)", () => {
  it("makes the caregiver the owner of a new organization with its default facility, and audits it there", async () => {
    const me = await makeCaregiver();
    const org = await createOrganization(me.actor, { name: "Sunrise Home Care" }, new Date());
    expect(org).toMatchObject({ name: "Sunrise Home Care", role: "owner" });
    const mine = await listMyOrganizations(me.actor);
    expect(mine.items.map((o) => o.name)).toContain("Sunrise Home Care");
    expect((await listFacilities(me.actor, org.id)).items).toEqual([expect.objectContaining({ name: "Main", is_default: true })]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "organization.created" } });
    expect(audit.actorId).toBe(me.id);
  });
});
