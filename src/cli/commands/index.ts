/**
 * Every subcommand, in help order.
 *
 * @packageDocumentation
 */
import type { Command } from "../command.js";
import { analyzeCommand } from "./analyze.js";
import { attributeCommand } from "./attribute.js";
import { demoCommand } from "./demo.js";
import { designCommand } from "./design.js";
import { durationCommand } from "./duration.js";
import { kpiCommand } from "./kpi.js";
import { mdeCommand } from "./mde.js";
import { monitorCommand } from "./monitor.js";
import { powerCommand } from "./power.js";
import { sampleSizeCommand } from "./sampleSize.js";

/** The subcommands. */
export const COMMANDS: readonly Command[] = [
  sampleSizeCommand,
  powerCommand,
  mdeCommand,
  durationCommand,
  analyzeCommand,
  designCommand,
  monitorCommand,
  attributeCommand,
  kpiCommand,
  demoCommand,
];
