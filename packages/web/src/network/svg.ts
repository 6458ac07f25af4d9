// The network as it is drawn, written out as SVG (the source of the SVG and PNG exports).
import { escapeXml } from "../ui.js";

export interface DrawnNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}
export interface DrawnEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  size: number;
  curvature: number;
}

export function networkSvg(width: number, height: number, nodes: DrawnNode[], edges: DrawnEdge[]): string {
  const parts: string[] = [];
  for (const e of edges) {
    if (e.curvature) {
      // the control point sits off the midpoint, perpendicular, as sigma's curve program draws it
      const mx = (e.x1 + e.x2) / 2;
      const my = (e.y1 + e.y2) / 2;
      const dx = e.x2 - e.x1;
      const dy = e.y2 - e.y1;
      const cx = mx - dy * e.curvature;
      const cy = my + dx * e.curvature;
      parts.push(`<path d="M${f(e.x1)},${f(e.y1)} Q${f(cx)},${f(cy)} ${f(e.x2)},${f(e.y2)}" fill="none" stroke="${e.color}" stroke-width="${f(e.size)}"/>`);
    } else parts.push(`<line x1="${f(e.x1)}" y1="${f(e.y1)}" x2="${f(e.x2)}" y2="${f(e.y2)}" stroke="${e.color}" stroke-width="${f(e.size)}"/>`);
  }
  for (const n of nodes) parts.push(`<circle cx="${f(n.x)}" cy="${f(n.y)}" r="${f(n.size)}" fill="${n.color}"/>`);
  for (const n of nodes) parts.push(`<text x="${f(n.x + n.size + 2)}" y="${f(n.y + 4)}" font-size="12" font-family="sans-serif" direction="auto">${escapeXml(n.label)}</text>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#fff"/>${parts.join("")}</svg>\n`;
}

const f = (v: number) => (Math.round(v * 10) / 10).toString();
