// The actor page: profile, aliases, membership timeline, relations, events, agreements, and every claim with its
// quote: the actor's own, and those behind each relation, event and agreement (one request for all of them).
import { useEffect, useState } from "react";
import { api, ApiError } from "../api/client.js";
import type { ActorProfile, Agreement, ClaimWithSource, Relation } from "../api/types.js";
import { isRtlText, useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Section, Status, formatDate, useLabel, useLoad, valueText } from "../ui.js";
import { barGeometry, membershipBars } from "./bars.js";
import { ClaimList } from "./ClaimList.js";
import { AGREEMENT_KINDS, agreementIds, byTarget, chunks, evidenceTargets, targetKey } from "./evidence.js";
import { loadAgreements, useActors } from "./names.js";

interface EvidenceState {
  claims?: Map<string, ClaimWithSource[]>;
  agreements: Map<string, Agreement>;
  error?: string;
}

/** The claims behind every relation, event and agreement of a profile: one POST /api/claims/query per 5,000 records. */
function useEvidence(profile: ActorProfile | undefined): EvidenceState {
  const [state, setState] = useState<EvidenceState>({ agreements: new Map() });
  useEffect(() => {
    if (!profile) return;
    let live = true;
    setState({ agreements: new Map() });
    void (async () => {
      try {
        const all = await loadAgreements();
        const agreements = agreementIds(profile.actor.id, profile.relations, [...all.values()]).filter((id) => all.has(id));
        const targets = evidenceTargets(profile.relations, profile.events, agreements);
        const items: ClaimWithSource[] = [];
        for (const part of chunks(targets, 5000)) items.push(...(await api.claimsFor(part)).items);
        if (live) setState({ claims: byTarget(items), agreements: new Map(agreements.map((id) => [id, all.get(id)!])) });
      } catch (e) {
        if (live) setState({ agreements: new Map(), error: e instanceof ApiError ? e.body.message : (e as Error).message });
      }
    })();
    return () => {
      live = false;
    };
  }, [profile]);
  return state;
}

/** A record's claims, folded under a count; nothing while they load. */
function Evidence({ target, evidence }: { target: string; evidence: EvidenceState }) {
  const { t } = useI18n();
  const claims = evidence.claims?.get(target);
  if (!evidence.claims) return null;
  if (!claims?.length) return <span className="muted evidence-none">{t("actor.noClaims")}</span>;
  return (
    <details className="evidence" data-target={target}>
      <summary>{claims.length === 1 ? t("actor.claimOne") : t("actor.claimCount", { n: claims.length })}</summary>
      <ClaimList claims={claims} />
    </details>
  );
}

export function ActorView({ id }: { id: string }) {
  const { t, name } = useI18n();
  const loc = useLocation();
  const label = useLabel();
  const actors = useActors();
  const res = useLoad(() => api.actor(id), id);
  const evidence = useEvidence(res.data);
  if (!res.data) return <Status loaded={res} />;
  const { actor, facts, claims, relations, events } = res.data;
  const nameOf = (ref: string) => {
    const a = actors.get(ref);
    return a ? name(a) : ref;
  };
  const actorLink = (ref: string) => <Link href={loc.link(`/actors/${encodeURIComponent(ref)}`)} dir="auto">{nameOf(ref)}</Link>;
  const { bars, min, max } = membershipBars(relations, actor.id, new Date().getFullYear());
  const allClaims = [...facts.flatMap((f) => f.claims), ...claims];

  return (
    <article>
      <header className="card page-head">
        <h1 dir="auto">{name(actor)}</h1>
        <p className="muted">
          {label("actorKinds", actor.kind)}
          {actor.country ? ` · ${actor.country}` : ""} · <code>{actor.id}</code>
        </p>
        {actor.description && <p>{actor.description}</p>}
        <p className="actions">
          <Link href={loc.link("/network", { view: "affiliation", ego: actor.id, depth: 2 })}>{t("actor.openNetwork")}</Link>
          <Link href={loc.link("/map", actor.kind === "state" ? { country: actor.country ?? actor.id } : { body: actor.id })}>{t("actor.openMap")}</Link>
          <Link href={loc.link("/scorecards", { actor: actor.id })}>{t("actor.scorecard")}</Link>
          <Link href={loc.link("/timeline", { actor: actor.id })}>{t("nav.timeline")}</Link>
          <Link href={loc.link(`/edit/actor/${encodeURIComponent(actor.id)}`)}>{t("common.edit")}</Link>
        </p>
      </header>

      <Section title={t("actor.aliases")} id="aliases">
        <ul className="aliases">
          {(actor.aliases ?? []).map((a) => (
            <li key={`${a.lang}:${a.name}`} lang={a.lang} dir={isRtlText(a.name) ? "rtl" : "ltr"}>
              {a.name} <span className="tag">{a.lang}{a.kind ? ` · ${a.kind}` : ""}</span>
            </li>
          ))}
        </ul>
      </Section>

      {facts.length > 0 && (
        <Section title={t("actor.facts")} id="facts">
          <dl className="facts">
            {facts.map((f) => (
              <div key={f.property}>
                <dt>{f.label}</dt>
                <dd>{f.claims.map((c) => valueText(c.value)).filter(Boolean).join("; ")}</dd>
              </div>
            ))}
          </dl>
        </Section>
      )}

      <Section title={t("actor.memberships")} id="memberships">
        {bars.length === 0 ? (
          <p className="muted">{t("common.none")}</p>
        ) : (
          <div className="bars" role="list" aria-label={t("actor.memberships")}>
            <div className="axis" aria-hidden="true">
              <span>{min}</span>
              <span>{max}</span>
            </div>
            {bars.map((b) => {
              const g = barGeometry(b, min, max);
              return (
                <div key={b.relation} className="bar-row" role="listitem">
                  <span className="bar-label">{actorLink(b.body)}</span>
                  <span className="bar-track">
                    <span
                      className={g.dated ? "bar" : "bar undated"}
                      style={{ insetInlineStart: `${g.left * 100}%`, width: `${g.width * 100}%` }}
                      title={`${b.from ?? t("common.undated")}${b.to ? `–${b.to}` : b.from ? "–" : ""}`}
                    />
                  </span>
                  <span className="bar-years">
                    {b.from ?? t("common.undated")}
                    {b.to ? `–${b.to}` : b.from ? "–" : ""} {b.role ?? ""}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </Section>

      <Section title={t("actor.relations")} id="relations">
        <table>
          <thead>
            <tr>
              <th>{t("common.kind")}</th>
              <th>{t("common.from")}</th>
              <th>{t("common.to")}</th>
              <th>{t("common.date")}</th>
              <th>{t("common.track")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {relations.flatMap((r: Relation) => [
              <tr key={r.id}>
                <td>
                  {label("relationKinds", r.kind)}
                  {r.role ? ` (${r.role})` : ""}
                </td>
                <td>{r.from === actor.id ? name(actor) : actorLink(r.from)}</td>
                <td>{r.to === actor.id ? name(actor) : AGREEMENT_KINDS.has(r.kind) ? <span dir="auto">{evidence.agreements.get(r.to)?.name ?? r.to}</span> : actorLink(r.to)}</td>
                <td>
                  {formatDate(r.start)}
                  {r.end ? ` – ${formatDate(r.end)}` : ""}
                </td>
                <td>{label("tracks", r.track)}</td>
                <td>
                  <Link href={loc.link(`/edit/relation/${encodeURIComponent(r.id)}`)}>{t("common.edit")}</Link>
                </td>
              </tr>,
              <tr key={`${r.id}:claims`} className="evidence-row">
                <td colSpan={6}>
                  <Evidence target={targetKey("relation", r.id)} evidence={evidence} />
                </td>
              </tr>,
            ])}
          </tbody>
        </table>
      </Section>

      <Section title={t("actor.events")} id="events">
        <ul className="events">
          {events.map((e) => (
            <li key={e.id}>
              <strong>{formatDate(e.date)}</strong> {e.title} <span className="tag">{label("eventTypes", e.type)}</span>{" "}
              <Link href={loc.link(`/edit/event/${encodeURIComponent(e.id)}`)}>{t("common.edit")}</Link>
              <Evidence target={targetKey("event", e.id)} evidence={evidence} />
            </li>
          ))}
          {events.length === 0 && <li className="muted">{t("common.none")}</li>}
        </ul>
      </Section>

      <Section title={t("actor.agreements")} id="agreements">
        <ul className="events">
          {[...evidence.agreements.values()].map((a) => {
            const how = relations.filter((r) => AGREEMENT_KINDS.has(r.kind) && r.to === a.id).map((r) => label("relationKinds", r.kind));
            if (a.adoptedBy === actor.id) how.push(t("actor.adopted"));
            return (
              <li key={a.id} data-agreement={a.id}>
                <strong dir="auto">{a.name}</strong> <span className="tag">{a.kind}</span>
                {a.signed ? ` · ${formatDate(a.signed)}` : a.adopted ? ` · ${formatDate(a.adopted)}` : ""} · {[...new Set(how)].join(", ")}
                <Evidence target={targetKey("agreement", a.id)} evidence={evidence} />
              </li>
            );
          })}
          {evidence.claims && evidence.agreements.size === 0 && <li className="muted">{t("common.none")}</li>}
        </ul>
        {evidence.error && <p role="alert" className="error">{evidence.error}</p>}
      </Section>

      <Section title={`${t("actor.claims")} (${allClaims.length})`} id="claims">
        <ClaimList claims={allClaims} />
      </Section>
    </article>
  );
}
