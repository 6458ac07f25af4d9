// The documents page: ingest a document by upload (as `diplograph ingest`: stored as a version with its passages, the
// extraction pipeline's proposals sent to the review queue), see what it proposed, and the documents stored.
import { useState, type FormEvent } from "react";
import { ApiError, api } from "../api/client.js";
import type { IngestedFile } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Status, useLoad } from "../ui.js";

export function DocumentsView() {
  const { t } = useI18n();
  const loc = useLocation();
  const list = useLoad(() => api.documents(), "documents");
  const [file, setFile] = useState<File | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IngestedFile | undefined>();
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const r = await api.ingest(file);
      setResult(r.files[0]);
      list.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.body.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card page-head">
        <h1>{t("documents.title")}</h1>
        <form onSubmit={submit} aria-label={t("documents.ingest")}>
          <h2>{t("documents.ingest")}</h2>
          <label>
            {t("documents.file")}{" "}
            <input type="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf" onChange={(e) => setFile(e.target.files?.[0])} />
          </label>{" "}
          <button type="submit" disabled={!file || busy}>
            {t("documents.submit")}
          </button>
        </form>
        {busy && <p className="muted">{t("documents.working")}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {result && (
          <div role="status" aria-label="Ingest result">
            <p>
              {result.status === "unchanged"
                ? t("documents.unchanged", { file: result.file, version: result.version })
                : t("documents.result", { file: result.file, version: result.version, status: result.status, passages: result.passages, events: result.events, undated: result.undated, actors: result.actors })}
            </p>
            <p>
              <Link href={loc.link(`/documents/${encodeURIComponent(result.sourceId)}`)}>{t("documents.open")}</Link>
              {" · "}
              <Link href={loc.link("/review", { source: result.sourceId })}>{t("documents.review")}</Link>
            </p>
            {result.warnings.length > 0 && (
              <details>
                <summary>
                  {t("documents.warnings")} ({result.warnings.length})
                </summary>
                <ul>
                  {result.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </section>
      <section className="card">
        {!list.data ? (
          <Status loaded={list} />
        ) : (
          <>
            <p className="muted">{t("documents.list", { n: list.data.items.length })}</p>
            <ul aria-label={t("documents.title")}>
              {list.data.items.map((d) => (
                <li key={d.documentId}>
                  <Link href={loc.link(`/documents/${encodeURIComponent(d.latest)}`)} dir="auto">
                    {d.title}
                  </Link>{" "}
                  <span className="muted">
                    {d.documentId} · {t("documents.versions", { n: d.versions })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
