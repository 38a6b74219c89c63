// One JSON file per area of the dashboard (a namespace each); add a file here and in the other locale's index.
import common from "./common.json";
import formats from "./formats.json";
import labels from "./labels.json";

const messages = { common, formats, labels };
export default messages;
