// The application shell: header with navigation and language settings, and the page for the current address.
import { useEffect, useMemo } from "react";
import { api } from "./api/client.js";
import { I18nContext, dirOf, displayName, translate, type I18n, type Lang, type NameMode } from "./i18n/index.js";
import type { MessageKey } from "./i18n/en.js";
import { useLocation } from "./state/router.js";
import { Link, VocabContext, useLoad } from "./ui.js";
import { SearchView } from "./search/SearchView.js";
import { ActorView } from "./actor/ActorView.js";
import { NetworkView } from "./network/NetworkView.js";
import { MapView } from "./map/MapView.js";
import { TimelineView } from "./timeline/TimelineView.js";
import { DyadView } from "./dyad/DyadView.js";
import { OverlapView } from "./dyad/OverlapView.js";
import { ScorecardView } from "./scorecards/ScorecardView.js";
import { DocumentView } from "./documents/DocumentView.js";
import { DocumentsView } from "./documents/DocumentsView.js";
import { ReviewView } from "./review/ReviewView.js";
import { EditView } from "./forms/EditView.js";

const NAV: Array<[string, MessageKey]> = [
  ["/", "nav.search"],
  ["/network", "nav.network"],
  ["/map", "nav.map"],
  ["/timeline", "nav.timeline"],
  ["/dyad", "nav.dyad"],
  ["/overlap", "nav.overlap"],
  ["/scorecards", "nav.scorecards"],
  ["/documents", "nav.documents"],
  ["/review", "nav.review"],
  ["/edit/actor", "nav.newActor"],
];

export function App() {
  const loc = useLocation();
  const lang: Lang = loc.params.get("lang") === "fa" ? "fa" : "en";
  const names: NameMode = loc.params.get("names") === "fa" ? "fa" : "en";
  const i18n = useMemo<I18n>(() => ({ lang, names, t: (k, v) => translate(lang, k, v), name: (a) => displayName(a, names) }), [lang, names]);
  const vocab = useLoad(() => api.vocabularies(), "vocab");

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
  }, [lang]);

  const { route } = loc;
  const current = route.view === "search" ? "/" : route.view === "edit" ? "/edit/actor" : route.view === "document" ? "/documents" : `/${route.view}`;
  return (
    <I18nContext.Provider value={i18n}>
      <VocabContext.Provider value={vocab.data}>
        <div className="shell" dir={dirOf(lang)}>
          <header className="top">
            <Link href={loc.link("/")} className="brand">{i18n.t("app.title")}</Link>
            <nav aria-label="Main">
              {NAV.map(([path, key]) => (
                <Link key={path} href={loc.link(path)} aria-current={current === path ? "page" : undefined}>
                  {i18n.t(key)}
                </Link>
              ))}
            </nav>
            <div className="settings">
              <label>
                {i18n.t("settings.language")}{" "}
                <select value={lang} onChange={(e) => loc.setParams({ lang: e.target.value === "fa" ? "fa" : undefined })}>
                  <option value="en">English</option>
                  <option value="fa">فارسی</option>
                </select>
              </label>
              <label>
                {i18n.t("settings.names")}{" "}
                <select value={names} onChange={(e) => loc.setParams({ names: e.target.value === "fa" ? "fa" : undefined })}>
                  <option value="en">{i18n.t("settings.names.en")}</option>
                  <option value="fa">{i18n.t("settings.names.fa")}</option>
                </select>
              </label>
            </div>
          </header>
          <main>{page(route.view, route.id, route.sub)}</main>
        </div>
      </VocabContext.Provider>
    </I18nContext.Provider>
  );
}

function page(view: string, id: string | undefined, sub: string | undefined) {
  switch (view) {
    case "actor":
      return <ActorView key={id} id={id!} />;
    case "network":
      return <NetworkView />;
    case "map":
      return <MapView />;
    case "timeline":
      return <TimelineView />;
    case "dyad":
      return <DyadView />;
    case "overlap":
      return <OverlapView />;
    case "scorecards":
      return <ScorecardView />;
    case "document":
      return id ? <DocumentView key={id} id={id} /> : <DocumentsView />;
    case "review":
      return <ReviewView />;
    case "edit":
      return <EditView key={`${id}/${sub}`} type={id ?? "actor"} id={sub} />;
    default:
      return <SearchView />;
  }
}
