// Writes docs/cli.md from the CLI's own help texts, so the reference cannot drift from the code.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../packages/cli/dist/main.js", import.meta.url));
const help = (...args) => execFileSync(process.execPath, [main, ...args, "--help"], { encoding: "utf8" }).trim();
const commands = [[], ["import"], ["ingest"], ["extract"], ["actors", "list"], ["actors", "search"], ["actors", "show"], ["relations"], ["events"], ["claims", "list"], ["claims", "accept"], ["claims", "reject"], ["export"], ["cite"], ["analyse"], ["analyse", "network"], ["analyse", "overlap"], ["analyse", "dyad"], ["analyse", "multiplex"], ["analyse", "layers"], ["analyse", "path"], ["analyse", "ego"], ["analyse", "brokerage"], ["analyse", "neighbourhood"], ["analyse", "scorecard"], ["analyse", "frameworks"], ["serve"], ["stats"]];
let out = "# Command line reference\n\nGenerated from `diplograph <command> --help` by `node scripts/cli-reference.mjs > docs/cli.md`. Every read command also takes the global `--json` and `--db` options. `diplograph serve` starts the HTTP API (docs/api.md), which offers every read and write of the CLI.\n";
for (const c of commands) out += `\n## diplograph ${c.join(" ") || "(global)"}\n\n\`\`\`\n${help(...c)}\n\`\`\`\n`;
process.stdout.write(out);
