// The network explorer: a sigma.js (WebGL) view of the API's graph views, filtered by kind, track and layer, with a
// time slider, an ego network, ForceAtlas2 in a web worker, sizes by metric and colours by community.
import { useEffect, useMemo, useRef, useState } from "react";
import Sigma from "sigma";
import type { NodeLabelDrawingFunction } from "sigma/rendering";
import EdgeCurveProgram from "@sigma/edge-curve";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { inferSettings } from "graphology-layout-forceatlas2";
import { api, apiUrl } from "../api/client.js";
import { isRtlText, useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { intParam, listParam, toggled } from "../state/url.js";
import { Link, Status, download, svgToPng, useLabel, useLoad, useVocab } from "../ui.js";
import { useActors } from "../actor/names.js";
import { buildGraph, countVisible, edgeVisible, yearRange, type EdgeAttrs, type NodeAttrs } from "./graph.js";
import { networkSvg, type DrawnEdge, type DrawnNode } from "./svg.js";

const VIEWS = ["affiliation", "comembership", "interaction", "multiplex"] as const;
const METRICS = ["degree", "strength"] as const;

/** Labels in Arabic script are drawn right to left, ending at the node rather than starting there. */
const drawLabel: NodeLabelDrawingFunction = (ctx, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  ctx.fillStyle = "#222";
  const rtl = isRtlText(data.label);
  ctx.direction = rtl ? "rtl" : "ltr";
  ctx.textAlign = rtl ? "right" : "left";
  ctx.fillText(data.label, rtl ? data.x - data.size - 3 : data.x + data.size + 3, data.y + size / 3);
  ctx.direction = "ltr";
  ctx.textAlign = "left";
};

declare global {
  interface Window {
    /** Read by the end-to-end tests and the benchmark: what is drawn and when. */
    __diplographNetwork?: { renderedAt?: number; loadedAt?: number; frames: number; layoutRunning: boolean; nodes: number; edges: number; visibleEdges: number };
  }
}

export function NetworkView() {
  const { t, name } = useI18n();
  const loc = useLocation();
  const label = useLabel();
  const vocab = useVocab();
  const actors = useActors();
  const p = loc.params;
  const view = (VIEWS as readonly string[]).includes(p.get("view") ?? "") ? p.get("view")! : "affiliation";
  const kinds = listParam(p, "kind");
  const tracks = listParam(p, "track");
  const layers = listParam(p, "layer");
  const yearParam = p.get("year");
  const year = yearParam ? intParam(p, "year", 0) : undefined;
  const undated = p.get("undated") === "true";
  const ego = p.get("ego") ?? "";
  const depth = intParam(p, "depth", 1);
  const sizeBy = p.get("size") ?? "degree";
  const layout = p.get("layout") === "circle" ? "circle" : "fa2";
  const selected = p.get("sel") ?? "";

  const query = { view, kind: kinds, track: tracks, layer: layers, metrics: METRICS.join(",") };
  const res = useLoad(() => api.network(query), JSON.stringify(query));
  const loadedAt = useRef(performance.now());
  useEffect(() => {
    loadedAt.current = performance.now();
  }, [res.data]);

  const graph = useMemo(
    () =>
      res.data
        ? buildGraph(res.data, { ego: ego || undefined, depth, sizeBy })
        : undefined,
    [res.data, ego, depth, sizeBy],
  );
  const range = useMemo(() => (res.data ? yearRange(res.data) : undefined), [res.data]);
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const layoutRef = useRef<FA2Layout | null>(null);
  const [running, setRunning] = useState(false);
  const [webglError, setWebglError] = useState<string>();
  const filterRef = useRef({ year, undated, selected });
  filterRef.current = { year, undated, selected };
  // Labels follow the name display the user chose; names arrive after the graph, so the reducer reads them.
  const labelRef = useRef((id: string, fallback: string) => fallback);
  labelRef.current = (id, fallback) => {
    const a = actors.get(id);
    return a ? name(a) : fallback;
  };
  const counts = graph ? countVisible(graph, year, undated) : undefined;

  // One sigma instance per graph; filters change only the reducers.
  useEffect(() => {
    if (!graph || !container.current) return;
    const stats = { frames: 0, layoutRunning: false, nodes: graph.order, edges: graph.size, visibleEdges: 0, loadedAt: loadedAt.current } as NonNullable<Window["__diplographNetwork"]>;
    window.__diplographNetwork = stats;
    // Cache of the nodes visible in a year, recomputed only when the filter changes.
    let cacheKey = "";
    let cache = new Set<string>();
    function visibleNodes(y: number, u: boolean) {
      const key = `${y}:${u}`;
      if (key !== cacheKey) {
        cacheKey = key;
        cache = countVisible(graph!, y, u).visibleNodes;
      }
      return cache;
    }
    let sigma: Sigma<NodeAttrs, EdgeAttrs>;
    try {
      sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container.current, {
        edgeProgramClasses: { curved: EdgeCurveProgram },
        defaultDrawNodeLabel: drawLabel as NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs>,
        labelRenderedSizeThreshold: 6,
        renderEdgeLabels: false,
        zIndex: true,
        nodeReducer: (n, a) => {
          const { year: y, undated: u, selected: s } = filterRef.current;
          const visible = y === undefined || visibleNodes(y, u).has(n);
          return { ...a, label: labelRef.current(n, a.label), hidden: !visible, highlighted: n === s, zIndex: n === s ? 1 : 0 };
        },
        edgeReducer: (_e, a) => {
          const { year: y, undated: u } = filterRef.current;
          return { ...a, hidden: !edgeVisible(a, y, u) };
        },
      });
    } catch (e) {
      setWebglError((e as Error).message);
      return;
    }
    setWebglError(undefined);
    sigma.on("afterRender", () => {
      stats.frames++;
      stats.renderedAt ??= performance.now();
    });
    sigma.on("clickNode", ({ node }) => loc.setParams({ sel: node }, true));
    sigma.on("doubleClickNode", ({ node, event }) => {
      event.preventSigmaDefault();
      loc.setParams({ ego: node });
    });
    sigmaRef.current = sigma;

    let fa2: FA2Layout | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (layout === "fa2" && graph.order > 1) {
      fa2 = new FA2Layout(graph, { settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 }, getEdgeWeight: "weight" });
      layoutRef.current = fa2;
      fa2.start();
      stats.layoutRunning = true;
      setRunning(true);
      // Small graphs settle in seconds; the user can run the layout again for more.
      timer = setTimeout(() => {
        fa2?.stop();
        stats.layoutRunning = false;
        setRunning(false);
        sigma.refresh();
      }, Math.min(20_000, 2000 + graph.order * 2));
    }
    return () => {
      clearTimeout(timer);
      fa2?.kill();
      layoutRef.current = null;
      setRunning(false);
      sigma.kill();
      sigmaRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, layout]);

  useEffect(() => {
    sigmaRef.current?.refresh();
    if (window.__diplographNetwork && counts) window.__diplographNetwork.visibleEdges = counts.edges;
  }, [year, undated, selected, counts, actors, name]);

  const toggleLayout = () => {
    const l = layoutRef.current;
    if (!l) return;
    if (l.isRunning()) l.stop();
    else l.start();
    setRunning(l.isRunning());
    if (window.__diplographNetwork) window.__diplographNetwork.layoutRunning = l.isRunning();
    sigmaRef.current?.refresh();
  };

  const exportImage = async (kind: "svg" | "png") => {
    const s = sigmaRef.current;
    if (!s || !graph) return;
    const { width, height } = s.getDimensions();
    const nodes: DrawnNode[] = [];
    const pos = new Map<string, { x: number; y: number }>();
    graph.forEachNode((n, a) => {
      const d = s.getNodeDisplayData(n);
      if (!d || d.hidden) return;
      const v = s.framedGraphToViewport(d);
      pos.set(n, v);
      nodes.push({ x: v.x, y: v.y, size: d.size, color: d.color, label: d.label ?? a.label });
    });
    const edges: DrawnEdge[] = [];
    graph.forEachEdge((e, a, src, tgt) => {
      const ps = pos.get(src);
      const pt = pos.get(tgt);
      if (!ps || !pt || !edgeVisible(a, year, undated)) return;
      edges.push({ x1: ps.x, y1: ps.y, x2: pt.x, y2: pt.y, color: a.color, size: a.size, curvature: a.type === "curved" ? a.curvature : 0 });
    });
    const svg = networkSvg(width, height, nodes, edges);
    const base = `diplograph-${view}${year !== undefined ? `-${year}` : ""}`;
    if (kind === "svg") download(`${base}.svg`, new Blob([svg], { type: "image/svg+xml" }));
    else download(`${base}.png`, await svgToPng(svg, width, height));
  };

  const sel = selected && graph?.hasNode(selected) ? graph.getNodeAttributes(selected) : undefined;
  const exportQuery = { ...query, format: undefined };
  const checklist = (key: string, list: string[], items: Array<{ id: string; label: string }>) => (
    <div className="checklist">
      {items.map((it) => (
        <label key={it.id} className="check">
          <input type="checkbox" checked={list.includes(it.id)} onChange={() => loc.setParams({ [key]: toggled(list, it.id) })} />
          {it.label}
        </label>
      ))}
    </div>
  );

  return (
    <div className="network-page">
      <aside className="card controls" aria-label="Network controls">
        <label>
          {t("network.view")}
          <select value={view} onChange={(e) => loc.setParams({ view: e.target.value })}>
            {VIEWS.map((v) => (
              <option key={v} value={v}>
                {t(`network.view.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t("network.year")}</legend>
          <label>
            <input type="checkbox" checked={year === undefined} onChange={(e) => loc.setParams({ year: e.target.checked ? undefined : (range?.[0] ?? 2000) }, true)} /> {t("network.allYears")}
          </label>
          {range && (
            <label>
              <span className="sr-only">{t("network.year")}</span>
              <input
                type="range"
                aria-label={t("network.year")}
                min={range[0]}
                max={Math.max(range[1], new Date().getFullYear())}
                step={1}
                value={year ?? range[1]}
                onChange={(e) => loc.setParams({ year: e.target.value }, true)}
              />
              <output aria-label="Selected year">{year ?? t("network.allYears")}</output>
            </label>
          )}
          <label>
            <input type="checkbox" checked={undated} onChange={(e) => loc.setParams({ undated: e.target.checked ? "true" : undefined }, true)} /> {t("network.undated")}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t("common.kind")}</legend>
          {checklist("kind", kinds, vocab?.actorKinds ?? [])}
        </fieldset>
        <fieldset>
          <legend>{t("common.track")}</legend>
          {checklist("track", tracks, vocab?.tracks ?? [])}
        </fieldset>
        <fieldset>
          <legend>{t("common.layer")}</legend>
          {checklist("layer", layers, vocab?.layers ?? [])}
        </fieldset>
        <label>
          {t("network.ego")}
          <input list="actor-ids" value={ego} onChange={(e) => loc.setParams({ ego: e.target.value.trim() || undefined }, true)} />
          <datalist id="actor-ids">
            {[...actors.values()].slice(0, 2000).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </datalist>
        </label>
        <label>
          {t("network.depth")}
          <input type="number" min={1} max={5} value={depth} onChange={(e) => loc.setParams({ depth: e.target.value }, true)} />
        </label>
        <label>
          {t("network.size")}
          <select value={sizeBy} onChange={(e) => loc.setParams({ size: e.target.value })}>
            {METRICS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          {t("network.layout")}
          <select value={layout} onChange={(e) => loc.setParams({ layout: e.target.value === "circle" ? "circle" : undefined })}>
            <option value="fa2">{t("network.layout.fa2")}</option>
            <option value="circle">{t("network.layout.circle")}</option>
          </select>
        </label>
        {layout === "fa2" && (
          <button type="button" onClick={toggleLayout}>
            {running ? t("network.stopLayout") : t("network.runLayout")}
          </button>
        )}
        <fieldset>
          <legend>{t("common.export")}</legend>
          <div className="row wrap">
            <a href={apiUrl("/analyses/network", { ...exportQuery, format: "gexf" })} download>GEXF</a>
            <a href={apiUrl("/analyses/network", { ...exportQuery, format: "graphml" })} download>GraphML</a>
            <a href={apiUrl("/analyses/network", { ...exportQuery, format: "csv" })} download>CSV</a>
            <button type="button" onClick={() => void exportImage("png")}>PNG</button>
            <button type="button" onClick={() => void exportImage("svg")}>SVG</button>
          </div>
        </fieldset>
      </aside>
      <section className="card graph-card" aria-label="Network">
        <Status loaded={res} />
        {webglError && <p role="alert" className="error">{t("network.noWebgl")} ({webglError})</p>}
        {counts && (
          <p aria-live="polite" className="network-status" data-testid="network-status">
            {t("network.shown", { edges: counts.edges, total: graph!.size, nodes: counts.nodes })}
            {year !== undefined ? ` · ≤ ${year}` : ""}
          </p>
        )}
        <div ref={container} className="sigma" data-testid="sigma-container" />
        {sel && (
          <div className="selection" role="region" aria-label="Selected actor">
            <strong dir="auto">{sel.label}</strong> · {label("actorKinds", sel.kind)} · {Object.entries(sel.values).map(([k, v]) => `${k} ${v}`).join(", ")} ·{" "}
            <Link href={loc.link(`/actors/${encodeURIComponent(selected)}`)}>{t("actor.profile")}</Link> ·{" "}
            <button type="button" className="link" onClick={() => loc.setParams({ ego: selected })}>{t("network.ego")}</button>
          </div>
        )}
      </section>
    </div>
  );
}
