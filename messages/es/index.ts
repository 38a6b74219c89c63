// One JSON file per area of the dashboard (a namespace each); add a file here and in the other locale's index.
import common from "./common.json";

const messages = { common };
export default messages;
