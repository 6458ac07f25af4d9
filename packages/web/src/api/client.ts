// The HTTP client of the web application: one function per API route it uses, errors as ApiError with the API's body.
import type {
  ActorHit,
  Agreement,
  ActorProfile,
  ClaimWithSource,
  ErrorBody,
  Event,
  DocumentSummary,
  Facets,
  IngestedFile,
  NetworkJson,
  Page,
  Relation,
  SourceDocument,
  Vocabularies,
} from "./types.js";
import { patchSearch, type ParamValue } from "../state/url.js";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(`web: ${body.message}`);
  }
}

export function apiUrl(path: string, params: Record<string, ParamValue> = {}): string {
  return `/api${path}${patchSearch("", params)}`;
}

async function request<T>(method: string, path: string, params: Record<string, ParamValue> = {}, body?: unknown): Promise<T> {
  const res = await fetch(apiUrl(path, params), {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json", "x-diplograph-user": "web" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw new ApiError(res.status, (json as ErrorBody) ?? { error: String(res.status), message: res.statusText });
  return json as T;
}

export const get = <T>(path: string, params: Record<string, ParamValue> = {}) => request<T>("GET", path, params);

export const api = {
  vocabularies: () => get<Vocabularies>("/vocabularies"),
  searchActors: (params: Record<string, ParamValue>) => get<Page<ActorHit> & { facets?: Facets }>("/actors", params),
  actor: (ref: string) => get<ActorProfile>(`/actors/${encodeURIComponent(ref)}`),
  network: (params: Record<string, ParamValue>) => get<NetworkJson>("/analyses/network", params),
  source: (id: string) => get<SourceDocument>(`/sources/${encodeURIComponent(id)}`),
  claims: (params: Record<string, ParamValue>) => get<Page<ClaimWithSource>>("/claims", params),
  /** The claims on many records (TYPE:ID targets, at most 5,000) in one call. */
  claimsFor: (targets: string[]) => request<{ items: ClaimWithSource[] }>("POST", "/claims/query", {}, { targets }),
  agreements: (params: Record<string, ParamValue>) => get<Page<Agreement>>("/agreements", params),
  review: (id: string, status: "accepted" | "rejected") => request<ClaimWithSource>("POST", `/claims/${encodeURIComponent(id)}/review`, {}, { status, by: "web" }),
  patchClaim: (id: string, body: Record<string, unknown>) => request<ClaimWithSource>("PATCH", `/claims/${encodeURIComponent(id)}`, {}, body),
  events: (params: Record<string, ParamValue>) => get<Page<{ event: Event; claims: number }>>("/events", params),
  relations: (params: Record<string, ParamValue>) => get<Page<{ relation: Relation; claims: number; via?: string }>>("/relations", params),
  relation: (id: string) => get<{ relation: Relation }>(`/relations/${encodeURIComponent(id)}`),
  event: (id: string) => get<{ event: Event }>(`/events/${encodeURIComponent(id)}`),
  write: <T>(method: "POST" | "PUT" | "PATCH", path: string, body: unknown) => request<T>(method, path, {}, body),
  remove: (path: string) => request<void>("DELETE", path),
  documents: () => get<{ items: DocumentSummary[] }>("/documents"),
  /** Ingest a document: the file's bytes as the body, its name in the query. */
  ingest: async (file: File) => {
    const res = await fetch(apiUrl("/documents", { filename: file.name }), { method: "POST", headers: { "content-type": "application/octet-stream", "x-diplograph-user": "web" }, body: file });
    const json = (await res.json()) as unknown;
    if (!res.ok) throw new ApiError(res.status, json as ErrorBody);
    return json as { files: IngestedFile[]; wrote: boolean };
  },
  reviewMany: (ids: string[], status: "accepted" | "rejected") => request<{ items: ClaimWithSource[] }>("POST", "/claims/review", {}, { ids, status, by: "web" }),
};
