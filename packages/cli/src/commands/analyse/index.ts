// `diplograph analyse …`: every analysis of @diplograph/analysis, one subcommand each, each with a --json twin.
// Each subcommand lives in its own file and registers itself on the `analyse` command here.
import type { Command } from "commander";
import { registerDyad } from "./dyad.js";
import { registerMultiplex } from "./multiplex.js";
import { registerNetwork } from "./network.js";
import { registerOverlap } from "./overlap.js";
import { registerPaths } from "./paths.js";
import { registerNeighbourhood } from "./neighbourhood.js";
import { registerScorecard } from "./scorecard.js";

/** Adds one subcommand to `analyse`. */
export type AnalyseRegistrar = (analyse: Command) => void;

const registrars: AnalyseRegistrar[] = [registerNetwork, registerOverlap, registerDyad, registerMultiplex, registerPaths, registerNeighbourhood, registerScorecard];

export function registerAnalyse(program: Command): void {
  const analyse = program.command("analyse").alias("analyze").description("network and diplomacy analyses of the database");
  for (const register of registrars) register(analyse);
}
