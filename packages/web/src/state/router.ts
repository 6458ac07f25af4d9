// The address as React state: the current route and its parameters, navigation that keeps the global parameters.
import { useCallback, useSyncExternalStore } from "react";
import { linkTo, parseRoute, patchSearch, type ParamValue, type Route } from "./url.js";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener("popstate", notify);

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = () => location.pathname + location.search;

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  notify();
  if (!replace) window.scrollTo(0, 0);
}

export interface Location {
  route: Route;
  params: URLSearchParams;
  search: string;
  /** Change some parameters of this page (replace: no new history entry, for sliders and typing). */
  setParams: (patch: Record<string, ParamValue>, replace?: boolean) => void;
  /** A link to another page that keeps the language and name display. */
  link: (path: string, params?: Record<string, ParamValue>) => string;
}

export function useLocation(): Location {
  const key = useSyncExternalStore(subscribe, snapshot);
  const q = key.indexOf("?");
  const pathname = q < 0 ? key : key.slice(0, q);
  const search = q < 0 ? "" : key.slice(q);
  const setParams = useCallback((patch: Record<string, ParamValue>, replace = false) => navigateParams(patch, replace), []);
  const link = useCallback((path: string, params: Record<string, ParamValue> = {}) => linkTo(path, params, search), [search]);
  return { route: parseRoute(pathname), params: new URLSearchParams(search), search, setParams, link };
}

function navigateParams(patch: Record<string, ParamValue>, replace: boolean) {
  const next = location.pathname + patchSearch(location.search, patch);
  if (replace) history.replaceState(null, "", next);
  else history.pushState(null, "", next);
  notify();
}
