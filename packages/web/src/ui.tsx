// Small shared pieces of the interface: links that route on the client, data loading, vocabularies, dates.
import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type ReactNode } from "react";
import { ApiError } from "./api/client.js";
import type { DateValue, Vocabularies } from "./api/types.js";
import { useI18n } from "./i18n/index.js";
import { navigate } from "./state/router.js";

export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

export type Loaded<T> = { data?: T; error?: Error; loading: boolean; reload: () => void };

/** Load with `fn` whenever `key` changes; earlier answers arriving late are dropped. */
export function useLoad<T>(fn: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fn().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function Status({ loaded }: { loaded: Loaded<unknown> }) {
  const { t } = useI18n();
  if (loaded.error) return <p role="alert" className="error">{t("common.error")}: {loaded.error instanceof ApiError ? loaded.error.body.message : loaded.error.message}</p>;
  if (loaded.loading && !loaded.data) return <p className="muted">{t("common.loading")}</p>;
  return null;
}

export const VocabContext = createContext<Vocabularies | undefined>(undefined);
export function useVocab() {
  return useContext(VocabContext);
}
/** The label of a vocabulary entry, or its id. */
export function useLabel() {
  const v = useVocab();
  return (list: keyof Vocabularies, id: string | undefined) => (id ? (v?.[list]?.find((x) => x.id === id)?.label ?? id) : "");
}

export function formatDate(d: DateValue | undefined): string {
  if (!d) return "";
  const end = (d as { end?: string }).end;
  return end && end !== d.start ? `${d.start} – ${end}` : d.start;
}

export function yearOf(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^(-?\d{1,4})/.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** Save a file the browser made (SVG, PNG) under `name`. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rasterise an SVG string to a PNG blob. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    await new Promise<void>((res, rej) => {
      img.onload = () => res();
      img.onerror = () => rej(new Error("web: the SVG could not be drawn"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error("web: no PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id ? `${id}-h` : undefined} className="card">
      <h2 id={id ? `${id}-h` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

export const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A claim's value as a short text (a date's start, a figure with its unit, an actor id, a text). */
export function valueText(v: unknown): string {
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
