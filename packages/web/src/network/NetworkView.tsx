// The network explorer: a sigma.js (WebGL) view of the API's graph views, filtered by kind, track and layer, with a
// time slider, an ego network, ForceAtlas2 in a web worker, sizes by metric and colours by community.
import { useEffect, useMemo, useRef, useState } from "react";
import Sigma from "sigma";
import type { NodeLabelDrawingFunction } from "sigma/rendering";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import EdgeCurveProgram from "@sigma/edge-curve";
import { api, apiUrl } from "../api/client.js";
import { isRtlText, useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { intParam, listParam, toggled } from "../state/url.js";
import { Link, Status, download, svgToPng, useLabel, useLoad, useVocab } from "../ui.js";
import { useActors } from "../actor/names.js";
import { buildGraph, countVisible, edgeVisible, yearRange, type EdgeAttrs, type NodeAttrs } from "./graph.js";
import { LayoutRunner, applyPositions, layoutMatrices, layoutSettings, liveGraph, renderPlan, type LayoutWorker } from "./layout.js";
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
    __diplographNetwork?: {
      renderedAt?: number;
      loadedAt?: number;
      frames: number;
      layoutRunning: boolean;
      nodes: number;
      edges: number;
      visibleEdges: number;
      /** Edges sigma draws now (fewer than `edges` while the layout runs on a big graph). */
      drawnEdges?: number;
      /** How often the layout's positions were applied, and the longest apply and redraw. */
      layoutApplies?: number;
      layoutMaxApplyMs?: number;
      /** The first 500 applies' durations, in ms. */
      layoutApplyMs?: number[];
    };
  }
}

export function NetworkView() {
  const { t, name, names } = useI18n();
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
  const layoutRef = useRef<{ isRunning: () => boolean; start: () => void; stop: () => void } | null>(null);
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
  const counts = useMemo(() => (graph ? countVisible(graph, year, undated) : undefined), [graph, year, undated]);

  // One sigma instance per graph; filters change only the reducers.
  useEffect(() => {
    if (!graph || !container.current) return;
    const stats = { frames: 0, layoutRunning: false, nodes: graph.order, edges: graph.size, visibleEdges: 0, loadedAt: loadedAt.current, layoutApplies: 0, layoutMaxApplyMs: 0, layoutApplyMs: [], drawnEdges: 0 } as NonNullable<Window["__diplographNetwork"]>;
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
    const fa2 = layout === "fa2" && graph.order > 1;
    // A big graph is drawn with cheaper programs, and a sample of its edges while the layout runs (see layout.ts).
    const plan = renderPlan(graph.order, graph.size);
    let shown = fa2 && plan.liveEdges !== undefined ? liveGraph(graph, plan.liveEdges) : graph;
    let sigma: Sigma<NodeAttrs, EdgeAttrs>;
    try {
      sigma = new Sigma<NodeAttrs, EdgeAttrs>(shown, container.current, {
        nodeProgramClasses: plan.points ? { circle: NodePointProgram } : {},
        edgeProgramClasses: plan.lines ? { curved: EdgeCurveProgram, line: EdgeLineProgram } : { curved: EdgeCurveProgram },
        hideEdgesOnMove: plan.hideEdgesOnMove,
        defaultDrawNodeLabel: drawLabel as NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs>,
        labelRenderedSizeThreshold: 6,
        renderEdgeLabels: false,
        // The reducers get sigma's own copy of the attributes: they set fields on it rather than copy it again.
        nodeReducer: (n, a) => {
          const { year: y, undated: u, selected: s } = filterRef.current;
          const d = a as NodeAttrs & Partial<NodeDisplayData>;
          d.label = labelRef.current(n, a.label);
          d.hidden = y !== undefined && !visibleNodes(y, u).has(n);
          d.highlighted = n === s;
          return d;
        },
        edgeReducer: (_e, a) => {
          const { year: y, undated: u } = filterRef.current;
          if (y === undefined) return a;
          const d = a as EdgeAttrs & Partial<EdgeDisplayData>;
          d.hidden = !edgeVisible(a, y, u);
          return d;
        },
      });
    } catch (e) {
      setWebglError((e as Error).message);
      return;
    }
    setWebglError(undefined);
    stats.drawnEdges = shown.size;
    // The constructor drew the first frame.
    stats.frames = 1;
    stats.renderedAt = performance.now();
    sigma.on("afterRender", () => {
      stats.frames++;
    });
    sigma.on("clickNode", ({ node }) => loc.setParams({ sel: node }, true));
    sigma.on("doubleClickNode", ({ node, event }) => {
      event.preventSigmaDefault();
      loc.setParams({ ego: node });
    });
    sigmaRef.current = sigma;

    // After the layout stops, every edge is drawn again (one redraw: chunks would only redraw the nodes more often).
    const showAll = () => {
      if (shown === graph) return;
      shown = graph;
      sigma.setGraph(graph);
      stats.drawnEdges = graph.size;
    };
    let runner: LayoutRunner | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (fa2) {
      const m = layoutMatrices(graph);
      runner = new LayoutRunner(m, {
        createWorker: () => new Worker(new URL("./fa2.worker.ts", import.meta.url), { type: "module" }) as unknown as LayoutWorker,
        settings: layoutSettings(graph.order),
        apply: (xy, final) => {
          const t = performance.now();
          applyPositions(graph, m.order, xy);
          // Positions only: no reducer runs, sigma reprocesses the drawn nodes and edges and renders.
          sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: false });
          const ms = performance.now() - t;
          stats.layoutApplies = (stats.layoutApplies ?? 0) + 1;
          stats.layoutMaxApplyMs = Math.max(stats.layoutMaxApplyMs ?? 0, ms);
          if (stats.layoutApplyMs && stats.layoutApplyMs.length < 500) stats.layoutApplyMs.push(Math.round(ms));
          if (final) showAll();
        },
      });
      layoutRef.current = {
        isRunning: () => runner!.isRunning(),
        start: () => {
          if (plan.liveEdges !== undefined && shown === graph) {
            shown = liveGraph(graph, plan.liveEdges);
            sigma.setGraph(shown);
            stats.drawnEdges = shown.size;
          }
          runner!.start();
        },
        stop: () => runner!.stop(),
      };
      runner.start();
      stats.layoutRunning = true;
      setRunning(true);
      // Small graphs settle in seconds; the user can run the layout again for more.
      timer = setTimeout(() => {
        runner?.stop();
        stats.layoutRunning = false;
        setRunning(false);
      }, Math.min(20_000, 2000 + graph.order * 2));
    }
    return () => {
      clearTimeout(timer);
      runner?.kill();
      layoutRef.current = null;
      setRunning(false);
      sigma.kill();
      sigmaRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, layout]);

  // Redraws for display changes, each reducing only what changed (a full sigma.refresh() re-indexes every edge).
  const filterKey = `${year}:${undated}`;
  const lastFilter = useRef(filterKey);
  useEffect(() => {
    if (window.__diplographNetwork && counts) window.__diplographNetwork.visibleEdges = counts.edges;
    const s = sigmaRef.current;
    if (!s || lastFilter.current === filterKey) return;
    lastFilter.current = filterKey;
    const g = s.getGraph();
    // hidden nodes leave the label grid: reprocess
    s.refresh({ partialGraph: { nodes: g.nodes(), edges: g.edges() }, skipIndexation: false });
  }, [filterKey, counts]);
  const lastSelected = useRef(selected);
  useEffect(() => {
    const s = sigmaRef.current;
    const prev = lastSelected.current;
    lastSelected.current = selected;
    if (!s || prev === selected) return;
    const g = s.getGraph();
    const nodes = [prev, selected].filter((n) => n && g.hasNode(n));
    if (nodes.length) s.refresh({ partialGraph: { nodes }, skipIndexation: true });
  }, [selected]);
  useEffect(() => {
    const s = sigmaRef.current;
    if (s) s.refresh({ partialGraph: { nodes: s.getGraph().nodes() }, skipIndexation: true });
  }, [actors, names]);

  const toggleLayout = () => {
    const l = layoutRef.current;
    if (!l) return;
    if (l.isRunning()) l.stop();
    else l.start();
    setRunning(l.isRunning());
    if (window.__diplographNetwork) window.__diplographNetwork.layoutRunning = l.isRunning();
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
