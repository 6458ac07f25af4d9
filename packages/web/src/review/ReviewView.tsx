// The review queue: proposed claims with their passages, to accept, reject, or correct before deciding.
import { useState } from "react";
import { api, ApiError } from "../api/client.js";
import type { ClaimWithSource } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Status, useLoad, valueText } from "../ui.js";
import { chosen, selectable, toggle, toggleAll } from "./selection.js";

export function ReviewView() {
  const { t } = useI18n();
  const loc = useLocation();
  const status = loc.params.get("status") ?? "proposed";
  // ?source=: the claims of one document (the documents page links here after an ingest).
  const source = loc.params.get("source") ?? undefined;
  const res = useLoad(() => api.claims({ status, source, limit: 200, sort: "source,start" }), `${status} ${source ?? ""}`);
  const [done, setDone] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const ids = selectable(res.data?.items ?? [], done);
  const picked = chosen(selected, ids);

  /** One request for every selected claim (POST /api/claims/review): all are decided, or none. */
  const reviewSelected = async (s: "accepted" | "rejected") => {
    if (!picked.length) return;
    setError(undefined);
    try {
      await api.reviewMany(picked, s);
      setDone((d) => ({ ...d, ...Object.fromEntries(picked.map((id) => [id, s])) }));
      setSelected(new Set());
    } catch (e) {
      setError(e instanceof ApiError ? e.body.message : (e as Error).message);
    }
  };

  const review = async (c: ClaimWithSource, s: "accepted" | "rejected") => {
    try {
      await api.review(c.id, s);
      setDone((d) => ({ ...d, [c.id]: s }));
    } catch (e) {
      setError(e instanceof ApiError ? e.body.message : (e as Error).message);
    }
  };

  return (
    <section className="card">
      <h1>{t("nav.review")}</h1>
      <label>
        {t("common.status")}{" "}
        <select value={status} onChange={(e) => loc.setParams({ status: e.target.value === "proposed" ? undefined : e.target.value })}>
          <option value="proposed">proposed</option>
          <option value="accepted">accepted</option>
          <option value="rejected">rejected</option>
        </select>
      </label>
      <Status loaded={res} />
      {error && <p role="alert" className="error">{error}</p>}
      {res.data && <p>{t("review.proposed", { n: res.data.total })}</p>}
      {ids.length > 0 && (
        <div className="review-bulk" role="group" aria-label={t("review.bulk")}>
          <label className="check">
            <input type="checkbox" checked={picked.length === ids.length} onChange={() => setSelected(toggleAll(selected, ids))} /> {t("review.selectAll")}
          </label>
          <button type="button" disabled={!picked.length} onClick={() => void reviewSelected("accepted")}>
            {t("review.acceptSelected", { n: picked.length })}
          </button>
          <button type="button" disabled={!picked.length} onClick={() => void reviewSelected("rejected")}>
            {t("review.rejectSelected", { n: picked.length })}
          </button>
        </div>
      )}
      <ul className="review">
        {res.data?.items.map((c) => (
          <ReviewItem
            key={c.id}
            claim={c}
            done={done[c.id]}
            selected={ids.includes(c.id) ? selected.has(c.id) : undefined}
            onSelect={() => setSelected((sel) => toggle(sel, c.id))}
            onReview={(s) => void review(c, s)}
            link={loc.link(`/documents/${encodeURIComponent(c.source)}`, { claim: c.id })}
          />
        ))}
      </ul>
    </section>
  );
}

function ReviewItem({
  claim,
  done,
  selected,
  onSelect,
  onReview,
  link,
}: {
  claim: ClaimWithSource;
  done: string | undefined;
  /** undefined: not selectable (decided, or not proposed) */
  selected: boolean | undefined;
  onSelect: () => void;
  onReview: (s: "accepted" | "rejected") => void;
  link: string;
}) {
  const { t, names } = useI18n();
  const loc = useLocation();
  const [c, setC] = useState(claim);
  const [editing, setEditing] = useState(false);
  const [quote, setQuote] = useState(claim.locator?.quote ?? "");
  const [issue, setIssue] = useState<string>();
  const save = async () => {
    try {
      setC({ ...(await api.patchClaim(c.id, { quote })), targetLabel: c.targetLabel, targetLabelFa: c.targetLabelFa });
      setEditing(false);
      setIssue(undefined);
    } catch (e) {
      setIssue(e instanceof ApiError ? (e.body.issues?.map((i) => i.message).join("; ") ?? e.body.message) : (e as Error).message);
    }
  };
  const target = `${c.target.type}:${c.target.id}`;
  return (
    <li className={done ? `reviewed ${done}` : undefined} aria-label={`Claim ${c.id}`} data-claim={c.id}>
      <div className="meta">
        {selected !== undefined && <input type="checkbox" className="select" checked={selected} onChange={onSelect} aria-label={`${t("review.select")} ${c.id}`} />}
        {c.targetLabel && (
          <>
            {c.target.type === "actor" ? (
              <Link href={loc.link(`/actors/${encodeURIComponent(c.target.id)}`)} dir="auto" className="claim-target">
                {(names === "fa" && c.targetLabelFa) || c.targetLabel}
              </Link>
            ) : (
              <strong dir="auto" className="claim-target">
                {c.targetLabel}
              </strong>
            )}{" "}
          </>
        )}
        <code>{target}</code> {c.property ?? ""}
        {c.value !== undefined && valueText(c.value) && <strong className="claim-value"> {valueText(c.value)}</strong>} · {c.author} · {Math.round((c.confidence ?? 0) * 100)}% · <Link href={link}>{c.sourceTitle}</Link>
      </div>
      <blockquote dir="auto">“{c.locator?.quote ?? ""}”</blockquote>
      {c.note && <p className="muted">{c.note}</p>}
      {editing && (
        <div className="field">
          <label htmlFor={`q-${c.id}`}>{t("common.quote")}</label>
          <textarea id={`q-${c.id}`} dir="auto" value={quote} onChange={(e) => setQuote(e.target.value)} />
          {issue && <p className="field-error" role="alert">{issue}</p>}
          <button type="button" onClick={() => void save()}>{t("common.save")}</button>
        </div>
      )}
      {done ? (
        <p role="status" className={`status status-${done}`}>{t(done === "accepted" ? "review.accepted" : "review.rejected")}</p>
      ) : c.status === "proposed" ? (
        <div className="row">
          <button type="button" onClick={() => onReview("accepted")} aria-label={`${t("review.accept")} ${c.id}`}>{t("review.accept")}</button>
          <button type="button" onClick={() => onReview("rejected")} aria-label={`${t("review.reject")} ${c.id}`}>{t("review.reject")}</button>
          <button type="button" className="link" onClick={() => setEditing(!editing)}>{t("review.editQuote")}</button>
        </div>
      ) : (
        <p className={`status status-${c.status}`}>{c.status}</p>
      )}
    </li>
  );
}
