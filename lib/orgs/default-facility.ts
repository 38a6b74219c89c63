/** The name of the facility every new organization starts with (and every organization got by migration). */
export const DEFAULT_FACILITY_NAME = "Main";

/** Spread into `organization.create({ data })`: the organization's default facility, made with it. */
export const withDefaultFacility = (now: Date) => ({ facilities: { create: { name: DEFAULT_FACILITY_NAME, isDefault: true, createdAt: now } } });
