// Land neighbours and reference points from the maintained world-countries dataset (mledoze/countries), and distances.
import { createRequire } from "node:module";
import type { Countries } from "world-countries";
import type { Iso3, LandNeighbour } from "./types.js";

// The package is CommonJS with an ESM-style `export default` in its types; require() reads it the same everywhere.
const countries = createRequire(import.meta.url)("world-countries") as Countries;

/** Where land neighbours and reference points come from, for reports. */
export const LAND_SOURCE = "world-countries 5.1 (mledoze/countries): `borders` for land neighbours, `latlng` for reference points";

interface CountryInfo {
  cca3: string;
  name: string;
  borders: string[];
  latlng: readonly [number, number];
  landlocked: boolean;
}

const byCode = new Map<string, CountryInfo>(
  countries.map((c) => [c.cca3, { cca3: c.cca3, name: c.name.common, borders: c.borders, latlng: [c.latlng[0], c.latlng[1]] as const, landlocked: c.landlocked }]),
);

/** The world-countries record of a country, or undefined for a code it does not know. */
export function countryInfo(code: Iso3): CountryInfo | undefined {
  return byCode.get(code.toUpperCase());
}

export function isKnownCountry(code: Iso3): boolean {
  return byCode.has(code.toUpperCase());
}

/** The country's common English name per world-countries (a fallback where the database has no state actor). */
export function worldCountryName(code: Iso3): string | undefined {
  return countryInfo(code)?.name;
}

/** Countries sharing a land border with `code`, sorted by code; empty for an island state or an unknown code. */
export function landNeighbours(code: Iso3): LandNeighbour[] {
  const c = countryInfo(code);
  if (!c) return [];
  return [...c.borders].sort().map((b) => ({ country: b, name: worldCountryName(b) ?? b }));
}

/** The codes of the land neighbours of `code`. */
export function landNeighbourCodes(code: Iso3): string[] {
  return [...(countryInfo(code)?.borders ?? [])].sort();
}

/** The country's reference point (world-countries `latlng`: roughly the centre of its territory). */
export function referencePoint(code: Iso3): readonly [number, number] | undefined {
  return countryInfo(code)?.latlng;
}

/** Every code world-countries knows. */
export function allCountryCodes(): string[] {
  return [...byCode.keys()].sort();
}

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points given as [latitude, longitude] in degrees (haversine). */
export function greatCircleKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
