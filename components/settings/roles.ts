/** Organization roles in the caregiver's words (plain data: used by server and client components). */
export type Role = "owner" | "admin" | "member";
export const ROLE_NAMES: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member" };
