import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_KM, greatCircleKm, isKnownCountry, landNeighbours, referencePoint } from "./land.js";

describe("land neighbours from world-countries", () => {
  it.each([
    ["IRN", ["AFG", "ARM", "AZE", "IRQ", "PAK", "TKM", "TUR"]],
    ["AZE", ["ARM", "GEO", "IRN", "RUS", "TUR"]],
    ["QAT", ["SAU"]],
    ["BHR", []], // an island state
    ["XXX", []], // unknown
  ])("%s", (code, expected) => {
    expect(landNeighbours(code).map((n) => n.country)).toEqual(expected);
  });

  it("names neighbours and knows codes", () => {
    expect(landNeighbours("IRN").find((n) => n.country === "AFG")?.name).toBe("Afghanistan");
    expect(isKnownCountry("IRN")).toBe(true);
    expect(isKnownCountry("irn")).toBe(true);
    expect(isKnownCountry("ZZZ")).toBe(false);
    expect(referencePoint("IRN")).toEqual([32, 53]);
  });
});

describe("greatCircleKm", () => {
  const quarter = (EARTH_RADIUS_KM * Math.PI) / 2;
  it.each([
    ["the same point", [10, 20], [10, 20], 0],
    ["a quarter of the equator", [0, 0], [0, 90], quarter],
    ["equator to pole", [0, 0], [90, 0], quarter],
    ["pole to pole", [90, 0], [-90, 0], 2 * quarter],
    ["10 degrees along the equator", [0, 0], [0, 10], (EARTH_RADIUS_KM * Math.PI) / 18],
  ] as Array<[string, [number, number], [number, number], number]>)("%s", (_, a, b, km) => {
    expect(greatCircleKm(a, b)).toBeCloseTo(km, 6);
    expect(greatCircleKm(b, a)).toBeCloseTo(km, 6);
  });
});
