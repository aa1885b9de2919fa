// Multi-touch attribution on a path table: heuristic models against the Markov model.
// Run after `npm run build`: node examples/attribution.mjs
import { compareAttributionModels, parseJourneys } from "experiment-stats/attribution";

const csv = `path,total_conversions,total_conversion_value,total_null
Paid Search,42,3150,1840
Paid Search > Email,35,2890,610
Social > Paid Search,18,1310,955
Social > Paid Search > Email,22,1870,402
`;
const journeys = parseJourneys(csv);
const table = compareAttributionModels(journeys, ["first-touch", "last-touch", "linear", "position-based", "markov"]);
console.log(["channel", ...table.models].join("\t"));
for (const row of table.channels) {
  console.log([row.channel, ...row.conversions.map((c) => c.toFixed(1))].join("\t"));
}
