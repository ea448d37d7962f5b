import { lexicon, wordList } from "../text/lexicon.js";
import { alternation, type Gender, nameAt, TITLE_AT_END, TITLE_MATCHER } from "../text/names.js";
import type { ArticlePeople, Entity, Mention } from "./mentions.js";
import type { QuotedText } from "./spans.js";
import { OWNED_BODY, opensWithUnnamed, resolveSlot, type Slot } from "./speakers.js";
import { LEADING_CONNECTIVES, VERB_MATCHER, type VerbMatch } from "./speech.js";

/**
 * Who a slot points at as the article goes on: pronouns (他/她) resolved to the most recent
 * compatible person (gender from 女士/先生 and from earlier unambiguous 她/他; the subject of a
 * sentence before its objects), zero subjects (the subject of the sentence, else the speaker going
 * on), and the last speaker, which the extraction notes as it attributes quotes in text order.
 */

/**
 * Words after which a name is the one addressed or represented (对, 向, 告诉, 代表, 替); not 问,
 * which also ends a title (高级顾问安迪‧斯拉维特).
 */
const OBJECT_MARKER = new RegExp(
  `(?:${alternation([...wordList("addressee-markers").filter((w) => w !== "问"), "代表", "替"])})$`,
);

/** A preposition right before a name: the name is its object, not a subject (从, 把, 被, 在). */
const PREPOSITION_BEFORE = /(?:[从把被跟向给让]|(?<![现正存所实好])在)$/;

/** A concessive or conditional conjunction opening a clause (尽管, 虽然, 即使, 如果). */
const SUBORDINATING = /^(?:尽管|虽然|虽|即使|即便|纵使|如果|假如|若|倘若|一旦|除非)([^,。]{0,12})$/;

/** A title written after a name, alone (博士, 女士, 总统). */
const POST_TITLE = new RegExp(
  `^(?:${alternation(lexicon("post-titles").entries.map((e) => e.term))})$`,
);

/** `拜登政府的一名高级官员`, `他的一位朋友`: someone unnamed belonging to a person or a body. */
const SOMEONE_OF = /^[^,。]{1,12}的(?:一名|一位|一个|一些|多名|多位|几名|几位|某位|某)/;

/**
 * A clause that is a passive with its agent (`遭到中共小粉红攻击`, `被网民痛批`): what follows
 * (`，指他“不爱国”`) is the agent's doing, not the subject's. `被问及` keeps the subject speaking;
 * `受到欢迎`, `遭到拒绝` name no agent.
 */
export const PASSIVE_CLAUSE = /^(?:遭到|遭|被)(?!问|询问|邀|请)[^,。]{3,}/;

/** A clause going on with the subject of the sentence (`并称`, `还说`, `也表示`). */
const CONTINUING = /^(?:并|还|也|又|则|更|同时|而且|并且|随后|接着|然后|最后|他|她)/;

/** A sentence opened by someone unnamed: `北京一位离休老干部…`, `有一名网友…`. */
const UNNAMED_OPENING =
  /^[^,。:;“”在对向给跟和与被把让从经由]{0,6}?(?:一位|一名|有位|有名|有一位|有一名|某位)[^,。:;“”]{1,12}?[,]?/;

/** What after a name makes it the owner of the subject: 的 + more, or a body (拜登政府). */
function ownsSubject(rest: string): boolean {
  return (rest.startsWith("的") && rest.length > 1) || OWNED_BODY.test(rest);
}

export interface LastSpeaker {
  entity: Entity;
  paragraph: number;
  offset: number;
  /** The speaker last spoke without quotation marks (`X说，…`). */
  reported: boolean;
}

/**
 * Stands for an unnamed speaker (一位网友, 该官员, 记者) in the mentions: the most recent subject
 * for a pronoun and the one speaking on, so that neither reaches back to a named person.
 */
export const NOBODY: Entity = {
  canonical: "",
  key: "",
  forms: new Set(),
  english: new Set(),
  gender: undefined,
  genderSure: false,
  fullForms: new Set(),
};

export class Discourse {
  private lastSpeaker: LastSpeaker | undefined;
  /** Bumped each time an unnamed speaker takes over. */
  silenced = 0;

  constructor(
    private readonly text: QuotedText,
    private readonly people: ArticlePeople,
  ) {}

  /** The most recent compatible person before (paragraph, offset). */
  resolvePronoun(paragraph: number, offset: number, gender: Gender, depth = 0): Entity | undefined {
    // `她在脸书悼念老友，并对刺杀安倍的凶手感到愤怒。她写道`: a sentence that names no one
    // before the pronoun, after a sentence whose first reference is the same pronoun, goes on
    // with that pronoun's person (not with a name the other sentence holds as an object).
    // The pronoun must be the subject of that sentence's first clause.
    // `北京一位离休老干部也…表示不愿接种，他说`: the sentence opened with someone unnamed and
    // names no one before the pronoun, which points at that unnamed person.
    const sentence = this.text.sentenceStart(paragraph, offset);
    const head = (this.text.folded[paragraph] as string).slice(sentence, offset);
    if (UNNAMED_OPENING.test(head) && !this.mentionIn(paragraph, sentence, offset))
      return undefined;
    if (depth < 4) {
      const chain = this.chainedPronoun(paragraph, offset, gender);
      if (chain) return this.resolvePronoun(chain[0], chain[1], gender, depth + 1);
    }
    // Candidates sentence by sentence, most recent sentence first; within a sentence the subject
    // (the first name) before the others (`麦克阿瑟…对总统艾森豪提出…。他说` → 麦克阿瑟).
    const sentences: { key: string; mentions: Mention[] }[] = [];
    const mentions = this.people.mentions;
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i] as Mention;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.offset >= offset)) continue;
      if (m.paragraph < paragraph - 4) break;
      // A name inside someone's quoted words is spoken about, not the one speaking next.
      if (!m.speaker && this.text.isQuoted(m.paragraph, m.offset)) continue;
      // A possessive (安倍的讲话是…) names whose words are talked about, not a subject.
      if (!m.speaker && this.possessiveAt(m)) continue;
      // The one spoken to or for (对拜登, 代表蔡英文总统) is an object, not the subject.
      if (!m.speaker && this.objectAt(m)) continue;
      // A name after a preposition (从赵勇三人的遭遇, 把王某带走) is no subject either.
      if (!m.speaker && this.prepositionAt(m)) continue;
      // `尽管习近平…，但两国的关系…`: the subject of a concessive or conditional clause whose
      // sentence goes on without a pronoun for them is talked about, not the one speaking next.
      if (!m.speaker && this.subordinateSubjectAt(m)) continue;
      const key = `${m.paragraph}:${this.text.sentenceStart(m.paragraph, m.offset)}`;
      const current = sentences[sentences.length - 1];
      if (current && current.key === key) current.mentions.unshift(m);
      else sentences.push({ key, mentions: [m] });
    }
    const window: Entity[] = [];
    for (const sentence of sentences)
      for (const m of sentence.mentions) if (!window.includes(m.entity)) window.push(m.entity);
    const compatible = window.filter((e) => e.gender === undefined || e.gender === gender);
    const nearest = compatible[0];
    // The nearest compatible person, subjects before objects, even where a woman named further
    // back is known as one: 她 after `赵玉敏说，…。` is 赵玉敏, not a 丁晓霞 of an earlier section.
    // After someone unnamed (`医生办公室打电话说，…问她`) 她 still goes back to a woman named before.
    const chosen =
      nearest === NOBODY && gender === "f"
        ? (compatible.find((e) => e.gender === "f") ?? nearest)
        : nearest;
    if (chosen === NOBODY) return undefined;
    if (chosen && compatible.length === 1 && !chosen.gender) chosen.gender = gender;
    return chosen;
  }

  /** The pronoun opening the sentence before the one at `offset`, when it chains (above). */
  private chainedPronoun(
    paragraph: number,
    offset: number,
    gender: Gender,
  ): [number, number] | undefined {
    const pronoun = gender === "f" ? "她" : "他";
    const start = this.text.sentenceStart(paragraph, offset);
    if (this.mentionIn(paragraph, start, offset)) return undefined;
    let p = paragraph;
    let end = start;
    if (start === 0) {
      p = paragraph - 1;
      if (p < 0) return undefined;
      end = (this.text.folded[p] as string).length;
    }
    const text = this.text.folded[p] as string;
    const from = this.text.sentenceStart(p, Math.max(0, end - 1));
    for (let i = from; i < end; i++) {
      if (this.text.isQuoted(p, i)) continue;
      if (text[i] === "他" || text[i] === "她") {
        if (text[i] !== pronoun || /[们的人]/.test(text[i + 1] ?? "")) return undefined;
        // Only a subject: the pronoun opens its clause (`随后，她在脸书…`, not `记者见到她`).
        const clause = this.text.clauseStart(p, i);
        const lead = LEADING_CONNECTIVES.exec(text.slice(clause, i + 1))?.[0].length ?? 0;
        if (clause + lead !== i) return undefined;
        return this.mentionIn(p, from, i) ? undefined : [p, i];
      }
    }
    return undefined;
  }

  /** Whether a person is mentioned (outside quotations) in [from, to) of a paragraph. */
  private mentionIn(paragraph: number, from: number, to: number): boolean {
    return this.people.mentions.some(
      (m) =>
        m.paragraph === paragraph &&
        m.offset >= from &&
        m.offset < to &&
        (m.speaker || !this.text.isQuoted(m.paragraph, m.offset)),
    );
  }

  private objectAt(m: Mention): boolean {
    const text = this.text.folded[m.paragraph] as string;
    return OBJECT_MARKER.test(text.slice(Math.max(0, m.offset - 4), m.offset));
  }

  /**
   * The person named as the agent of a passive (被 or 遭 and, within a title's length, a known
   * name) in the clause [from, to), if any.
   */
  private passiveAgent(paragraph: number, from: number, to: number): Entity | undefined {
    const text = this.text.folded[paragraph] as string;
    const marker = /(?:被|遭到?)(?!问|询问|邀|请)/.exec(text.slice(from, to));
    if (!marker) return undefined;
    const after = from + marker.index + marker[0].length;
    for (const m of this.people.mentions) {
      if (m.paragraph !== paragraph || m.offset < after || m.offset >= to) continue;
      if (m.offset - after > 12 || this.text.isQuoted(paragraph, m.offset)) break;
      return m.entity;
    }
    // `被副总编辑段静涛实名举报`: a titled agent the detector did not read is someone all the same.
    const title = TITLE_MATCHER.matchAll(text.slice(after, Math.min(to, after + 12))).next();
    return title.done ? undefined : NOBODY;
  }

  private subordinateSubjectAt(m: Mention): boolean {
    const text = this.text.folded[m.paragraph] as string;
    const clause = this.text.clauseStart(m.paragraph, m.offset);
    const opening = SUBORDINATING.exec(text.slice(clause, m.offset));
    // The name right after the conjunction, or after a title (尽管美国总统拜登…).
    const title = opening?.[1] ?? "";
    if (!opening || (title !== "" && !TITLE_AT_END.test(title))) return false;
    const end = this.text.sentenceEnd(m.paragraph, m.offset);
    for (let i = m.offset; i < end; i++)
      if ((text[i] === "他" || text[i] === "她") && !this.text.isQuoted(m.paragraph, i))
        return false;
    return true;
  }

  private prepositionAt(m: Mention): boolean {
    const text = this.text.folded[m.paragraph] as string;
    return PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.offset - 3), m.offset));
  }

  private possessiveAt(m: Mention): boolean {
    const text = this.text.folded[m.paragraph] as string;
    for (const form of [m.entity.canonical, ...m.entity.forms]) {
      if (text.startsWith(form, m.offset)) return text[m.offset + form.length] === "的";
    }
    return false;
  }

  speakerOf(paragraph: number, slot: Slot, verbAt: number, depth = 0): Entity | undefined {
    switch (slot.kind) {
      case "person":
        return slot.entity;
      case "pronoun":
        return this.resolvePronoun(paragraph, slot.offset, slot.gender);
      case "none":
        return undefined;
      case "zero": {
        const text = this.text;
        // `…，工作人员找到他们，说…`: the clause right before, opened by someone unnamed, gives
        // the subject (not `X表示，官员们…，并称`, where 并 goes on with X).
        const clauseStart = text.clauseStart(paragraph, verbAt);
        const own = (text.folded[paragraph] as string).slice(clauseStart, verbAt);
        if (clauseStart > 0 && !CONTINUING.test(own.replace(LEADING_CONNECTIVES, ""))) {
          const previousStart = text.clauseStart(paragraph, clauseStart - 1);
          const previous = (text.folded[paragraph] as string).slice(previousStart, clauseStart);
          if (
            previousStart >= text.sentenceStart(paragraph, verbAt) &&
            !text.isQuoted(paragraph, previousStart) &&
            (opensWithUnnamed(this.people, previous) ||
              PASSIVE_CLAUSE.test(previous.replace(LEADING_CONNECTIVES, "")))
          )
            return undefined;
          // `胡锡进被副总编辑段静涛实名举报，称其“…”`: after a passive naming its agent, the
          // words are the agent's, not the subject's.
          if (previousStart >= text.sentenceStart(paragraph, verbAt)) {
            const agent = this.passiveAgent(paragraph, previousStart, clauseStart);
            if (agent) return agent === NOBODY ? undefined : agent;
          }
        }
        // The subject of an earlier speech verb in the same sentence (`X表示，…，并称“…”`).
        if (depth === 0) {
          const start = text.sentenceStart(paragraph, verbAt);
          let last: VerbMatch | undefined;
          for (const verb of text.verbs[paragraph] as VerbMatch[]) {
            if (verb.index < start || verb.index >= verbAt) continue;
            if (text.isQuoted(paragraph, verb.index)) continue;
            if (text.clauseStart(paragraph, verb.index) === verbAt) continue;
            last = verb;
          }
          if (last) {
            const clauseStart = text.clauseStart(paragraph, last.index);
            const earlier = resolveSlot(text, this.people, paragraph, clauseStart, last.index);
            if (earlier.kind !== "zero") return this.speakerOf(paragraph, earlier, last.index, 1);
          }
        }
        // The subject of the sentence (`赖清德在推特上发布了…照片，并用英文写道：`).
        const subject = this.sentenceSubject(paragraph, verbAt);
        if (subject) return subject;
        // `还说：“…”` opening a sentence: the speaker goes on. After other material (`北京疾控中心
        // 发布通告，要求“…”`) the subject is someone or something unnamed.
        const sentenceStart = text.sentenceStart(paragraph, verbAt);
        if (text.clauseStart(paragraph, verbAt) !== sentenceStart) return undefined;
        if (this.lastSpeaker && this.lastSpeaker.paragraph >= paragraph - 2)
          return this.lastSpeaker.entity;
        return undefined;
      }
    }
  }

  /**
   * The subject of the clauses before `offset` in its sentence, nearest clause first: a pronoun or
   * a known name opening a clause (`麦克阿瑟极为震惊，消沉地宣布“…”`, `他沉默了片刻，然后…温柔地说`).
   */
  sentenceSubject(paragraph: number, offset: number): Entity | undefined {
    const sentenceStart = this.text.sentenceStart(paragraph, offset);
    const text = this.text.folded[paragraph] as string;
    let clauseEnd = this.text.clauseStart(paragraph, offset) - 1;
    while (clauseEnd > sentenceStart) {
      const start = this.text.clauseStart(paragraph, clauseEnd);
      if (this.text.isQuoted(paragraph, start)) {
        clauseEnd = start - 1;
        continue;
      }
      const clause = text.slice(start, clauseEnd);
      const lead = LEADING_CONNECTIVES.exec(clause)?.[0].length ?? 0;
      const opening = clause.slice(lead);
      // `工作人员发现是带星的，就说`: someone unnamed is the subject; so is someone of a named
      // person's (`拜登政府的一名高级官员，…说`).
      if (opensWithUnnamed(this.people, opening) || SOMEONE_OF.test(opening)) return undefined;
      if (PASSIVE_CLAUSE.test(opening)) return undefined;
      if (
        (opening[0] === "他" || opening[0] === "她") &&
        opening[1] !== "们" &&
        opening[1] !== "人" &&
        opening[1] !== "的"
      ) {
        return this.resolvePronoun(paragraph, start + lead, opening[0] === "她" ? "f" : "m");
      }
      for (const m of this.people.mentions) {
        if (m.paragraph !== paragraph || m.offset < start || m.offset >= clauseEnd) continue;
        const before = text.slice(start + lead, m.offset);
        // `拜登政府的一名高级官员，…说`: the name owns the subject, it is not the subject.
        const name = this.people.aliasAtStartOf(text, m.offset);
        if (name && ownsSubject(text.slice(m.offset + name.length, clauseEnd))) return undefined;
        if (before.length <= 8 && !/[在对向给跟同和与]/.test(before))
          return m.entity === NOBODY ? undefined : m.entity;
        // A clause that is only a titled name (`…专家莎拉‧陈（Sarah Chan）博士，在…时表示`).
        // Not the object of a verb (`还直接喊话国务院总理李克强，要求“…”`).
        if (
          m.entity !== NOBODY &&
          before.length <= 24 &&
          !/[在对向给跟同和与]/.test(before) &&
          VERB_MATCHER.matchAll(before).next().done === true &&
          this.bareName(text.slice(m.offset, clauseEnd), m.entity)
        )
          return m.entity;
        break;
      }
      // A clause opened by a name nobody registered (`王毅却大谈…，还称“…”`) has a subject of its
      // own: an earlier clause's person is not the speaker.
      if (nameAt(opening, 0) >= 2 && !this.people.aliasAtStart(opening, 0)) return undefined;
      clauseEnd = start - 1;
    }
    return undefined;
  }

  /** Whether `clause` is the entity's name and nothing but a bracket and a title after it. */
  private bareName(clause: string, entity: Entity): boolean {
    for (const form of [entity.key, ...this.people.aliasList]) {
      if (this.people.entityByAlias(form) !== entity && form !== entity.key) continue;
      if (!clause.startsWith(form)) continue;
      const rest = clause
        .slice(form.length)
        .replace(/^\([^()]*\)/, "")
        .trim();
      if (rest === "" || (rest.length <= 4 && TITLE_AT_END.test(rest)) || POST_TITLE.test(rest))
        return true;
    }
    return false;
  }

  noteSpeaker(paragraph: number, offset: number, entity: Entity, reported = false): void {
    this.lastSpeaker = { entity, paragraph, offset, reported };
    this.people.addMention(paragraph, offset, entity, true);
  }

  /** An unnamed person or a group speaks at (paragraph, offset): nobody is speaking on. */
  noteNobody(paragraph: number, offset: number): void {
    this.lastSpeaker = undefined;
    this.silenced++;
    this.people.addMention(paragraph, offset, NOBODY, true);
  }

  currentSpeaker(): LastSpeaker | undefined {
    return this.lastSpeaker;
  }

  /** Whether someone other than `entity` is named between two offsets of a paragraph. */
  otherMentionBetween(paragraph: number, from: number, to: number, entity: Entity): boolean {
    // Someone else opening a sentence in between takes over; names inside the reported words do not.
    const text = this.text.folded[paragraph] as string;
    for (const m of this.people.mentions) {
      if (m.paragraph !== paragraph || m.offset <= from || m.offset >= to || m.entity === entity)
        continue;
      const start = this.text.sentenceStart(paragraph, m.offset);
      const before = text.slice(start, m.offset);
      if (start > from && before.length <= 8 && !/[,:]/.test(before)) return true;
    }
    for (let i = from + 1; i < to; i++) {
      if (
        (text[i] === "他" || text[i] === "她") &&
        !this.text.isQuoted(paragraph, i) &&
        text[i + 1] !== "们"
      ) {
        // A pronoun of the other gender points at someone else.
        const g: Gender = text[i] === "她" ? "f" : "m";
        if (entity.gender && entity.gender !== g) return true;
      }
    }
    return false;
  }
}
