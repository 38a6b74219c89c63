-- Issue 14: facilities (SPEC §1). Every organization gets a default facility "Main", and every existing
-- patient goes to it; an admin membership may list facilities (empty: the whole organization).

-- CreateTable
CREATE TABLE "facilities" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "address" VARCHAR(500),
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "facilities_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "facilities_organization_id_name_key" ON "facilities"("organization_id", "name");

-- one default facility per organization (not expressible in schema.prisma)
CREATE UNIQUE INDEX "facilities_one_default_per_organization" ON "facilities"("organization_id") WHERE "is_default";

-- AddForeignKey
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- the default facility of every existing organization
INSERT INTO "facilities" ("id", "organization_id", "name", "is_default", "created_at", "updated_at")
SELECT gen_random_uuid(), "id", 'Main', true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "organizations";

-- AlterTable: existing patients go to their organization's default facility
ALTER TABLE "patients" ADD COLUMN "facility_id" UUID;
UPDATE "patients" p SET "facility_id" = f."id" FROM "facilities" f WHERE f."organization_id" = p."organization_id" AND f."is_default";
ALTER TABLE "patients" ALTER COLUMN "facility_id" SET NOT NULL;

-- CreateIndex
CREATE INDEX "patients_facility_id_last_name_first_name_idx" ON "patients"("facility_id", "last_name", "first_name");

-- AddForeignKey
ALTER TABLE "patients" ADD CONSTRAINT "patients_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facilities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN "facility_ids" UUID[] DEFAULT ARRAY[]::UUID[];

-- Every organization has its default facility from the moment it exists, however it is inserted (the app, the
-- seed, benchmarks and browser-test fixtures that write SQL), and a patient inserted without a facility goes to
-- its organization's default one.
CREATE FUNCTION "organization_default_facility"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "facilities" ("id", "organization_id", "name", "is_default", "created_at", "updated_at")
  VALUES (gen_random_uuid(), NEW."id", 'Main', true, NEW."created_at", CURRENT_TIMESTAMP);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "organizations_default_facility" AFTER INSERT ON "organizations" FOR EACH ROW EXECUTE FUNCTION "organization_default_facility"();

CREATE FUNCTION "patient_default_facility"() RETURNS trigger AS $$
BEGIN
  IF NEW."facility_id" IS NULL THEN
    SELECT "id" INTO NEW."facility_id" FROM "facilities" WHERE "organization_id" = NEW."organization_id" AND "is_default";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "patients_default_facility" BEFORE INSERT ON "patients" FOR EACH ROW EXECUTE FUNCTION "patient_default_facility"();
