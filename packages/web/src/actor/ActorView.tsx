// The actor page: profile, aliases, membership timeline, relations, events, and every claim with its quote.
import { api } from "../api/client.js";
import type { Relation } from "../api/types.js";
import { isRtlText, useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Section, Status, formatDate, useLabel, useLoad } from "../ui.js";
import { barGeometry, membershipBars } from "./bars.js";
import { ClaimList } from "./ClaimList.js";
import { useActors } from "./names.js";

export function ActorView({ id }: { id: string }) {
  const { t, name } = useI18n();
  const loc = useLocation();
  const label = useLabel();
  const actors = useActors();
  const res = useLoad(() => api.actor(id), id);
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
            {relations.map((r: Relation) => (
              <tr key={r.id}>
                <td>
                  {label("relationKinds", r.kind)}
                  {r.role ? ` (${r.role})` : ""}
                </td>
                <td>{r.from === actor.id ? name(actor) : actorLink(r.from)}</td>
                <td>{r.to === actor.id ? name(actor) : r.kind === "treaty-party" || r.kind === "ratifies" ? r.to : actorLink(r.to)}</td>
                <td>
                  {formatDate(r.start)}
                  {r.end ? ` – ${formatDate(r.end)}` : ""}
                </td>
                <td>{label("tracks", r.track)}</td>
                <td>
                  <Link href={loc.link(`/edit/relation/${encodeURIComponent(r.id)}`)}>{t("common.edit")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t("actor.events")} id="events">
        <ul className="events">
          {events.map((e) => (
            <li key={e.id}>
              <strong>{formatDate(e.date)}</strong> {e.title} <span className="tag">{label("eventTypes", e.type)}</span>{" "}
              <Link href={loc.link(`/edit/event/${encodeURIComponent(e.id)}`)}>{t("common.edit")}</Link>
            </li>
          ))}
          {events.length === 0 && <li className="muted">{t("common.none")}</li>}
        </ul>
      </Section>

      <Section title={`${t("actor.claims")} (${allClaims.length})`} id="claims">
        <ClaimList claims={allClaims} />
      </Section>
    </article>
  );
}

function valueText(v: unknown): string {
  if (!v || typeof v !== "object") return "";
  const o = v as Record<string, unknown>;
  if (typeof o.text === "string") return o.text;
  if (o.date && typeof o.date === "object") return String((o.date as { start: string }).start);
  if (typeof o.number === "number") return `${o.number}${typeof o.unit === "string" ? ` ${o.unit}` : ""}`;
  if (typeof o.actor === "string") return o.actor;
  return Object.entries(o)
    .filter(([k]) => k !== "type")
    .map(([, x]) => (typeof x === "object" ? JSON.stringify(x) : String(x)))
    .join(" ");
}
