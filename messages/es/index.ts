// One JSON file per area of the dashboard (a namespace each); add a file here and in the other locale's index.
import common from "./common.json";
import formats from "./formats.json";
import labels from "./labels.json";
import patients from "./patients.json";
import patientLabels from "./patientLabels.json";
import devices from "./devices.json";
import routine from "./routine.json";
import notes from "./notes.json";
import conversations from "./conversations.json";
import insights from "./insights.json";

const messages = { common, formats, labels, patients, patientLabels, devices, routine, notes, conversations, insights };
export default messages;
