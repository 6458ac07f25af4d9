// The dyad page: everything between two actors over time, each link with its evidence.
import { get } from "../api/client.js";
import type { ActorRef, Evidence } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Status, useLoad } from "../ui.js";

interface Dyad {
  a: ActorRef;
  b: ActorRef;
  links: Array<{ relation: string; kind: string; label: string; from: ActorRef; to: ActorRef; span: { from?: string; to?: string }; track?: string; evidence: Evidence[] }>;
  sharedBodies: Array<{ body: ActorRef }>;
  events?: Array<{ event: string; title: string; date?: string; evidence?: Evidence[] }>;
}

export function DyadView() {
  const { t } = useI18n();
  const loc = useLocation();
  const a = loc.params.get("a") ?? "IRN";
  const b = loc.params.get("b") ?? "RUS";
  const res = useLoad(() => get<Dyad>("/analyses/dyad", { a, b }), `${a}/${b}`);
  const nm = (r: ActorRef) => (loc.params.get("names") === "fa" && r.nameFa ? r.nameFa : r.name);
  return (
    <section className="card">
      <h1>{t("nav.dyad")}</h1>
      <form
        className="row wrap filters"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          loc.setParams({ a: String(f.get("a") ?? ""), b: String(f.get("b") ?? "") });
        }}
      >
        <label>
          {t("dyad.a")} <input name="a" defaultValue={a} />
        </label>
        <label>
          {t("dyad.b")} <input name="b" defaultValue={b} />
        </label>
        <button type="submit">OK</button>
        <Link href={loc.link("/map", { mode: "country", country: a, other: b })}>{t("nav.map")}</Link>
      </form>
      <Status loaded={res} />
      {res.data && (
        <>
          <h2>
            {nm(res.data.a)} — {nm(res.data.b)}
          </h2>
          <h3>{t("dyad.links")} ({res.data.links.length})</h3>
          <table>
            <thead>
              <tr>
                <th>{t("common.kind")}</th>
                <th>{t("common.from")}</th>
                <th>{t("common.to")}</th>
                <th>{t("common.date")}</th>
                <th>{t("scorecards.evidence")}</th>
              </tr>
            </thead>
            <tbody>
              {res.data.links.map((l) => (
                <tr key={l.relation}>
                  <td>{l.label}</td>
                  <td dir="auto">{nm(l.from)}</td>
                  <td dir="auto">{nm(l.to)}</td>
                  <td>{[l.span.from, l.span.to].filter(Boolean).join(" – ")}</td>
                  <td>
                    {l.evidence.map((e) => (
                      <Link key={e.claim} href={loc.link(`/documents/${encodeURIComponent(e.source)}`, { claim: e.claim })} dir="auto">“{e.quote.slice(0, 90)}{e.quote.length > 90 ? "…" : ""}”</Link>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t("dyad.shared")} ({res.data.sharedBodies.length})</h3>
          <ul>
            {res.data.sharedBodies.map((s) => (
              <li key={s.body.id}>
                <Link href={loc.link(`/actors/${encodeURIComponent(s.body.id)}`)}>{nm(s.body)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
