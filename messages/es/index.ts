// One JSON file per area of the dashboard (a namespace each); add a file here and in the other locale's index.
import alertContent from "./alertContent.json";
import alerts from "./alerts.json";
import analytics from "./analytics.json";
import auditActions from "./auditActions.json";
import auth from "./auth.json";
import common from "./common.json";
import conversations from "./conversations.json";
import devices from "./devices.json";
import errors from "./errors.json";
import formats from "./formats.json";
import forms from "./forms.json";
import home from "./home.json";
import insightContent from "./insightContent.json";
import insights from "./insights.json";
import invitations from "./invitations.json";
import labels from "./labels.json";
import layout from "./layout.json";
import notes from "./notes.json";
import organization from "./organization.json";
import patientLabels from "./patientLabels.json";
import patients from "./patients.json";
import reports from "./reports.json";
import routine from "./routine.json";
import settings from "./settings.json";
import transfers from "./transfers.json";
import twoFactor from "./twoFactor.json";
import validation from "./validation.json";

const messages = {
  alertContent,
  alerts,
  analytics,
  auditActions,
  auth,
  common,
  conversations,
  devices,
  errors,
  formats,
  forms,
  home,
  insightContent,
  insights,
  invitations,
  labels,
  layout,
  notes,
  organization,
  patientLabels,
  patients,
  reports,
  routine,
  settings,
  transfers,
  twoFactor,
  validation,
};
export default messages;
