// ISO 3166-1 country codes and names (English and Persian), from the maintained i18n-iso-countries tables.
import countries from "i18n-iso-countries";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
countries.registerLocale(require("i18n-iso-countries/langs/fa.json"));
countries.registerLocale(require("i18n-iso-countries/langs/ru.json"));
countries.registerLocale(require("i18n-iso-countries/langs/ar.json"));

/** True for an assigned ISO 3166-1 alpha-3 code, upper case (`IRN`). */
export function isIso3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/** The neutral English short name of a country (`Iran`, `Russia`), or undefined for an unknown code. */
export function countryName(iso3: string, lang: "en" | "fa" | "ru" | "ar" = "en"): string | undefined {
  if (!isIso3(iso3)) return undefined;
  const all = countries.getName(iso3, lang, { select: "all" }) ?? [];
  // i18n-iso-countries lists the official name first and the common short name after it where they differ.
  return lang === "en" ? (all[all.length - 1] ?? all[0]) : all[0];
}

/** Every ISO 3166-1 alpha-3 code. */
export function allIso3(): string[] {
  return Object.keys(countries.getAlpha3Codes());
}
