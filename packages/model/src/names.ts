// Name normalisation for matching aliases across scripts: Persian, Arabic, Cyrillic and Latin.
/**
 * Fold a name to its matching key: Unicode compatibility form, lower case, Latin diacritics removed, Arabic
 * yeh/kaf/heh variants to their Persian forms, tatweel, zero-width joiners and Arabic diacritics removed,
 * Persian and Arabic-Indic digits to ASCII, punctuation and spacing collapsed. Used for search and addressing only;
 * stored names keep their original form.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // Latin combining marks
    .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed]/g, "") // Arabic harakat, superscript alef, Quranic marks
    .normalize("NFC")
    .toLowerCase()
    .replace(/[يى]/g, "ی")
    .replace(/ك/g, "ک")
    .replace(/ة/g, "ه")
    .replace(/[أإٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/\u0640/g, "") // tatweel
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, " ") // ZWSP, ZWNJ, ZWJ, direction marks
    .replace(/[۰-۹]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[’'`´"“”«»()[\]{}.,;:!?،؛؟\-–—_/\\]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** An actor's Persian name, where it has one: its official Persian alias, else its first Persian one. */
export function persianAlias(aliases: ReadonlyArray<{ name: string; lang: string; kind?: string }>): string | undefined {
  return (aliases.find((x) => x.lang === "fa" && x.kind === "official") ?? aliases.find((x) => x.lang === "fa"))?.name;
}
