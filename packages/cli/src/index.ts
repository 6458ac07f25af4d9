// @diplograph/cli is used through its `diplograph` binary (main.ts); this module re-exports the command functions.
export { actorProfile } from "@diplograph/api";
