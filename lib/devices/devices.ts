import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/api/errors";
import { assertPatientAccess, findForPatient } from "@/lib/auth/policy";
import type { Actor, DeviceActor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { deviceTokenInput } from "./schemas";

type DeviceRow = Awaited<ReturnType<typeof db.patientDevice.findFirstOrThrow>> & { _count: { pushTokens: number } };

const present = (d: DeviceRow) => ({
  id: d.id,
  platform: d.platform,
  app_version: d.appVersion,
  device_model: d.deviceModel,
  os_version: d.osVersion,
  battery_level: d.batteryLevel,
  paired_at: d.pairedAt.toISOString(),
  last_seen_at: d.lastSeenAt?.toISOString() ?? null,
  revoked_at: d.revokedAt?.toISOString() ?? null,
  push_tokens: d._count.pushTokens,
});

export async function listDevices(actor: Actor, patientId: string) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const rows = await db.patientDevice.findMany({ where: { patientId }, orderBy: { pairedAt: "desc" }, include: { _count: { select: { pushTokens: true } } } });
  await recordAudit(db, actor, { action: "device.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return { items: rows.map(present) };
}

/** Revoking a device ends its credential at once (401 on its next call) and drops its push tokens. */
export async function revokeDevice(actor: Actor, deviceId: string, now: Date) {
  return db.$transaction(async (tx) => {
    const { row: d, access } = await findForPatient(
      tx,
      actor,
      "write",
      "Device",
      tx.patientDevice.findUnique({ where: { id: deviceId }, select: { patientId: true } }),
    );
    await tx.patientDevice.updateMany({ where: { id: deviceId, revokedAt: null }, data: { revokedAt: now } });
    await tx.pushToken.deleteMany({ where: { deviceId } });
    await recordAudit(tx, actor, {
      action: "device.revoked",
      targetType: "device",
      targetId: deviceId,
      patientId: d.patientId,
      organizationId: access.organizationId,
    });
    const row = await tx.patientDevice.findUniqueOrThrow({ where: { id: deviceId }, include: { _count: { select: { pushTokens: true } } } });
    return present(row);
  });
}

/** The app registers its push token (several per device allowed, the same one stored once). */
export async function registerPushToken(actor: DeviceActor, input: z.infer<typeof deviceTokenInput>, now: Date) {
  if (input.patient_id !== actor.patientId) throw new NotFound("Patient");
  await db.$transaction(async (tx) => {
    await tx.pushToken.upsert({
      where: { deviceId_token: { deviceId: actor.deviceId, token: input.device_token } },
      create: { deviceId: actor.deviceId, token: input.device_token, platform: input.platform, appVersion: input.app_version ?? null, createdAt: now },
      update: { platform: input.platform, appVersion: input.app_version ?? undefined },
    });
    await tx.patientDevice.update({
      where: { id: actor.deviceId },
      data: { platform: input.platform, ...(input.app_version ? { appVersion: input.app_version } : {}), lastSeenAt: now },
    });
    if (input.app_version) await tx.patient.update({ where: { id: actor.patientId }, data: { appVersion: input.app_version } });
  });
  return { success: true, message: "Device token registered successfully" };
}
