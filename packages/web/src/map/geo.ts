// Country shapes (Natural Earth 1:110m from world-atlas, bundled) keyed by ISO 3166-1 alpha-3.
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import world from "world-atlas/countries-110m.json";

export interface Country {
  iso3: string | undefined;
  name: string;
  feature: Feature<Geometry, { name: string }>;
}

let cached: Country[] | undefined;

export function countryShapes(): Country[] {
  if (cached) return cached;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  cached = fc.features.map((f) => ({ iso3: f.id === undefined ? undefined : countries.numericToAlpha3(String(f.id)), name: f.properties.name, feature: f as Feature<Geometry, { name: string }> }));
  return cached;
}
