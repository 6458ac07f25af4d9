// The document viewer: the source's text with every claim passage highlighted; the claim in the URL is scrolled to.
import { useEffect, useMemo, useRef } from "react";
import { api } from "../api/client.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Status, useLoad } from "../ui.js";
import { segments } from "./segments.js";

export function DocumentView({ id }: { id: string }) {
  const { t } = useI18n();
  const loc = useLocation();
  const selected = loc.params.get("claim") ?? undefined;
  const res = useLoad(() => api.source(id), id);
  const textRef = useRef<HTMLDivElement>(null);
  const segs = useMemo(
    () => (res.data ? segments(res.data.text, res.data.claims.filter((c) => c.locator?.start !== undefined && c.locator.end !== undefined).map((c) => ({ id: c.id, start: c.locator!.start!, end: c.locator!.end! }))) : []),
    [res.data],
  );
  const claim = res.data?.claims.find((c) => c.id === selected);

  useEffect(() => {
    if (!selected || !textRef.current) return;
    const el = textRef.current.querySelector<HTMLElement>(`mark[data-claims~="${CSS.escape(selected)}"]`);
    el?.scrollIntoView({ block: "center" });
  }, [selected, segs]);

  if (!res.data) return <Status loaded={res} />;
  const { source, claimsTotal } = res.data;
  return (
    <article className="document">
      <header className="card page-head">
        <h1 dir="auto">{source.title}</h1>
        <p className="muted">
          {(source.authors ?? []).join(", ")} {source.published ? `· ${source.published.start}` : ""} · {t("document.claims", { n: claimsTotal })}
        </p>
        {claim && (
          <div className="selected-claim" role="status" aria-label="Selected claim">
            <strong>{claim.target.type}:{claim.target.id}</strong> {claim.property ?? ""} — <span className={`status status-${claim.status}`}>{claim.status}</span>
          </div>
        )}
      </header>
      <div className="card doc-text" ref={textRef} dir="auto" lang={source.language}>
        {segs.map((s) =>
          s.claims.length === 0 ? (
            <span key={s.start}>{s.text}</span>
          ) : (
            <mark
              key={s.start}
              data-claims={s.claims.join(" ")}
              className={selected && s.claims.includes(selected) ? "current" : undefined}
              aria-current={selected && s.claims.includes(selected) ? "true" : undefined}
              onClick={() => loc.setParams({ claim: s.claims[s.claims.length - 1] }, true)}
              title={s.claims.join(", ")}
            >
              {s.text}
            </mark>
          ),
        )}
      </div>
    </article>
  );
}
