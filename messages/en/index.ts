// One JSON file per area of the dashboard (a namespace each); add a file here and in the other locale's index.
import alerts from "./alerts.json";
import auth from "./auth.json";
import common from "./common.json";
import conversations from "./conversations.json";
import devices from "./devices.json";
import formats from "./formats.json";
import forms from "./forms.json";
import insights from "./insights.json";
import invitations from "./invitations.json";
import labels from "./labels.json";
import layout from "./layout.json";
import notes from "./notes.json";
import organization from "./organization.json";
import patientLabels from "./patientLabels.json";
import patients from "./patients.json";
import routine from "./routine.json";
import settings from "./settings.json";
import transfers from "./transfers.json";

const messages = {
  alerts,
  auth,
  common,
  conversations,
  devices,
  formats,
  forms,
  insights,
  invitations,
  labels,
  layout,
  notes,
  organization,
  patientLabels,
  patients,
  routine,
  settings,
  transfers,
};
export default messages;
