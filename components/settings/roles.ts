/** Organization roles (plain data: used by server and client components); their names are `labels.orgRole.<role>`. */
export type Role = "owner" | "admin" | "member";
