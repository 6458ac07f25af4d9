// Forms to create and edit actors, relations and events. Every write carries evidence (a source and its passage);
// the API's 400 issues are shown next to the fields they name.
import { useEffect, useState, type ReactNode } from "react";
import { api, ApiError, get } from "../api/client.js";
import type { Actor, Event, Page, Relation, Source } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import type { MessageKey } from "../i18n/en.js";
import { navigate, useLocation } from "../state/router.js";
import { Status, useLoad, useVocab } from "../ui.js";
import { invalidateActors } from "../actor/names.js";
import { dateValue, issuesByField, messagesFor, parseAliases, unplaced } from "./issues.js";
import { editWrite } from "./patch.js";

type Kind = "actor" | "relation" | "event";
type Values = Record<string, string>;

interface FieldSpec {
  name: string;
  label: string;
  /** The path of the record field the API reports issues under. */
  path: string;
  type?: "text" | "textarea" | "select";
  options?: Array<{ id: string; label: string }>;
  required?: boolean;
}

export function EditView({ type, id }: { type: string; id: string | undefined }) {
  const kind: Kind = type === "relation" || type === "event" ? type : "actor";
  const existing = useLoad<Loaded | undefined>(() => (id ? loadValues(kind, id) : Promise.resolve(undefined)), `${kind}/${id ?? ""}`);
  if (id && !existing.data) return <Status loaded={existing} />;
  return <EditForm key={`${kind}/${id ?? ""}`} kind={kind} id={id} initial={existing.data?.values ?? {}} stored={existing.data?.stored} />;
}

/** The form's values, and the record as stored (an edit keeps the fields the form does not show). */
interface Loaded {
  values: Values;
  stored: Record<string, unknown>;
}

async function loadValues(kind: Kind, id: string): Promise<Loaded> {
  if (kind === "actor") {
    const { actor } = await api.actor(id);
    return { stored: actor as unknown as Record<string, unknown>, values: {
      id: actor.id,
      kind: actor.kind,
      name: actor.name,
      country: actor.country ?? "",
      description: actor.description ?? "",
      aliases: (actor.aliases ?? []).map((a) => [a.name, a.lang, a.kind].filter(Boolean).join(" | ")).join("\n"),
    } };
  }
  if (kind === "relation") {
    const { relation: r } = await api.relation(id);
    return { stored: r as unknown as Record<string, unknown>, values: { id: r.id, kind: r.kind, from: r.from, to: r.to, role: r.role ?? "", start: r.start?.start ?? "", end: r.end?.start ?? "", track: r.track ?? "", layers: (r.layers ?? []).join(","), note: r.note ?? "" } };
  }
  const { event: e } = await api.event(id);
  return { stored: e as unknown as Record<string, unknown>, values: {
    id: e.id,
    type: e.type,
    title: e.title,
    date: e.date?.start ?? "",
    participants: (e.participants ?? []).map((p) => `${p.actor} | ${p.role}`).join("\n"),
    track: e.track ?? "",
    layers: (e.layers ?? []).join(","),
    place: (e as { place?: string }).place ?? "",
    outcome: e.outcome ?? "",
  } };
}

function fieldsOf(kind: Kind, vocab: ReturnType<typeof useVocab>, t: (k: MessageKey) => string): FieldSpec[] {
  const sel = (list: Array<{ id: string; label: string }> | undefined) => [{ id: "", label: "—" }, ...(list ?? [])];
  if (kind === "actor")
    return [
      { name: "id", label: "Id", path: "actor.id", required: true },
      { name: "kind", label: t("common.kind"), path: "actor.kind", type: "select", options: sel(vocab?.actorKinds), required: true },
      { name: "name", label: "Name", path: "actor.name" },
      { name: "country", label: `${t("common.country")} (ISO 3166-1 alpha-3)`, path: "actor.country" },
      { name: "description", label: "Description", path: "actor.description", type: "textarea" },
      { name: "aliases", label: `${"Aliases"} (name | lang | kind, one a line)`, path: "actor.aliases", type: "textarea" },
    ];
  if (kind === "relation")
    return [
      { name: "id", label: "Id", path: "relation.id", required: true },
      { name: "kind", label: t("common.kind"), path: "relation.kind", type: "select", options: sel(vocab?.relationKinds), required: true },
      { name: "from", label: `${t("common.from")} (actor id)`, path: "relation.from" },
      { name: "to", label: `${t("common.to")} (actor or agreement id)`, path: "relation.to" },
      { name: "role", label: "Role", path: "relation.role" },
      { name: "start", label: "Start (YYYY[-MM[-DD]])", path: "relation.start" },
      { name: "end", label: "End (YYYY[-MM[-DD]])", path: "relation.end" },
      { name: "track", label: t("common.track"), path: "relation.track", type: "select", options: sel(vocab?.tracks) },
      { name: "layers", label: `${t("common.layer")} (comma-separated)`, path: "relation.layers" },
      { name: "note", label: "Note", path: "relation.note", type: "textarea" },
    ];
  return [
    { name: "id", label: "Id", path: "event.id", required: true },
    { name: "type", label: t("common.kind"), path: "event.type", type: "select", options: sel(vocab?.eventTypes), required: true },
    { name: "title", label: "Title", path: "event.title" },
    { name: "date", label: `${t("common.date")} (YYYY[-MM[-DD]])`, path: "event.date" },
    { name: "participants", label: "Participants (actor id | role, one a line)", path: "event.participants", type: "textarea" },
    { name: "track", label: t("common.track"), path: "event.track", type: "select", options: sel(vocab?.tracks) },
    { name: "layers", label: `${t("common.layer")} (comma-separated)`, path: "event.layers" },
    { name: "place", label: "Place", path: "event.place" },
    { name: "outcome", label: "Outcome", path: "event.outcome", type: "textarea" },
  ];
}

const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
const list = (s: string | undefined) => (s ?? "").split(",").map((x) => x.trim()).filter(Boolean);

function record(kind: Kind, v: Values): Actor | Relation | Event {
  if (kind === "actor") {
    return { id: v.id ?? "", kind: v.kind, name: v.name ?? "", aliases: parseAliases(v.aliases ?? ""), ...(opt(v.country) ? { country: opt(v.country) } : {}), ...(opt(v.description) ? { description: opt(v.description) } : {}) } as unknown as Actor;
  }
  if (kind === "relation") {
    const r: Record<string, unknown> = { id: v.id, kind: v.kind, from: v.from ?? "", to: v.to ?? "", layers: list(v.layers) };
    for (const k of ["role", "track", "note"]) if (opt(v[k])) r[k] = opt(v[k]);
    for (const k of ["start", "end"]) if (dateValue(v[k] ?? "") !== undefined) r[k] = dateValue(v[k] ?? "");
    return r as unknown as Relation;
  }
  const e: Record<string, unknown> = {
    id: v.id,
    type: v.type,
    title: v.title ?? "",
    participants: (v.participants ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [actor = "", role] = l.split("|").map((s) => s.trim());
        return role ? { actor, role } : { actor };
      }),
    layers: list(v.layers),
  };
  if (dateValue(v.date ?? "") !== undefined) e.date = dateValue(v.date ?? "");
  for (const k of ["track", "place", "outcome"]) if (opt(v[k])) e[k] = opt(v[k]);
  return e as unknown as Event;
}

function EditForm({ kind, id, initial, stored }: { kind: Kind; id: string | undefined; initial: Values; stored: Record<string, unknown> | undefined }) {
  const { t } = useI18n();
  const loc = useLocation();
  const vocab = useVocab();
  const [values, setValues] = useState<Values>(initial);
  // What the record was when last loaded or saved: edits are sent as the difference from it.
  const [base, setBase] = useState<{ values: Values; stored: Record<string, unknown> | undefined }>({ values: initial, stored });
  const [sent, setSent] = useState<string>();
  const [evidence, setEvidence] = useState<Values>({ source: "", quote: "" });
  const [issues, setIssues] = useState<Map<string, string[]>>(new Map());
  const [message, setMessage] = useState<string>();
  const [saved, setSaved] = useState(false);
  const sources = useLoad(() => get<Page<Source>>("/sources", { limit: 500 }), "sources");
  useEffect(() => {
    const first = sources.data?.items[0]?.id;
    if (first && !evidence.source) setEvidence((e) => ({ ...e, source: first }));
  }, [sources.data, evidence.source]);

  const fields = fieldsOf(kind, vocab, t);
  const title = t(`form.${id ? "edit" : "create"}${kind[0]!.toUpperCase()}${kind.slice(1)}` as MessageKey);
  const submit = async () => {
    setSaved(false);
    setMessage(undefined);
    const path = kind === "actor" ? "/actors" : kind === "relation" ? "/relations" : "/events";
    const ev: Record<string, unknown> = { source: evidence.source };
    if (evidence.quote) ev.quote = evidence.quote;
    try {
      const after = record(kind, values) as unknown as Record<string, unknown>;
      if (id) {
        // only the changed fields (PATCH); the whole record only when a field was cleared (PUT)
        const w = editWrite(record(kind, base.values) as unknown as Record<string, unknown>, after, base.stored);
        const res = await api.write<{ record: Record<string, unknown> }>(w.method, `${path}/${encodeURIComponent(id)}`, { [kind]: w.record, evidence: ev });
        setBase({ values, stored: res.record });
        setSent(`${w.method}${w.changed.length ? `: ${w.changed.join(", ")}` : ""}`);
      } else await api.write("POST", path, { [kind]: after, evidence: ev });
      setIssues(new Map());
      setSaved(true);
      if (kind === "actor") invalidateActors();
      if (!id && kind === "actor") navigate(loc.link(`/actors/${encodeURIComponent(values.id ?? "")}`));
    } catch (e) {
      if (e instanceof ApiError) {
        setIssues(issuesByField(e.body.issues ?? []));
        setMessage(e.body.message);
      } else setMessage((e as Error).message);
    }
  };
  const extra = unplaced(issues, [...fields.map((f) => f.path), "evidence.source", "evidence.quote"]);

  return (
    <form
      className="card form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <h1>{title}</h1>
      {fields.map((f) => (
        <Field key={f.name} id={`f-${f.name}`} label={f.label} errors={messagesFor(issues, f.path)}>
          {f.type === "select" ? (
            <select id={`f-${f.name}`} value={values[f.name] ?? ""} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} disabled={!!id && f.name === "id"}>
              {(f.options ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : f.type === "textarea" ? (
            <textarea id={`f-${f.name}`} dir="auto" rows={3} value={values[f.name] ?? ""} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
          ) : (
            <input id={`f-${f.name}`} dir="auto" value={values[f.name] ?? ""} readOnly={!!id && f.name === "id"} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
          )}
        </Field>
      ))}
      <fieldset>
        <legend>{t("form.evidence")}</legend>
        <Field id="f-ev-source" label={t("common.source")} errors={messagesFor(issues, "evidence.source")}>
          <select id="f-ev-source" value={evidence.source} onChange={(e) => setEvidence({ ...evidence, source: e.target.value })}>
            {(sources.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}: {s.title.slice(0, 80)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-ev-quote" label={t("common.quote")} errors={messagesFor(issues, "evidence.quote")}>
          <textarea id="f-ev-quote" dir="auto" rows={3} value={evidence.quote} onChange={(e) => setEvidence({ ...evidence, quote: e.target.value })} />
        </Field>
      </fieldset>
      {message && (
        <div role="alert" className="error">
          {t("form.failed")} {message}
          {extra.length > 0 && (
            <ul>
              {extra.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {saved && (
        <p role="status" className="ok">
          {t("form.saved")} {sent && <span className="muted" data-testid="sent">({sent})</span>}
        </p>
      )}
      <button type="submit">{t("common.save")}</button>
      {kind === "actor" && id && <DeleteActor id={id} />}
    </form>
  );
}

/** Delete an actor nothing refers to; the API refuses otherwise and says what refers to it. */
function DeleteActor({ id }: { id: string }) {
  const { t } = useI18n();
  const loc = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setError(undefined);
    try {
      await api.remove(`/actors/${encodeURIComponent(id)}`);
      invalidateActors();
      navigate(loc.link("/", { deleted: id }));
    } catch (e) {
      setError(e instanceof ApiError ? e.body.message : (e as Error).message);
      setConfirming(false);
    }
  };
  return (
    <div className="danger">
      {!confirming ? (
        <button type="button" className="danger-button" onClick={() => setConfirming(true)}>
          {t("form.delete")}
        </button>
      ) : (
        <p>
          {t("form.deleteConfirm", { id })}{" "}
          <button type="button" className="danger-button" onClick={() => void remove()}>
            {t("form.deleteYes")}
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            {t("form.deleteNo")}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="error" data-testid="delete-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Field({ id, label, errors, children }: { id: string; label: string; errors: string[]; children: ReactNode }) {
  return (
    <div className={errors.length ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children}
      {errors.map((m) => (
        <p key={m} className="field-error" id={`${id}-error`} role="alert">
          {m}
        </p>
      ))}
    </div>
  );
}
