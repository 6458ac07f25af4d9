// Search across every name and alias in any script, with kind, track and country facets.
import { useEffect, useState } from "react";
import { api } from "../api/client.js";
import { isRtlText, useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { listParam, toggled } from "../state/url.js";
import { Link, Status, useLabel, useLoad } from "../ui.js";

const FACETS = [
  ["kind", "actorKinds", "common.kind"],
  ["track", "tracks", "common.track"],
  ["country", "", "common.country"],
] as const;

export function SearchView() {
  const { t, name } = useI18n();
  const loc = useLocation();
  const label = useLabel();
  const q = loc.params.get("q") ?? "";
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const filters = Object.fromEntries(FACETS.map(([k]) => [k, listParam(loc.params, k)]));
  const params = { q: q || undefined, ...filters, facets: "kind,country,track", limit: 100 };
  const res = useLoad(() => api.searchActors(params), JSON.stringify(params));

  return (
    <div className="with-sidebar">
      <aside className="card" aria-label="Facets">
        {FACETS.map(([key, vocab, title]) => {
          const counts = res.data?.facets?.[key] ?? {};
          const chosen = filters[key] ?? [];
          const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
          for (const c of chosen) if (!(c in counts)) entries.push([c, 0]);
          return (
            <fieldset key={key}>
              <legend>{t(title)}</legend>
              {entries.length === 0 && <span className="muted">{t("common.none")}</span>}
              {entries.map(([id, n]) => (
                <label key={id} className="check">
                  <input type="checkbox" checked={chosen.includes(id)} onChange={() => loc.setParams({ [key]: toggled(chosen, id) })} />
                  {vocab ? label(vocab, id) : id} <span className="count">{n}</span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </aside>
      <div>
        {loc.params.get("deleted") && (
          <p role="status" className="card ok">
            {t("form.deleted", { id: loc.params.get("deleted")! })}
          </p>
        )}
        <form
          role="search"
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            loc.setParams({ q: text.trim() || undefined });
          }}
        >
          <label htmlFor="q">{t("search.label")}</label>
          <div className="row">
            <input id="q" type="search" value={text} dir="auto" placeholder={t("search.placeholder")} onChange={(e) => setText(e.target.value)} />
            <button type="submit">{t("nav.search")}</button>
          </div>
        </form>
        <Status loaded={res} />
        {res.data && (
          <section className="card" aria-label="Results">
            <p aria-live="polite">{t("search.results", { n: res.data.total })}</p>
            <table>
              <thead>
                <tr>
                  <th>{t("common.actor")}</th>
                  <th>{t("common.kind")}</th>
                  <th>{t("common.country")}</th>
                  <th>{t("search.matched")}</th>
                </tr>
              </thead>
              <tbody>
                {res.data.items.map(({ actor, matched }) => (
                  <tr key={actor.id}>
                    <td>
                      <Link href={loc.link(`/actors/${encodeURIComponent(actor.id)}`)} dir="auto">{name(actor)}</Link>
                    </td>
                    <td>{label("actorKinds", actor.kind)}</td>
                    <td>{actor.country ?? ""}</td>
                    <td dir={matched && isRtlText(matched) ? "rtl" : "auto"}>{matched && matched !== actor.name ? matched : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </div>
  );
}
