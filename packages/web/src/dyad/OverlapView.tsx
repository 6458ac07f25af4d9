// The co-membership overlap matrix of several actors as a heatmap (shared bodies, or Jaccard similarity).
import { get } from "../api/client.js";
import type { ActorRef } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link, Status, useLoad } from "../ui.js";

interface Overlap {
  actors: ActorRef[];
  matrix: { counts: number[][]; jaccard: number[][] };
}

/** White to dark blue. */
export const heat = (v: number) => `hsl(212 70% ${Math.round(97 - 57 * Math.max(0, Math.min(1, v)))}%)`;

export function OverlapView() {
  const { t } = useI18n();
  const loc = useLocation();
  const actors = loc.params.get("actors") ?? "IRN,RUS,ARM,KAZ,BLR";
  const measure = loc.params.get("measure") === "counts" ? "counts" : "jaccard";
  const res = useLoad(() => get<Overlap>("/analyses/overlap", { actors }), actors);
  const m = res.data?.matrix[measure];
  const top = m ? Math.max(1e-9, ...m.flatMap((r, i) => r.filter((_v, j) => j !== i))) : 1;
  return (
    <section className="card">
      <h1>{t("nav.overlap")}</h1>
      <form
        className="row wrap filters"
        onSubmit={(e) => {
          e.preventDefault();
          loc.setParams({ actors: String(new FormData(e.currentTarget).get("actors") ?? "") });
        }}
      >
        <label>
          {t("overlap.actors")} <input name="actors" defaultValue={actors} size={40} />
        </label>
        <label>
          {t("overlap.measure")}{" "}
          <select value={measure} onChange={(e) => loc.setParams({ measure: e.target.value === "counts" ? "counts" : undefined })}>
            <option value="jaccard">Jaccard</option>
            <option value="counts">shared bodies</option>
          </select>
        </label>
        <button type="submit">OK</button>
      </form>
      <Status loaded={res} />
      {res.data && m && (
        <table className="heatmap" aria-label="Overlap matrix">
          <thead>
            <tr>
              <th />
              {res.data.actors.map((a) => <th key={a.id} scope="col">{a.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {res.data.actors.map((a, i) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                {m[i]!.map((v, j) => (
                  <td key={j} style={{ background: i === j ? "#f0f0f0" : heat(v / top), color: i !== j && v / top > 0.6 ? "#fff" : undefined }}>
                    {i === j ? (
                      measure === "counts" ? v : "—"
                    ) : (
                      <Link href={loc.link("/dyad", { a: a.id, b: res.data!.actors[j]!.id })} title={`${a.name} — ${res.data!.actors[j]!.name}`}>
                        {measure === "counts" ? v : v.toFixed(2)}
                      </Link>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
