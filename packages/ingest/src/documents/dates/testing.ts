// Test helper: a mention as one hand-checkable string, "text=value@precision", "#sh" for Solar Hijri.
import type { DateMention } from "./types.js";
import { dateValueString } from "./index.js";

export function show(m: DateMention): string {
  return `${m.text}=${dateValueString(m.date)}@${m.precision}${m.calendar === "solar-hijri" ? "#sh" : ""}`;
}
