// Regenerates examples/experiment-stats.ipynb with its outputs from the built package.
// Run `npm run build && node test/docs/build-notebook.mjs` after a change to the report formatting.
import { writeFileSync } from "node:fs";
import * as attribution from "experiment-stats/attribution";
import * as bayesian from "experiment-stats/bayesian";
import * as power from "experiment-stats/power";
import * as report from "experiment-stats/report";
import * as sequential from "experiment-stats/sequential";
import * as significance from "experiment-stats/significance";

const md = (text) => ({ cell_type: "markdown", metadata: {}, source: lines(text) });
const lines = (text) => text.split("\n").map((l, i, a) => (i < a.length - 1 ? `${l}\n` : l));
let count = 0;
const code = (text, value) => {
  count += 1;
  const outputs = [];
  if (value !== undefined) {
    const bundle = value[Symbol.for("Jupyter.display")]();
    outputs.push({
      output_type: "execute_result",
      execution_count: count,
      metadata: {},
      data: Object.fromEntries(Object.entries(bundle).map(([k, v]) => [k, lines(v)])),
    });
  }
  return {
    cell_type: "code",
    execution_count: value === undefined ? null : count,
    metadata: {},
    outputs,
    source: lines(text),
  };
};

const { display } = report;
const plan = power.sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 });
const readout = significance.compareProportions(
  { visitors: 24_978, conversions: 1_249 },
  { visitors: 25_125, conversions: 1_404 },
);
const bayes = bayesian.bayesianProportions(
  { visitors: 24_978, conversions: 1_249 },
  { visitors: 25_125, conversions: 1_404 },
);
const design = sequential.groupSequentialDesign({ kMax: 4, alpha: 0.025, spending: { family: "obrien-fleming" } });
const journeys = [
  { path: "Paid Search", conversions: 42, value: 3150, nulls: 1840 },
  { path: "Paid Search > Email", conversions: 35, value: 2890, nulls: 610 },
  { path: "Social > Paid Search", conversions: 18, value: 1310, nulls: 955 },
  { path: "Social > Paid Search > Email", conversions: 22, value: 1870, nulls: 402 },
];
const comparison = attribution.compareAttributionModels(journeys, ["first-touch", "last-touch", "linear", "markov"]);

const cells = [
  md(`# experiment-stats in a Deno notebook

Every result of experiment-stats is a plain object. \`display(result)\` from \`experiment-stats/report\` wraps it in an
object that Deno's Jupyter kernel (and other front ends honouring \`Symbol.for("Jupyter.display")\`) renders as a rich
table, with plain-text and Markdown versions in the same MIME bundle.

Setup: \`deno jupyter --install\`, then in the notebook's folder \`deno add npm:experiment-stats\` (or, from a clone of
the repository, \`npm run build\` and map \`experiment-stats\` to \`./dist/\` in \`deno.json\`'s \`imports\`).`),
  code(`import { sampleSizeTwoProportions } from "experiment-stats/power";
import { compareProportions } from "experiment-stats/significance";
import { bayesianProportions } from "experiment-stats/bayesian";
import { groupSequentialDesign } from "experiment-stats/sequential";
import { compareAttributionModels } from "experiment-stats/attribution";
import { display, formatResult } from "experiment-stats/report";`),
  md(`## Plan: how many visitors for a +10 % lift on a 5 % conversion rate?`),
  code(
    `const plan = sampleSizeTwoProportions({ baselineRate: 0.05, mde: 0.1 });
display(plan);`,
    display(plan),
  ),
  md(`## Read the result`),
  code(
    `const control = { visitors: 24_978, conversions: 1_249 };
const treatment = { visitors: 25_125, conversions: 1_404 };
const readout = compareProportions(control, treatment);
display(readout);`,
    display(readout),
  ),
  md(`The same readout as one line of text, for a message or a commit note:`),
  code(`formatResult(readout).split("\\n")[3];`),
  md(`## The Bayesian view: chance to beat control`),
  code(`display(bayesianProportions(control, treatment));`, display(bayes)),
  md(`## Stopping early: a group sequential design with four looks`),
  code(
    `display(groupSequentialDesign({ kMax: 4, alpha: 0.025, spending: { family: "obrien-fleming" } }));`,
    display(design),
  ),
  md(`## Attribution: which channels earned the conversions`),
  code(
    `const journeys = [
  { path: "Paid Search", conversions: 42, value: 3150, nulls: 1840 },
  { path: "Paid Search > Email", conversions: 35, value: 2890, nulls: 610 },
  { path: "Social > Paid Search", conversions: 18, value: 1310, nulls: 955 },
  { path: "Social > Paid Search > Email", conversions: 22, value: 1870, nulls: 402 },
];
display(compareAttributionModels(journeys, ["first-touch", "last-touch", "linear", "markov"]));`,
    display(comparison),
  ),
];
// The text cell's result
cells[7].outputs = [
  {
    output_type: "execute_result",
    execution_count: 3,
    metadata: {},
    data: { "text/plain": [JSON.stringify(report.formatResult(readout).split("\n")[3])] },
  },
];
// Renumber
let n = 0;
for (const c of cells)
  if (c.cell_type === "code") {
    n += 1;
    c.execution_count = n;
    for (const o of c.outputs) o.execution_count = n;
  }
cells[1].outputs = [];
const nb = {
  cells,
  metadata: {
    kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
    language_info: {
      codemirror_mode: "typescript",
      file_extension: ".ts",
      mimetype: "text/x.typescript",
      name: "typescript",
      nbconvert_exporter: "script",
      pygments_lexer: "typescript",
      version: "5.6.2",
    },
  },
  nbformat: 4,
  nbformat_minor: 5,
};
for (const [i, c] of nb.cells.entries()) c.id = `cell-${i}`;
writeFileSync(new URL("../../examples/experiment-stats.ipynb", import.meta.url), `${JSON.stringify(nb, null, 1)}\n`);
