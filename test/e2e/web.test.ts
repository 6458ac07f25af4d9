// End to end: the web application in Debian's Chromium against `diplograph serve` on a fresh seed database. Each
// step asserts on what the page shows and saves a screenshot to test/e2e/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { hasChromium, launch, serve } from "./browser.mjs";
import { sharedDir } from "../helpers.js";

const shots = join(dirname(fileURLToPath(import.meta.url)), "screenshots");
const T = 120_000;

describe.skipIf(!hasChromium)("web application in Chromium", () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  const go = async (path: string) => {
    await page.goto(server.url + path);
    await page.locator("main").waitFor();
  };
  const networkStatus = async () => {
    const text = await page.getByTestId("network-status").innerText();
    const m = /(\d+) of (\d+) links shown, (\d+) actors/.exec(text);
    if (!m) throw new Error(`unexpected network status: ${text}`);
    return { edges: Number(m[1]), total: Number(m[2]), nodes: Number(m[3]) };
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serve();
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
  }, T);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("finds مجلس and Islamic Consultative Assembly to the same actor", async () => {
    const hrefs: string[] = [];
    for (const q of ["مجلس", "Islamic Consultative Assembly"]) {
      await go("/");
      await page.getByLabel("Search actors").fill(q);
      await page.getByRole("button", { name: "Search" }).click();
      const link = page.getByRole("link", { name: "Islamic Consultative Assembly" });
      await link.waitFor();
      hrefs.push((await link.getAttribute("href"))!);
      expect(page.url()).toContain(`q=${encodeURIComponent(q).replace(/%20/g, "+")}`);
      await shot(q === "مجلس" ? "search-fa" : "search-en");
    }
    expect(hrefs).toEqual(["/actors/irn-parliament", "/actors/irn-parliament"]);
    // facets: the kind facet counts the one parliament
    await expect.poll(() => page.getByRole("group", { name: "Kind" }).innerText()).toContain("National parliament or chamber");
  }, T);

  it("shows the actor page: aliases, membership timeline, relations, events, claims", async () => {
    await page.getByRole("link", { name: "Islamic Consultative Assembly" }).click();
    await page.getByRole("heading", { level: 1, name: "Islamic Consultative Assembly" }).waitFor();
    const aliases = await page.getByRole("region", { name: "Aliases" }).innerText();
    expect(aliases).toContain("مجلس شورای اسلامی");
    expect(aliases).toContain("Majlis");
    const timeline = await page.getByRole("list", { name: "Membership timeline" }).innerText();
    expect(timeline).toContain("Asian Parliamentary Assembly");
    expect(timeline).toMatch(/2006–\s*founding/);
    expect(await page.getByRole("region", { name: "Relations" }).innerText()).toContain("State Duma");
    const claims = page.getByRole("region", { name: /^Claims/ });
    expect(await claims.innerText()).toContain("Islamic Parliament of Iran");
    // the claims behind each relation, folded under it: the friendship group with the Duma, quoted
    const relations = page.getByRole("region", { name: "Relations" });
    const duma = relations.locator("tr", { hasText: "State Duma" }).first();
    const dumaClaims = duma.locator("xpath=following-sibling::tr[1]").locator("details.evidence");
    await dumaClaims.locator("summary").click();
    expect(await dumaClaims.locator("blockquote").first().innerText()).toContain("Parliamentary Friendship Group");
    expect(await dumaClaims.getByRole("link").first().getAttribute("href")).toMatch(/^\/documents\/seed-001\?claim=/);
    // the agreements it ratified, each with the claims on it
    const agreements = page.getByRole("region", { name: "Agreements" });
    const fta = agreements.locator("li[data-agreement='eaeu-irn-fta']");
    expect(await fta.innerText()).toContain("Free Trade Agreement between Iran and the Eurasian Economic Union");
    expect(await fta.innerText()).toContain("Ratified or approved by a parliament");
    await fta.locator("summary").click();
    expect(await fta.locator("blockquote").first().innerText()).toContain("both parliaments have approved the Free Trade Agreement");
    expect(await agreements.locator("li[data-agreement]").count()).toBe(2);
    await shot("actor");
    // a relation's claim opens its passage in the document
    const link = dumaClaims.getByRole("link").first();
    const claimId = new URL((await link.getAttribute("href"))!, server.url).searchParams.get("claim")!;
    await link.click();
    await page.waitForURL(/\/documents\/seed-001\?claim=/);
    const mark = page.locator('mark[aria-current="true"]').first();
    await mark.waitFor();
    expect(await mark.getAttribute("data-claims")).toContain(claimId);
    expect(await mark.innerText()).toContain("Parliamentary Friendship Group");
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Islamic Consultative Assembly" }).waitFor();
  }, T);

  it("opens the network; the time slider replays memberships by year (WebGL via SwiftShader)", async () => {
    await page.getByRole("link", { name: "Open its network" }).click();
    await page.getByTestId("network-status").waitFor();
    expect(page.url()).toContain("ego=irn-parliament");
    await expect.poll(() => page.evaluate(() => window.__diplographNetwork?.renderedAt ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByRole("alert").count()).toBe(0);
    // ForceAtlas2 runs in its worker: positions arrive and are drawn; it can be stopped and run again
    await expect.poll(() => page.evaluate(() => window.__diplographNetwork?.layoutApplies ?? 0), { timeout: 30_000 }).toBeGreaterThan(0);
    const stop = page.getByRole("button", { name: "Stop layout" });
    if (await stop.count()) await stop.click();
    const run = page.getByRole("button", { name: "Run layout" });
    await run.waitFor();
    expect(await page.evaluate(() => window.__diplographNetwork?.layoutRunning)).toBe(false);
    const applies = await page.evaluate(() => window.__diplographNetwork?.layoutApplies ?? 0);
    await run.click();
    await expect.poll(() => page.evaluate(() => window.__diplographNetwork?.layoutApplies ?? 0)).toBeGreaterThan(applies);
    await page.getByRole("button", { name: "Stop layout" }).click();
    // the whole network, then year by year
    await page.goto(`${server.url}/network?view=affiliation`);
    const all = await networkStatus();
    expect(all.edges).toBe(all.total);
    await page.getByLabel("All years").uncheck();
    const slider = page.getByRole("slider", { name: "Year" });
    const counts: number[] = [];
    for (const year of [1960, 1995, 2010]) {
      await slider.fill(String(year));
      await expect.poll(() => page.getByLabel("Selected year").innerText()).toBe(String(year));
      counts.push((await networkStatus()).edges);
      expect(page.url()).toContain(`year=${year}`);
    }
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    expect(counts[2]).toBeLessThan(all.total); // undated memberships stay out until asked for
    await page.getByLabel("Show undated links").check();
    expect((await networkStatus()).edges).toBeGreaterThan(counts[2]!);
    await shot("network-2010");
    // the state is in the URL: reloading gives the same view
    await page.reload();
    await expect.poll(async () => (await networkStatus()).edges).toBeGreaterThan(counts[2]!);
    expect(await page.getByLabel("Selected year").innerText()).toBe("2010");
  }, T);

  it("opens a claim and lands on its highlighted passage in the seed document", async () => {
    await go("/actors/irn-parliament");
    const claims = page.getByRole("region", { name: /^Claims/ });
    const item = claims.locator("li").filter({ hasText: "the absence of a defined mission" }).first();
    const claimId = await item.getAttribute("data-claim");
    await item.getByRole("link").click();
    await page.waitForURL(/\/documents\/seed-001\?claim=/);
    const mark = page.locator('mark[aria-current="true"]');
    await mark.first().waitFor();
    expect(await mark.first().innerText()).toContain("the absence of a defined mission for the parliamentary diplomacy of the Islamic Consultative Assembly");
    expect(await mark.first().getAttribute("data-claims")).toContain(claimId!);
    await expect.poll(() => mark.first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);
    expect(await page.locator("mark").count()).toBeGreaterThan(50);
    await shot("document");
  }, T);

  it("maps the members of a body and a dyad link", async () => {
    await go("/map?body=apa");
    await expect.poll(() => page.getByText(/members on the map/).innerText()).toMatch(/^([1-9]\d*) members on the map/);
    expect(await page.locator('path[data-iso="IRN"]').getAttribute("fill")).not.toBe("#e3e3e3");
    expect(await page.getByRole("region", { name: "Map list" }).innerText()).toContain("Islamic Consultative Assembly");
    await shot("map-body");
    await go("/map?mode=country&country=IRN&other=RUS");
    await page.getByTestId("dyad-line").waitFor();
    expect(await page.getByRole("region", { name: "Map list" }).innerText()).toContain("Asian Parliamentary Assembly");
    await go("/map?mode=neighbourhood&country=IRN");
    await expect.poll(() => page.getByRole("region", { name: "Map list" }).innerText()).toContain("AFG");
    await shot("map-neighbourhood");
  }, T);

  it("shows the timeline of events with the seed 004 achievements, filtered by track and actor", async () => {
    await go("/timeline");
    await expect.poll(() => page.getByText(/^\d+ events?$/).innerText()).toMatch(/^\d+ events?$/);
    const total = Number((await page.getByText(/^\d+ events?$/).innerText()).split(" ")[0]);
    expect(await page.locator("main").innerText()).toContain("United Front of the Islamic Revolution of Afghanistan");
    await page.getByLabel("Track").selectOption("parliamentary");
    await expect.poll(async () => Number((await page.getByText(/^\d+ events?$/).innerText()).split(" ")[0])).toBeLessThan(total);
    expect(page.url()).toContain("track=parliamentary");
    await shot("timeline");
  }, T);

  it("scores an actor against a framework and drills down to the evidence", async () => {
    await go("/scorecards?framework=movement-diplomacy&actor=IRN");
    await page.getByLabel("Overall score").waitFor();
    expect(Number(await page.getByLabel("Overall score").innerText())).toBeGreaterThan(0);
    const details = page.locator("details").first();
    await details.locator("summary").click();
    const quote = details.getByRole("link").first();
    await quote.waitFor();
    await shot("scorecard");
    await quote.click();
    await page.waitForURL(/\/documents\/seed-004\?claim=/);
    await page.locator('mark[aria-current="true"]').first().waitFor();
  }, T);

  it("shows a dyad and the overlap heatmap", async () => {
    await go("/dyad?a=IRN&b=RUS");
    await expect.poll(() => page.locator("main").innerText()).toContain("Parliamentary friendship group");
    await shot("dyad");
    await go("/overlap?actors=IRN,RUS,ARM");
    const table = page.getByRole("table", { name: "Overlap matrix" });
    await table.waitFor();
    expect(await table.innerText()).toContain("0.63");
    await shot("overlap");
  }, T);

  it("accepts and rejects proposed claims in the review queue", async () => {
    // the seed has one proposed claim; propose a second through the API, as an analyst's edit would
    const post = await fetch(`${server.url}/api/claims`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ target: { type: "actor", id: "ipu" }, source: "seed-001", quote: "Established in 1889 and headquartered in Geneva" }),
    });
    expect(post.status).toBe(201);
    await go("/review");
    expect(await page.getByText(/^\d+ proposed claims?$/).innerText()).toBe("2 proposed claims");
    const items = page.locator("li[data-claim]");
    await items.first().waitFor();
    const first = (await items.nth(0).getAttribute("data-claim"))!;
    const second = (await items.nth(1).getAttribute("data-claim"))!;
    await page.getByRole("button", { name: `Accept ${first}` }).click();
    await page.getByRole("button", { name: `Reject ${second}` }).click();
    await expect.poll(() => items.nth(0).getByRole("status").innerText()).toBe("accepted");
    await expect.poll(() => items.nth(1).getByRole("status").innerText()).toBe("rejected");
    await shot("review");
    const status = async (id: string) => ((await (await fetch(`${server.url}/api/claims/${id}`)).json()) as { status: string }).status;
    expect([await status(first), await status(second)]).toEqual(["accepted", "rejected"]);
    await page.reload();
    await expect.poll(() => page.getByText(/^\d+ proposed claims?$/).innerText()).toBe("0 proposed claims");
  }, T);

  it("accepts several proposed claims with one request, then rejects the rest with select all", async () => {
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${server.url}/api/claims`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ target: { type: "actor", id: "ipu" }, source: "seed-001", quote: "Established in 1889 and headquartered in Geneva", note: `bulk ${i}` }),
      });
      expect(r.status).toBe(201);
    }
    await go("/review");
    await expect.poll(() => page.getByText(/^\d+ proposed claims?$/).innerText()).toBe("3 proposed claims");
    const items = page.locator("li[data-claim]");
    const ids = await Promise.all([0, 1, 2].map(async (i) => (await items.nth(i).getAttribute("data-claim"))!));
    const reviews: Array<{ url: string; body: string | null }> = [];
    const onRequest = (r: import("playwright-core").Request) => {
      if (r.method() === "POST" && /\/api\/claims\/(.+\/)?review$/.test(new URL(r.url()).pathname)) reviews.push({ url: new URL(r.url()).pathname, body: r.postData() });
    };
    page.on("request", onRequest);
    await page.getByRole("checkbox", { name: `Select ${ids[0]}` }).check();
    await page.getByRole("checkbox", { name: `Select ${ids[2]}` }).check();
    await page.getByRole("button", { name: "Accept selected (2)" }).click();
    await expect.poll(() => items.nth(0).getByRole("status").innerText()).toBe("accepted");
    await expect.poll(() => items.nth(2).getByRole("status").innerText()).toBe("accepted");
    expect(await items.nth(1).getByRole("status").count()).toBe(0);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.url).toBe("/api/claims/review");
    expect(JSON.parse(reviews[0]!.body!)).toMatchObject({ ids: [ids[0], ids[2]], status: "accepted" });
    // the one left: select all, reject
    await page.getByRole("group", { name: "Selected claims" }).getByLabel("Select all").check();
    await page.getByRole("button", { name: "Reject selected (1)" }).click();
    await expect.poll(() => items.nth(1).getByRole("status").innerText()).toBe("rejected");
    expect(reviews).toHaveLength(2);
    page.off("request", onRequest);
    await shot("review-bulk");
    const status = async (id: string) => ((await (await fetch(`${server.url}/api/claims/${id}`)).json()) as { status: string }).status;
    expect([await status(ids[0]!), await status(ids[1]!), await status(ids[2]!)]).toEqual(["accepted", "rejected", "accepted"]);
  }, T);

  it("edits an actor: the API's validation message shows next to the field, then a valid edit is saved", async () => {
    await go("/edit/actor/ipu");
    const name = page.getByLabel("Name", { exact: true });
    await expect.poll(() => name.inputValue()).toBe("Inter-Parliamentary Union");
    await name.fill("");
    await page.getByLabel("Country (ISO 3166-1 alpha-3)").fill("XX");
    await page.getByRole("button", { name: "Save" }).click();
    const nameField = page.locator(".field").filter({ has: page.locator("#f-name") });
    await nameField.locator(".field-error").first().waitFor();
    // the same message the API gives for the path body.actor.name
    const api = await fetch(`${server.url}/api/actors/ipu`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ actor: { id: "ipu", kind: "parliamentary-assembly", name: "", country: "XX" }, evidence: { source: "seed-001" } }) });
    const body = (await api.json()) as { issues: Array<{ path: string; message: string }> };
    const nameIssue = body.issues.find((i) => i.path === "body.actor.name")!;
    expect(await nameField.locator(".field-error").first().innerText()).toBe(nameIssue.message);
    const countryField = page.locator(".field").filter({ has: page.locator("#f-country") });
    expect(await countryField.locator(".field-error").count()).toBeGreaterThan(0);
    expect(await page.locator(".field").filter({ has: page.locator("#f-ev-quote") }).locator(".field-error").innerText()).toContain("quote");
    await shot("edit-invalid");
    await name.fill("Inter-Parliamentary Union");
    await page.getByLabel("Country (ISO 3166-1 alpha-3)").fill("");
    await page.getByLabel("Description").fill("The global organisation of national parliaments");
    await page.getByLabel("Source").selectOption("seed-001");
    await page.getByLabel("Quote").fill("Established in 1889 and headquartered in Geneva");
    // an edit sends only what changed, as a PATCH
    const [patch] = await Promise.all([page.waitForRequest((r) => r.url().endsWith("/api/actors/ipu") && r.method() !== "GET"), page.getByRole("button", { name: "Save" }).click()]);
    expect(patch.method()).toBe("PATCH");
    expect(JSON.parse(patch.postData()!).actor).toEqual({ description: "The global organisation of national parliaments" });
    await page.getByText("Saved; a proposed claim is in the review queue.").waitFor();
    expect(await page.getByTestId("sent").innerText()).toBe("(PATCH: description)");
    expect(await page.locator(".field-error").count()).toBe(0);
    const ipu = (await (await fetch(`${server.url}/api/actors/ipu`)).json()) as { actor: { description?: string; aliases: unknown[] } };
    expect(ipu.actor.description).toBe("The global organisation of national parliaments");
    expect(ipu.actor.aliases.length).toBeGreaterThan(0); // untouched fields kept
    // clearing a field cannot be a PATCH: the whole record is put
    await page.getByLabel("Description").fill("");
    const [put] = await Promise.all([page.waitForRequest((r) => r.url().endsWith("/api/actors/ipu") && r.method() !== "GET"), page.getByRole("button", { name: "Save" }).click()]);
    expect(put.method()).toBe("PUT");
    await expect.poll(() => page.getByTestId("sent").innerText()).toBe("(PUT: description)");
    expect(((await (await fetch(`${server.url}/api/actors/ipu`)).json()) as { actor: { description?: string } }).actor.description).toBeUndefined();
  }, T);

  it("deletes an actor nothing refers to, and shows the API's refusal for one still referenced", async () => {
    await go("/edit/actor/ipu");
    await page.getByRole("button", { name: "Delete this actor" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const refusal = page.getByTestId("delete-error");
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/actor "ipu" is still referenced \(.*relations.*\); nothing was deleted/);
    expect((await fetch(`${server.url}/api/actors/ipu`)).status).toBe(200);
    await shot("delete-refused");
    const made = await fetch(`${server.url}/api/actors`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ actor: { id: "test-forum", kind: "forum", name: "Test Forum" }, evidence: { source: "seed-001", quote: "Established in 1889 and headquartered in Geneva" } }),
    });
    expect(made.status).toBe(201);
    await go("/edit/actor/test-forum");
    await page.getByRole("button", { name: "Delete this actor" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await page.waitForURL(/\/\?deleted=test-forum/);
    expect(await page.getByRole("status").first().innerText()).toBe("Deleted test-forum.");
    expect((await fetch(`${server.url}/api/actors/test-forum`)).status).toBe(404);
  }, T);

  it("exports the network as GEXF, GraphML, CSV (API), SVG and PNG, and the map as SVG", async () => {
    await go("/network?view=comembership&layout=circle");
    await expect.poll(() => page.evaluate(() => window.__diplographNetwork?.renderedAt ?? 0)).toBeGreaterThan(0);
    const saved: Record<string, string> = {};
    for (const [name, role] of [["GEXF", "link"], ["GraphML", "link"], ["CSV", "link"], ["SVG", "button"], ["PNG", "button"]] as const) {
      const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole(role, { name, exact: true }).click()]);
      const path = join(shots, dl.suggestedFilename());
      await dl.saveAs(path);
      saved[name] = path;
    }
    expect(readFileSync(saved.GEXF!, "utf8")).toContain("<gexf");
    expect(readFileSync(saved.GraphML!, "utf8")).toContain("<graphml");
    expect(readFileSync(saved.CSV!).subarray(0, 2).toString()).toBe("PK");
    expect(readFileSync(saved.SVG!, "utf8")).toMatch(/<svg[\s\S]*<circle/);
    expect(readFileSync(saved.PNG!).subarray(1, 4).toString()).toBe("PNG");
    await go("/map?body=ipu");
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "SVG" }).click()]);
    expect(dl.suggestedFilename()).toBe("diplograph-map-body-ipu.svg");
  }, T);

  it("switches to a Persian, right-to-left interface with Persian names, kept in the URL", async () => {
    await go("/actors/irn-parliament?lang=fa&names=fa");
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.getByRole("navigation", { name: "Main" }).innerText()).toContain("جستجو");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("مجلس شورای اسلامی");
    // links keep the language
    expect(await page.getByRole("link", { name: "شبکه", exact: true }).getAttribute("href")).toBe("/network?lang=fa&names=fa");
    await shot("actor-fa");
    expect(errors).toEqual([]);
  }, T);

  it("ingests a document by upload: events proposed, their claims in the review queue, passages highlighted", async () => {
    await go("/documents");
    await page.getByLabel(/Document file/).setInputFiles(join(sharedDir, "seeds/004_40f7615d4fa621a5.part1.txt"));
    await page.getByRole("button", { name: "Ingest", exact: true }).click();
    const result = page.getByRole("status", { name: "Ingest result" });
    await result.waitFor();
    const m = /version 1 \(new\), (\d+) passages?, (\d+) events? proposed, (\d+) stated without a date/.exec(await result.innerText());
    expect(m, await result.innerText()).not.toBeNull();
    expect(Number(m![1])).toBe(24);
    expect(Number(m![2])).toBeGreaterThanOrEqual(8);
    expect(Number(m![3])).toBeGreaterThanOrEqual(4);
    // the stored documents list it
    await expect.poll(() => page.getByRole("list", { name: "Documents" }).innerText()).toContain("43 Achievements of Iran in the Area of Foreign Relations");
    await shot("documents-ingest");
    // its proposals wait in the review queue, filtered to this document
    await result.getByRole("link", { name: "Review the proposals" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("On March 21, 1991, Sam Nujoma arrived in Namibia");
    expect(page.url()).toContain("source=004_40f7615d4fa621a5.part1.v1");
    // each proposal names its record as a person reads it: a proposed event by its title and date
    const items = page.locator("ul.review > li");
    expect(await page.locator("ul.review > li .claim-target").count()).toBe(await items.count());
    const eventItem = items.filter({ has: page.locator("code", { hasText: /^event:/ }) }).first();
    expect(await eventItem.locator(".claim-target").innerText()).toMatch(/\S.* \(\d{4}(-\d{2}(-\d{2})?)?\)$/);
    // with Persian names chosen, an actor's proposals name it in Persian
    await go("/review?source=004_40f7615d4fa621a5.part1.v1&names=fa");
    await expect.poll(() => page.locator("ul.review > li a.claim-target").first().innerText()).toMatch(/[\u0600-\u06ff]/);
    await shot("documents-review");
    // and the document shows their passages highlighted
    await go("/documents/004_40f7615d4fa621a5.part1.v1");
    await expect.poll(() => page.locator(".doc-text mark").count()).toBeGreaterThanOrEqual(Number(m![2]));
    // its version, and its passages: an outline beside the text, each passage a block of the text
    expect(await page.locator(".versions").innerText()).toContain("Version 1 of 1");
    const outline = page.getByRole("navigation", { name: "Passages" });
    expect(await outline.getByRole("heading").innerText()).toBe("24 passages");
    expect(await outline.getByRole("link").count()).toBe(24);
    expect(await page.locator(".doc-text .passage").count()).toBe(24);
    expect(await page.locator("#passage-0").innerText()).toBe("43 Achievements of Iran in the Area of Foreign Relations");
    const last = outline.getByRole("link").last();
    const lastText = await page.locator("#passage-23").innerText();
    expect(lastText.startsWith((await last.innerText()).replace(/…$/, ""))).toBe(true);
    await last.click();
    await page.waitForURL(/passage=23/);
    expect(await page.locator("#passage-23").getAttribute("class")).toContain("current");
    expect(await last.getAttribute("aria-current")).toBe("true");
    await shot("document-passages");
    expect(errors).toEqual([]);
  }, T);
});
