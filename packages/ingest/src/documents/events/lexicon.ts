// The words that state an event, in English and Persian, by event type. A sentence may hold several: the most
// specific wins (an agreement signed at a summit is the signing), in the order of TRIGGERS.
import type { EventType } from "@diplograph/model";

export interface Trigger {
  type: EventType;
  /** Matched on the sentence (case-insensitive for Latin script); the match is the proposal's trigger span. */
  pattern: RegExp;
  /** Whether the trigger's grammatical subject performs it (active voice), or the agent follows "by" (passive). */
  voice?: "active" | "passive";
}

// \b does not see Persian letters as word characters: Persian patterns use explicit boundaries.
const FA_START = "(?<![\\p{L}\\p{M}])";
const FA_END = "(?![\\p{L}\\p{M}])";
const fa = (body: string): RegExp => new RegExp(`${FA_START}(?:${body})${FA_END}`, "u");
const en = (body: string): RegExp => new RegExp(`\\b(?:${body})\\b`, "iu");

/** In order of precedence: the first type with a match in a sentence is the sentence's event type. */
export const TRIGGERS: readonly Trigger[] = [
  { type: "ratification", pattern: en("ratif(?:ied|ies|y|ying|ication)") },
  { type: "ratification", pattern: fa("به[\\s\\u200c]+تصویب[\\s\\u200c]+(?:رسید|رساند)|تصویب[\\s\\u200c]+(?:کرد|کردند|شد|نمود)|تصویب[\\s\\u200c]*نامه") },
  { type: "agreement-signed", pattern: en("signed|signing|sign(?:s)?|concluded (?:an?|the) (?:agreement|treaty|memorandum|accord|deal)"), voice: "active" },
  { type: "agreement-signed", pattern: fa("امضا[\\s\\u200c]*(?:کرد|کردند|شد|شده|نمود|نمودند|رسید|رساندند)|به[\\s\\u200c]+امضا[\\s\\u200c]+رسید|امضای") },
  { type: "accession", pattern: en("join(?:ed|s|ing)?|acce(?:ded|ssion)|admi(?:tted|ssion)|became (?:a |an )?(?:full |associate |permanent )?(?:member|observer)|(?:granted|approved|accepted|obtained|gained)[\\w\\s'’]{0,40}? (?:membership|observer status)|membership[\\w\\s'’]{0,60}? (?:was |were )?(?:approved|accepted|granted)"), voice: "active" },
  { type: "accession", pattern: fa("به[\\s\\u200c]+عضویت[\\s\\u200c]+\\S+[\\s\\u200c]+درآمد|عضویت[\\s\\u200c]+\\S+(?:[\\s\\u200c]+\\S+){0,4}[\\s\\u200c]+(?:(?:پذیرفته|تصویب|تأیید|تایید)[\\s\\u200c]*شد|(?:را[\\s\\u200c]+)?(?:پذیرفت|پذیرفتند|تصویب[\\s\\u200c]*کرد|تصویب[\\s\\u200c]*کردند|تأیید[\\s\\u200c]*کرد|تایید[\\s\\u200c]*کرد))|ملحق[\\s\\u200c]+شد|پیوست|پیوستند") },
  { type: "ruling", pattern: en("verdict|ruled|ruling|sentenced|convicted|acquitted|court (?:decided|found|ordered)") },
  { type: "ruling", pattern: fa("حکم|رأی[\\s\\u200c]+دادگاه|رای[\\s\\u200c]+دادگاه|محکوم[\\s\\u200c]+(?:کرد|شد)") },
  { type: "summit", pattern: en("summits?|(?:conference|meeting|session)s? of (?:the )?(?:heads|leaders)") },
  { type: "summit", pattern: fa("اجلاس[\\s\\u200c]+سران|نشست[\\s\\u200c]+سران|همایش[\\s\\u200c]+سران|اجلاس") },
  { type: "mediation", pattern: en("mediat(?:ion|ed|es|ing|or|ors)") },
  { type: "mediation", pattern: fa("میانجی[\\s\\u200c]*گری|میانجی|وساطت") },
  { type: "congress", pattern: en("(?:party )?congress(?:es)?(?= (?:of|was|were|held|in)\\b)") },
  { type: "congress", pattern: fa("کنگره") },
  { type: "visit", pattern: en("visit(?:ed|s|ing)?|arrived in|arrival in|trip to|travell?ed to"), voice: "active" },
  { type: "visit", pattern: fa("سفر|بازدید|وارد[\\s\\u200c]+\\S+[\\s\\u200c]+شد") },
  { type: "meeting", pattern: en("met|meetings?|talks|conferences?|consultations|conferred"), voice: "active" },
  { type: "meeting", pattern: fa("دیدار|ملاقات|نشست|گفت[\\s\\u200c]*و[\\s\\u200c]*گو|گفتگو|رایزنی|کنفرانس|همایش") },
  { type: "negotiation", pattern: en("negotiat(?:ions?|ed|ing)") },
  { type: "negotiation", pattern: fa("مذاکره|مذاکرات") },
  { type: "founding", pattern: en("(?:was|were|had been) (?:formed|founded|established|created|set up|launched)|(?:formed|founded|established|created|set up) (?:in|on) (?=[\\d۰-۹]|(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b)|formation of|founding of|establishment of"), voice: "passive" },
  { type: "founding", pattern: fa("تأسیس|تاسیس|تشکیل[\\s\\u200c]+(?:شد|شده|گردید|داد|دادند)") },
  { type: "diplomatic-recognition", pattern: en("(?:established|restored|resumed|opened) (?:full |formal )?(?:diplomatic relations|relations|embass(?:y|ies)|missions?)|(?:missions?|embass(?:y|ies)) (?:\\w+ )?(?:were|was) opened") },
  { type: "diplomatic-recognition", pattern: fa("برقراری[\\s\\u200c]+روابط|بازگشایی[\\s\\u200c]+سفارت") },
  { type: "relations-reduced", pattern: en("(?:cut(?:ting)?|sever(?:ed|ing)|br(?:oke|eaking)) (?:off )?(?:its |all |diplomatic |the )*(?:relations|ties)") },
  { type: "relations-reduced", pattern: fa("قطع[\\s\\u200c]+روابط") },
  { type: "sanction", pattern: en("boycott(?:ed|ing)?|embargo(?:ed)?|sanctions? (?:on|against)|impos(?:ed|ing) sanctions") },
  { type: "sanction", pattern: fa("تحریم") },
  { type: "resolution", pattern: en("resolution (?:\\d+ )?(?:was )?(?:adopted|passed)|adopted (?:a |the )?resolution|acceptance of (?:the )?resolution") },
  { type: "resolution", pattern: fa("قطعنامه") },
  { type: "invitation", pattern: en("invit(?:ed|ation)") },
  { type: "invitation", pattern: fa("دعوت") },
  { type: "message", pattern: en("message|letter") },
  { type: "message", pattern: fa("پیام|نامه") },
  { type: "statement", pattern: en("announced|declared|stated|proclaimed|condemned|asked|called (?:on|for|upon)|issued (?:a |the )?(?:statement|declaration)|appointed|appointing"), voice: "active" },
  { type: "statement", pattern: fa("اعلام[\\s\\u200c]+(?:کرد|کردند|شد|نمود)|بیانیه|محکوم[\\s\\u200c]+کرد|منصوب") },
];

/**
 * A phrase that sets a scene before the event ("after the victory of the revolution in February 1979,"): a date or
 * actor inside it belongs to another event, so it is neither the proposal's date nor one of its participants.
 */
export const BACKGROUND = /\b(?:after|following|before|since|prior to|until|in the wake of|at the end of)\b/iu;
export const BACKGROUND_FA = /(?<![\p{L}\p{M}])(?:پس[\s\u200c]+از|بعد[\s\u200c]+از|قبل[\s\u200c]+از|پیش[\s\u200c]+از|به[\s\u200c]+دنبال|در[\s\u200c]+پی)(?![\p{L}\p{M}])/u;

/** Words just before an actor mention that give its role. */
export const ROLE_CUES: ReadonlyArray<{ role: "host" | "delegation-head" | "mediator" | "guest" | "recipient" | "organiser" | "signatory"; before: RegExp }> = [
  { role: "host", before: /(?:hosted by|at the invitation of|held in|takes? place in|took place in|in the capital of|visit(?:ed|s)? to|visit(?:ed|s|ing)?|arrived in|trip to|travell?ed to)\s+(?:the\s+)?$/iu },
  { role: "host", before: /(?:به[\s\u200c]+میزبانی|در[\s\u200c]+پایتخت|سفر[\s\u200c]+به|به[\s\u200c]+دعوت)[\s\u200c]+$/u },
  { role: "delegation-head", before: /(?:headed by|led by|under the leadership of)\s+(?:the\s+)?(?:\w+\s+){0,3}$/iu },
  { role: "delegation-head", before: /(?:به[\s\u200c]+ریاست|به[\s\u200c]+سرپرستی)[\s\u200c]+$/u },
  { role: "mediator", before: /(?:mediation of|mediated by|with the mediation of)\s+(?:the\s+)?$/iu },
  { role: "mediator", before: /(?:میانجی[\s\u200c]*گری|وساطت)[\s\u200c]+$/u },
  { role: "signatory", before: /signed by\s+(?:the\s+)?(?:\w+\s+){0,3}$/iu },
  { role: "recipient", before: /(?:message|letter|sent)\s+(?:\w+\s+){0,3}to\s+(?:the\s+)?$/iu },
];
