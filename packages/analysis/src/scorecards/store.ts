// The store adapter: gathers from @diplograph/store everything a scorecard may count about one actor.
import type { Agreement, Claim, Event, Relation, TargetType } from "@diplograph/model";
import type { Store } from "@diplograph/store";
import { checkSubject, evaluateFramework, type EvaluateOptions, type SubjectData } from "./evaluate.js";
import { conceptIssues, FrameworkError } from "./load.js";
import type { LoadedFramework, Scorecard } from "./types.js";

const PAGE = 10_000;

async function all<T>(page: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = await page(offset);
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}

/**
 * The records about an actor (by id, alias or ISO code) and its parts: relations, events, linked agreements, the
 * actors they name, every claim on them, and the concepts the framework names with their claims.
 */
export async function loadSubjectData(store: Store, ref: string, framework?: LoadedFramework): Promise<SubjectData> {
  const id = await store.resolveActor(ref);
  const subject = await store.getActor(id);
  const scope = await store.actorWithParts(id);
  const partIds = [...scope.keys()].filter((x) => x !== id);
  const parts = await store.getActors(partIds);

  const relations: Relation[] = (await all((offset) => store.listRelations({ actor: id, withParts: true, limit: PAGE, offset }))).map((h) => h.relation);
  const events: Event[] = (await all((offset) => store.listEvents({ actor: id, withParts: true, limit: PAGE, offset }))).map((h) => h.event);

  const agreementIds = new Set<string>();
  for (const r of relations) if ((r.kind === "treaty-party" || r.kind === "ratifies") && scope.has(r.from)) agreementIds.add(r.to);
  for (const e of events) if (e.agreement) agreementIds.add(e.agreement);
  const agreements: Agreement[] = (await store.listAgreements()).filter((a) => agreementIds.has(a.id) || (a.adoptedBy !== undefined && scope.has(a.adoptedBy)));

  const named = new Set<string>();
  for (const r of relations) {
    named.add(r.from);
    if (!agreementIds.has(r.to)) named.add(r.to);
  }
  for (const e of events) for (const p of e.participants) named.add(p.actor);
  for (const x of scope.keys()) named.delete(x);
  const actors = await store.getActors([...named]);

  const claims = new Map<string, Claim[]>();
  const claimsOf = async (type: TargetType, targetId: string) => {
    claims.set(`${type}:${targetId}`, await all((offset) => store.listClaims({ targetType: type, targetId, limit: PAGE, offset })));
  };
  for (const x of scope.keys()) await claimsOf("actor", x);
  for (const r of relations) await claimsOf("relation", r.id);
  for (const e of events) await claimsOf("event", e.id);
  for (const a of agreements) await claimsOf("agreement", a.id);

  const wanted = new Set(framework ? framework.dimensions.flatMap((d) => [d.concept, ...d.indicators.flatMap((i) => (i.concept ? [i.concept] : []))]) : []);
  const concepts = new Map<string, { concept: (Awaited<ReturnType<Store["listConcepts"]>>)[number]; claims: Claim[] }>();
  for (const c of await store.listConcepts()) {
    if (!wanted.has(c.id)) continue;
    concepts.set(c.id, { concept: c, claims: await all((offset) => store.listClaims({ targetType: "concept", targetId: c.id, limit: PAGE, offset })) });
  }

  return { subject, parts, actors, relations, events, agreements, claims, concepts };
}

/** Concept ids stored in the database, for checking frameworks against them. */
export async function storedConceptIds(store: Store): Promise<Set<string>> {
  return new Set((await store.listConcepts()).map((c) => c.id));
}

/**
 * Score an actor against a framework on the store's data. The framework's concepts must be in the database (they
 * carry the source's own words); otherwise a FrameworkError names the file, line and field.
 */
export async function scoreActor(store: Store, framework: LoadedFramework, ref: string, options: EvaluateOptions = {}): Promise<Scorecard> {
  const issues = conceptIssues([framework], await storedConceptIds(store));
  if (issues.length) throw new FrameworkError(issues);
  checkSubject(framework, await store.getActor(ref));
  return evaluateFramework(framework, await loadSubjectData(store, ref, framework), options);
}
