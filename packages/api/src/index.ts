// Public API of @diplograph/api: the HTTP server (buildServer for tests and embedding, serve to listen) and the
// actor profile that the CLI's `actors show` shares with `GET /api/actors/:ref`.
export { buildServer, serve, serveConnections, API_VERSION, type ServerOptions, type ServeOptions } from "./server.js";
export { actorProfile, actorProfileJson } from "./profile.js";
export { ActorProfile } from "./routes/actors.js";
export { errorReply, ErrorBody, RequestError, type Issue } from "./errors.js";
