// The interface language (English or Persian, right-to-left) and how bilingual names are shown, both from the URL.
import { createContext, useContext } from "react";
import { IntlMessageFormat } from "intl-messageformat";
import type { Actor } from "../api/types.js";
import { en, type MessageKey } from "./en.js";
import { fa } from "./fa.js";

export type Lang = "en" | "fa";
export type NameMode = "en" | "fa";

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, fa };

const compiled = new Map<string, IntlMessageFormat>();

/**
 * A message of the interface language, in ICU MessageFormat: `{name}` takes a value, and counts choose their plural
 * form (`{n, plural, one {# actor} other {# actors}}`) by the language's rules. Each message is compiled once.
 */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const id = `${lang}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) compiled.set(id, (message = new IntlMessageFormat(CATALOGUES[lang][key], lang)));
  return String(message.format(vars));
}

export const dirOf = (lang: Lang) => (lang === "fa" ? "rtl" : "ltr");

/** The name to show: the canonical English name, or a Persian alias where one exists (official first). */
export function displayName(actor: Pick<Actor, "name" | "aliases">, mode: NameMode): string {
  if (mode !== "fa") return actor.name;
  const fas = (actor.aliases ?? []).filter((a) => a.lang === "fa");
  const pick = fas.find((a) => a.kind === "official") ?? fas.sort((a, b) => b.name.length - a.name.length)[0];
  return pick?.name ?? actor.name;
}

/** Text in Arabic script (Persian, Arabic) runs right to left. */
export const isRtlText = (s: string) => /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/.test(s);

export interface I18n {
  lang: Lang;
  names: NameMode;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  name: (actor: Pick<Actor, "name" | "aliases">) => string;
}

export const I18nContext = createContext<I18n>({
  lang: "en",
  names: "en",
  t: (k, v) => translate("en", k, v),
  name: (a) => a.name,
});
export const useI18n = () => useContext(I18nContext);
