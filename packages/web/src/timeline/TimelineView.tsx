// The timeline of events, filterable by track, layer and actor, grouped by year with a decade overview.
import { api } from "../api/client.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { listParam } from "../state/url.js";
import { Link, Status, formatDate, useLabel, useLoad, useVocab } from "../ui.js";
import { useActors } from "../actor/names.js";
import { byDecade, byYear } from "./bucket.js";

export function TimelineView() {
  const { t, name } = useI18n();
  const loc = useLocation();
  const label = useLabel();
  const vocab = useVocab();
  const actors = useActors();
  const track = loc.params.get("track") ?? "";
  const layer = loc.params.get("layer") ?? "";
  const actor = loc.params.get("actor") ?? "";
  const type = listParam(loc.params, "type");
  const params = { track: track || undefined, layer: layer || undefined, actor: actor || undefined, type, limit: 500, sort: "date" };
  const res = useLoad(() => api.events(params), JSON.stringify(params));
  const events = res.data?.items.map((i) => i.event) ?? [];
  const decades = byDecade(events);
  const top = Math.max(1, ...decades.map((d) => d.count));
  const nameOf = (id: string) => {
    const a = actors.get(id);
    return a ? name(a) : id;
  };

  return (
    <section className="card">
      <h1>{t("nav.timeline")}</h1>
      <div className="row wrap filters">
        <label>
          {t("common.track")}{" "}
          <select value={track} onChange={(e) => loc.setParams({ track: e.target.value })}>
            <option value="">{t("common.all")}</option>
            {vocab?.tracks.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
          </select>
        </label>
        <label>
          {t("common.layer")}{" "}
          <select value={layer} onChange={(e) => loc.setParams({ layer: e.target.value })}>
            <option value="">{t("common.all")}</option>
            {vocab?.layers.map((x) => <option key={x.id} value={x.id}>{x.label}</option>)}
          </select>
        </label>
        <label>
          {t("common.actor")}{" "}
          <input list="timeline-actors" value={actor} onChange={(e) => loc.setParams({ actor: e.target.value.trim() }, true)} />
          <datalist id="timeline-actors">
            {[...actors.values()].slice(0, 2000).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </datalist>
        </label>
      </div>
      <Status loaded={res} />
      {res.data && <p aria-live="polite">{t("timeline.events", { n: res.data.total })}</p>}
      {decades.length > 0 && (
        <div className="decades" aria-hidden="true">
          {decades.map((d) => (
            <div key={d.decade} className="decade" title={`${d.decade}s: ${d.count}`}>
              <span className="decade-bar" style={{ height: `${(d.count / top) * 100}%` }} />
              <span className="decade-label">{d.decade}</span>
            </div>
          ))}
        </div>
      )}
      <ol className="timeline">
        {byYear(events).map((g) => (
          <li key={g.year ?? "undated"}>
            <h2>{g.year ?? t("common.undated")}</h2>
            <ul>
              {g.events.map((e) => (
                <li key={e.id} className="event">
                  <span className="muted">{formatDate(e.date)}</span> <strong dir="auto">{e.title}</strong> <span className="tag">{label("eventTypes", e.type)}</span>{" "}
                  {e.track && <span className="tag">{label("tracks", e.track)}</span>}
                  <div className="participants">
                    {e.participants.map((p) => (
                      <span key={`${p.actor}/${p.role}`}>
                        <Link href={loc.link(`/actors/${encodeURIComponent(p.actor)}`)} dir="auto">{nameOf(p.actor)}</Link> <span className="muted">({p.role})</span>{" "}
                      </span>
                    ))}
                  </div>
                  {e.outcome && <p className="muted">{e.outcome}</p>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
