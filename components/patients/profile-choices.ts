import type { UpdatePatientInput } from "@/lib/patients/schemas";

/** The choices of the profile's selects (their words are in `patientLabels`); shared by the form and the Overview. */
export const GENDERS: NonNullable<UpdatePatientInput["gender"]>[] = ["female", "male", "other", "prefer_not_to_say"];
export const STYLES: NonNullable<UpdatePatientInput["communication_style"]>[] = ["friendly", "formal", "casual"];
export const VOICES: NonNullable<UpdatePatientInput["preferred_voice"]>[] = ["female", "male", "neutral"];
