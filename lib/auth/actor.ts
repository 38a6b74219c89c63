/** Who is asking. Every domain function takes one and decides access with lib/auth/policy.ts. */
export type CaregiverActor = {
  kind: "caregiver";
  caregiverId: string;
  /** how the caregiver authenticated: dashboard cookie, API access token, or personal API key */
  via: "session" | "token" | "api_key";
  sessionId?: string;
  apiKeyId?: string;
  /** API keys only: "read" and/or "write" */
  scopes?: string[];
};
export type DeviceActor = { kind: "device"; deviceId: string; patientId: string };
/**
 * A phone's credential not yet checked: routes declared `auth: "device_credential"` check it in their own
 * statement (one round trip; docs/decisions/034-hot-paths.md) and set `deviceId` once it resolves (for the log).
 */
export type DeviceCredential = { kind: "device_credential"; hash: string; deviceId?: string };
export type SystemActor = { kind: "system"; job: string };
export type Actor = CaregiverActor | DeviceActor | SystemActor;

export const systemActor = (job: string): SystemActor => ({ kind: "system", job });

export function actorRef(actor: Actor): { actorType: "caregiver" | "api_key" | "device" | "system"; actorId: string | null } {
  switch (actor.kind) {
    case "caregiver":
      return actor.via === "api_key" ? { actorType: "api_key", actorId: actor.caregiverId } : { actorType: "caregiver", actorId: actor.caregiverId };
    case "device":
      return { actorType: "device", actorId: actor.deviceId };
    case "system":
      return { actorType: "system", actorId: null };
  }
}
