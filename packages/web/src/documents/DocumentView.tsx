// The document viewer: the source's text with every claim passage highlighted; the claim in the URL is scrolled to.
// A version of an ingested document also shows its versions, and its passages: as blocks of the text and as an
// outline beside it, the passage in the URL (`passage`) scrolled to.
import { useEffect, useMemo, useRef } from "react";
import { api } from "../api/client.js";
import type { SourceDocument } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Status, useLoad } from "../ui.js";
import { passageBlocks, type Segment } from "./segments.js";

/** What the outline shows for a passage: its label with its first words, or its first words. */
function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 70 ? `${flat.slice(0, 68)}…` : flat;
}

export function DocumentView({ id }: { id: string }) {
  const { t } = useI18n();
  const loc = useLocation();
  const selected = loc.params.get("claim") ?? undefined;
  const passageParam = loc.params.get("passage");
  const currentPassage = passageParam === null ? undefined : Number(passageParam);
  const res = useLoad(() => api.source(id), id);
  const textRef = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => {
    if (!res.data) return [];
    const spans = res.data.claims.filter((c) => c.locator?.start !== undefined && c.locator.end !== undefined).map((c) => ({ id: c.id, start: c.locator!.start!, end: c.locator!.end! }));
    return passageBlocks(res.data.text ?? "", res.data.document?.passages ?? [], spans);
  }, [res.data]);
  const claim = res.data?.claims.find((c) => c.id === selected);
  /** The passage holding the selected claim's span, marked in the outline. */
  const claimPassage = claim?.locator?.start === undefined ? undefined : res.data?.document?.passages.find((p) => p.start <= claim.locator!.start! && claim.locator!.start! < p.end)?.ord;

  useEffect(() => {
    if (!selected || !textRef.current) return;
    const el = textRef.current.querySelector<HTMLElement>(`mark[data-claims~="${CSS.escape(selected)}"]`);
    el?.scrollIntoView({ block: "center" });
  }, [selected, blocks]);
  useEffect(() => {
    if (currentPassage === undefined || selected || !textRef.current) return;
    textRef.current.querySelector<HTMLElement>(`#passage-${currentPassage}`)?.scrollIntoView({ block: "start" });
  }, [currentPassage, selected, blocks]);

  if (!res.data) return <Status loaded={res} />;
  const { source, claimsTotal, document } = res.data;
  const text = res.data.text ?? "";
  return (
    <article className="document">
      <header className="card page-head">
        <h1 dir="auto">{source.title}</h1>
        <p className="muted">
          {(source.authors ?? []).join(", ")} {source.published ? `· ${source.published.start}` : ""} · {t("document.claims", { n: claimsTotal })}
        </p>
        {document && <Versions document={document} />}
        {claim && (
          <div className="selected-claim" role="status" aria-label="Selected claim">
            <strong>{claim.target.type}:{claim.target.id}</strong> {claim.property ?? ""} — <span className={`status status-${claim.status}`}>{claim.status}</span>
          </div>
        )}
      </header>
      <div className={document ? "document-body with-outline" : "document-body"}>
        {document && (
          <nav className="card outline" aria-label={t("document.passages")}>
            <h2>{t("document.passageCount", { n: document.passages.length })}</h2>
            <ol>
              {document.passages.map((p) => (
                <li key={p.ord} className={`outline-${p.kind}${p.ord === claimPassage ? " holds-claim" : ""}`}>
                  <a
                    href={loc.link(`/documents/${encodeURIComponent(id)}`, { passage: String(p.ord) })}
                    aria-current={p.ord === currentPassage ? "true" : undefined}
                    dir="auto"
                    onClick={(e) => {
                      e.preventDefault();
                      loc.setParams({ claim: undefined, passage: String(p.ord) }, true);
                    }}
                  >
                    {preview(text.slice(p.start, p.end))}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div className="card doc-text" ref={textRef} dir="auto" lang={source.language}>
          {blocks.map((b) =>
            b.passage ? (
              <div key={b.start} id={`passage-${b.passage.ord}`} className={`passage passage-${b.passage.kind}${b.passage.ord === currentPassage ? " current" : ""}`} data-ord={b.passage.ord}>
                <Marks segments={b.segments} selected={selected} />
              </div>
            ) : (
              <div key={b.start} className="between">
                <Marks segments={b.segments} selected={selected} />
              </div>
            ),
          )}
        </div>
      </div>
    </article>
  );
}

/** A run of text with its claim passages as marks; clicking one selects its claim. */
function Marks({ segments, selected }: { segments: Segment[]; selected?: string }) {
  const loc = useLocation();
  return (
    <>
      {segments.map((s) =>
        s.claims.length === 0 ? (
          <span key={s.start}>{s.text}</span>
        ) : (
          <mark
            key={s.start}
            data-claims={s.claims.join(" ")}
            className={selected && s.claims.includes(selected) ? "current" : undefined}
            aria-current={selected && s.claims.includes(selected) ? "true" : undefined}
            onClick={() => loc.setParams({ claim: s.claims[s.claims.length - 1], passage: undefined }, true)}
            title={s.claims.join(", ")}
          >
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}

/** "Version 2 of 3", with links to the others. */
function Versions({ document }: { document: NonNullable<SourceDocument["document"]> }) {
  const { t } = useI18n();
  const loc = useLocation();
  return (
    <p className="versions" aria-label={t("document.versions")}>
      {t("document.version", { version: document.version, n: document.versions.length })}
      {document.versions.length > 1 &&
        document.versions.map((v) => (
          <span key={v.sourceId}>
            {" · "}
            {v.version === document.version ? (
              <strong>v{v.version}</strong>
            ) : (
              <Link href={loc.link(`/documents/${encodeURIComponent(v.sourceId)}`)}>v{v.version}</Link>
            )}
          </span>
        ))}
    </p>
  );
}
