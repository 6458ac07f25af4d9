// `diplograph claims`: the review queue (list by status, target or source) and review decisions (accept, reject).
import { ClaimStatus, InputError, TargetType, type ClaimStatus as Status } from "@diplograph/model";
import { fmtLocator, fmtQualifiers, fmtValue, quoteLines } from "../format.js";
import { print, printJson, withStore, type GlobalOptions } from "../context.js";

export interface ClaimsOptions extends GlobalOptions {
  status?: string;
  target?: string;
  source?: string;
  limit?: number;
  offset?: number;
}

export async function claimsListCommand(opts: ClaimsOptions): Promise<void> {
  let status: Status | undefined;
  if (opts.status !== undefined) {
    const s = ClaimStatus.safeParse(opts.status);
    if (!s.success) throw new InputError(`--status: expected one of ${ClaimStatus.options.join(", ")}`);
    status = s.data;
  }
  let targetType: TargetType | undefined;
  let targetId: string | undefined;
  if (opts.target) {
    const i = opts.target.indexOf(":");
    const t = TargetType.safeParse(i > 0 ? opts.target.slice(0, i) : "");
    if (!t.success) throw new InputError(`--target: expected TYPE:ID with TYPE one of ${TargetType.options.join(", ")} (e.g. actor:ipu)`);
    targetType = t.data;
    targetId = opts.target.slice(i + 1);
  }
  await withStore(opts, async (store) => {
    if (targetType === "actor" && targetId) targetId = await store.resolveActor(targetId);
    const claims = await store.listClaims({ status, targetType, targetId, source: opts.source, limit: opts.limit, offset: opts.offset });
    if (opts.json) return printJson(claims);
    if (claims.length === 0) return print("No claims match.");
    for (const c of claims) {
      const what = c.property ? `${c.property}${fmtQualifiers(c.qualifiers)} = ${fmtValue(c.value)}` : "(the record)";
      print(`${c.id}  ${c.status}  ${c.target.type}:${c.target.id}  ${what}  [${fmtLocator(c)}]`);
      if (c.locator.quote) print(quoteLines(c.locator.quote, "    "));
    }
  });
}

export async function claimsReviewCommand(status: "accepted" | "rejected", ids: string[], opts: GlobalOptions & { by?: string }): Promise<void> {
  const reviewer = opts.by ?? process.env.DIPLOGRAPH_USER ?? process.env.USER ?? "analyst";
  await withStore(opts, async (store) => {
    const updated = await store.setClaimStatus(ids, status, reviewer);
    if (opts.json) return printJson(updated);
    print(`${status === "accepted" ? "Accepted" : "Rejected"} ${updated.length} claim${updated.length === 1 ? "" : "s"} (reviewer ${reviewer}).`);
  });
}
