// The map: members of a chosen body, a country's memberships, a dyad link, and the neighbourhood designer's candidates.
import { useMemo, useRef } from "react";
import { geoCentroid, geoNaturalEarth1, geoPath } from "d3-geo";
import { api, get } from "../api/client.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Status, download, svgToPng, useLoad } from "../ui.js";
import { useActors } from "../actor/names.js";
import { countryShapes } from "./geo.js";

const W = 960;
const H = 500;
type Mode = "body" | "country" | "neighbourhood";

interface Neighbourhood {
  country: { country: string; name: string };
  neighbours: Array<{ country: string; name: string }>;
  candidates: Array<{ rank: number; id: string; label: string; members: string[]; score?: number; total?: number }>;
}

export function MapView() {
  const { t, name } = useI18n();
  const loc = useLocation();
  const actors = useActors();
  const p = loc.params;
  const mode: Mode = p.get("mode") === "neighbourhood" ? "neighbourhood" : p.get("body") ? "body" : p.get("mode") === "body" ? "body" : "country";
  const body = p.get("body") ?? "";
  const country = (p.get("country") ?? "IRN").toUpperCase();
  const other = (p.get("other") ?? "").toUpperCase();
  const cand = Number(p.get("candidate") ?? "0");
  const svgRef = useRef<SVGSVGElement>(null);

  const shapes = useMemo(() => countryShapes(), []);
  const projection = useMemo(() => geoNaturalEarth1().fitSize([W, H], { type: "FeatureCollection", features: shapes.map((s) => s.feature) }), [shapes]);
  const path = useMemo(() => geoPath(projection), [projection]);

  const key = JSON.stringify({ mode, body, country });
  const data = useLoad(async () => {
    if (mode === "body" && body) return { rels: (await api.relations({ actor: body, kind: "member-of", limit: 500, direct: true })).items.map((i) => i.relation).filter((r) => r.to === body) };
    if (mode === "country") return { rels: (await api.relations({ actor: country, kind: "member-of", limit: 500 })).items.map((i) => i.relation) };
    return { hood: await get<Neighbourhood>(`/analyses/neighbourhood/${encodeURIComponent(country)}`, { limit: 20 }) };
  }, key);

  // Countries to fill, and the list beside the map.
  const fill = new Map<string, string>();
  const rows: Array<{ id: string; label: string; extra?: string }> = [];
  if (mode === "body" && data.data?.rels) {
    for (const r of data.data.rels) {
      const a = actors.get(r.from);
      const iso = a?.country ?? (a?.kind === "state" ? a.id.toUpperCase() : undefined);
      if (iso) fill.set(iso, r.role === "observer" ? "#9ecae1" : "#2171b5");
      rows.push({ id: r.from, label: a ? name(a) : r.from, extra: [r.role, r.start?.start].filter(Boolean).join(" · ") });
    }
  }
  if (mode === "country" && data.data?.rels) {
    fill.set(country, "#2171b5");
    const seen = new Set<string>();
    for (const r of data.data.rels) {
      if (seen.has(r.to)) continue;
      seen.add(r.to);
      const a = actors.get(r.to);
      rows.push({ id: r.to, label: a ? name(a) : r.to, extra: [r.role, r.start?.start].filter(Boolean).join(" · ") });
    }
    if (other) fill.set(other, "#cb181d");
  }
  const hood = data.data?.hood;
  const candidate = hood?.candidates[cand];
  if (mode === "neighbourhood" && hood) {
    for (const n of hood.neighbours) fill.set(n.country, "#fdd0a2");
    for (const m of candidate?.members ?? []) fill.set(m, "#e6550d");
    fill.set(hood.country.country, "#7f2704");
  }

  const centroid = (iso: string) => {
    const s = shapes.find((c) => c.iso3 === iso);
    return s ? projection(geoCentroid(s.feature)) : null;
  };
  const dyad = mode === "country" && other ? [centroid(country), centroid(other)] : undefined;

  const exportMap = async (kind: "svg" | "png") => {
    if (!svgRef.current) return;
    const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svgRef.current)}`;
    const base = `diplograph-map-${mode}-${mode === "body" ? body : country}`;
    if (kind === "svg") download(`${base}.svg`, new Blob([svg], { type: "image/svg+xml" }));
    else download(`${base}.png`, await svgToPng(svg, W, H));
  };

  const bodies = [...actors.values()].filter((a) => ["intergovernmental-organization", "parliamentary-assembly", "forum"].includes(a.kind));
  return (
    <div className="map-page">
      <section className="card controls row wrap" aria-label="Map controls">
        <label>
          Mode{" "}
          <select value={mode} onChange={(e) => loc.setParams({ mode: e.target.value, body: e.target.value === "body" ? body || bodies[0]?.id : undefined })}>
            <option value="body">{t("map.body")}</option>
            <option value="country">{t("map.country")}</option>
            <option value="neighbourhood">{t("map.neighbourhood")}</option>
          </select>
        </label>
        {mode === "body" ? (
          <label>
            {t("map.body")}{" "}
            <select value={body} onChange={(e) => loc.setParams({ body: e.target.value })}>
              {bodies.map((b) => <option key={b.id} value={b.id}>{name(b)}</option>)}
            </select>
          </label>
        ) : (
          <label>
            {t("common.country")}{" "}
            <input size={5} defaultValue={country} onBlur={(e) => loc.setParams({ country: e.target.value.trim().toUpperCase() || undefined })} />
          </label>
        )}
        {mode === "country" && (
          <label>
            {t("map.dyad")}{" "}
            <input size={5} defaultValue={other} onBlur={(e) => loc.setParams({ other: e.target.value.trim().toUpperCase() || undefined })} />
          </label>
        )}
        {mode === "neighbourhood" && hood && (
          <label>
            Candidate{" "}
            <select value={cand} onChange={(e) => loc.setParams({ candidate: e.target.value === "0" ? undefined : e.target.value })}>
              {hood.candidates.map((c, i) => <option key={`${c.id}-${i}`} value={i}>{c.rank}. {c.label}</option>)}
            </select>
          </label>
        )}
        <button type="button" onClick={() => void exportMap("png")}>PNG</button>
        <button type="button" onClick={() => void exportMap("svg")}>SVG</button>
      </section>
      <Status loaded={data} />
      <div className="map-layout">
        <section className="card">
          <svg ref={svgRef} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="World map">
            <rect width={W} height={H} fill="#f4f8fb" />
            {shapes.map((s, i) => (
              <path key={i} d={path(s.feature) ?? ""} fill={(s.iso3 && fill.get(s.iso3)) || "#e3e3e3"} stroke="#fff" strokeWidth={0.5} data-iso={s.iso3}>
                <title>{s.name}</title>
              </path>
            ))}
            {dyad?.[0] && dyad[1] && <line x1={dyad[0][0]} y1={dyad[0][1]} x2={dyad[1][0]} y2={dyad[1][1]} stroke="#cb181d" strokeWidth={2.5} data-testid="dyad-line" />}
          </svg>
          <p aria-live="polite">{t("map.members", { n: [...fill.keys()].filter((k) => shapes.some((s) => s.iso3 === k)).length })}</p>
        </section>
        <section className="card" aria-label="Map list">
          {mode === "neighbourhood" && candidate ? (
            <>
              <h2>{candidate.label}</h2>
              <p>{candidate.members.join(", ")}</p>
              <Link href={loc.link("/overlap", { actors: candidate.members.slice(0, 8).join(",") })}>{t("nav.overlap")}</Link>
            </>
          ) : (
            <ul>
              {rows.map((r) => (
                <li key={r.id}>
                  <Link href={loc.link(`/actors/${encodeURIComponent(r.id)}`)} dir="auto">{r.label}</Link> <span className="muted">{r.extra}</span>{" "}
                  {mode === "country" && <Link href={loc.link("/map", { body: r.id })}>{t("map.body")}</Link>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
