// One JSON file per area of the dashboard (a namespace each); add a file here and in the other locale's index.
import alerts from "./alerts.json";
import auth from "./auth.json";
import common from "./common.json";
import formats from "./formats.json";
import forms from "./forms.json";
import labels from "./labels.json";
import layout from "./layout.json";
import settings from "./settings.json";
import patients from "./patients.json";
import patientLabels from "./patientLabels.json";
import devices from "./devices.json";

const messages = { alerts, auth, common, formats, forms, labels, layout, settings, patients, patientLabels, devices };
export default messages;
