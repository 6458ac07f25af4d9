// Framework scorecards: an actor scored on each dimension and indicator, with the evidence behind every figure.
import { get } from "../api/client.js";
import type { Page } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Status, useLoad } from "../ui.js";

interface Framework {
  id: string;
  title: string;
}
interface EvidenceClaim {
  id: string;
  source: string;
  quote: string;
  status: string;
}
interface Indicator {
  id: string;
  label: string;
  measure: string;
  value: number;
  score: number;
  noEvidence: boolean;
  evidence: Array<{ type: string; id: string; description: string; claims: EvidenceClaim[] }>;
}
interface Scorecard {
  framework: { id: string; title: string };
  subject: { id: string; name: string };
  score: number;
  dimensions: Array<{ id: string; label: string; score: number; weight: number; noEvidence: boolean; indicators: Indicator[] }>;
}

export function ScorecardView() {
  const { t } = useI18n();
  const loc = useLocation();
  const frameworks = useLoad(() => get<Page<Framework>>("/frameworks", { limit: 100 }), "frameworks");
  const fw = loc.params.get("framework") ?? frameworks.data?.items[0]?.id ?? "";
  const actor = loc.params.get("actor") ?? "IRN";
  const open = loc.params.get("open") ?? "";
  const card = useLoad(() => (fw ? get<Scorecard>(`/frameworks/${encodeURIComponent(fw)}/scorecards/${encodeURIComponent(actor)}`) : Promise.resolve(undefined)), `${fw}/${actor}`);

  return (
    <section className="card">
      <h1>{t("nav.scorecards")}</h1>
      <div className="row wrap filters">
        <label>
          {t("scorecards.framework")}{" "}
          <select value={fw} onChange={(e) => loc.setParams({ framework: e.target.value, open: undefined })}>
            {frameworks.data?.items.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
          </select>
        </label>
        <label>
          {t("scorecards.subject")}{" "}
          <input defaultValue={actor} onBlur={(e) => loc.setParams({ actor: e.target.value.trim() || undefined })} onKeyDown={(e) => e.key === "Enter" && loc.setParams({ actor: (e.target as HTMLInputElement).value.trim() || undefined })} />
        </label>
      </div>
      <Status loaded={card} />
      {card.data && (
        <>
          <p className="score-total">
            <Link href={loc.link(`/actors/${encodeURIComponent(card.data.subject.id)}`)}>{card.data.subject.name}</Link> — {card.data.framework.title}: <strong aria-label="Overall score">{card.data.score.toFixed(2)}</strong>
          </p>
          <table className="scorecard">
            <thead>
              <tr>
                <th>Dimension / indicator</th>
                <th>Value</th>
                <th>{t("scorecards.score")}</th>
                <th>{t("scorecards.evidence")}</th>
              </tr>
            </thead>
            {card.data.dimensions.map((d) => (
              <tbody key={d.id}>
                <tr className="dimension">
                  <th scope="rowgroup">{d.label}</th>
                  <td />
                  <td>
                    <meter min={0} max={1} value={d.score} aria-label={`${d.label} score`} /> {d.score.toFixed(2)}
                  </td>
                  <td>{d.noEvidence ? <span className="muted">{t("scorecards.noEvidence")}</span> : null}</td>
                </tr>
                {d.indicators.map((i) => {
                  const key = `${d.id}.${i.id}`;
                  return (
                    <tr key={i.id}>
                      <td className="indicator">{i.label}</td>
                      <td>{i.value}</td>
                      <td>{i.score.toFixed(2)}</td>
                      <td>
                        {i.evidence.length === 0 ? (
                          <span className="muted">{t("scorecards.noEvidence")}</span>
                        ) : (
                          <details open={open === key} onToggle={(e) => (e.currentTarget.open ? loc.setParams({ open: key }, true) : open === key && loc.setParams({ open: undefined }, true))}>
                            <summary>
                              {i.evidence.length} {t("scorecards.evidence")}
                            </summary>
                            <ul>
                              {i.evidence.map((ev) => (
                                <li key={ev.id}>
                                  {ev.description}
                                  <ul>
                                    {ev.claims.map((c) => (
                                      <li key={c.id}>
                                        <Link href={loc.link(`/documents/${encodeURIComponent(c.source)}`, { claim: c.id })} dir="auto">“{c.quote}”</Link>
                                      </li>
                                    ))}
                                  </ul>
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            ))}
          </table>
        </>
      )}
    </section>
  );
}
