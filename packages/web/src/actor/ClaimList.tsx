// Claims with their quotes, each linking to its passage in the source document.
import type { ClaimWithSource } from "../api/types.js";
import { useI18n } from "../i18n/index.js";
import { useLocation } from "../state/router.js";
import { Link } from "../ui.js";

export function ClaimList({ claims }: { claims: ClaimWithSource[] }) {
  const { t } = useI18n();
  const loc = useLocation();
  if (claims.length === 0) return <p className="muted">{t("common.none")}</p>;
  return (
    <ul className="claims">
      {claims.map((c) => (
        <li key={c.id} data-claim={c.id}>
          <blockquote dir="auto">“{c.locator?.quote ?? (c.locator?.page ? `p. ${c.locator.page}` : "")}”</blockquote>
          <div className="meta">
            {c.property && <span className="tag">{c.property}</span>} <span className={`status status-${c.status}`}>{c.status}</span>{" "}
            <Link href={loc.link(`/documents/${encodeURIComponent(c.source)}`, { claim: c.id })} aria-label={`${t("actor.inDocument")}: ${c.sourceTitle}`}>
              {c.sourceTitle}
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
