//! Classifying actions and linking them to places, recall first.
//!
//! In: the text, its sentences and place mentions. Out: [`Linked`]: the [`Event`]s (one per
//! (action, place) mention pair the text supports, each with the [`Rule`] that linked them and a
//! confidence), the mentions left out as background with the [`Background`] filter that dropped
//! each, and the bare mentions folded into a more specific action of their country.
//!
//! Every place mention (country, short form, demonym, agency, city, region) is a candidate
//! event. It leaves only through a named background filter; otherwise it becomes the action a
//! cue of its clause links it to, and else `participation` with rule `mention` and a confidence
//! below every cue-linked event. A country with a specific action gets no separate
//! participation event from a bare mention. See DESIGN.md for the reasons.
//!
//! The stages, one module each:
//! 1. `tokens`: words and clauses. A sentence is cut into clauses at conjunctions that join
//!    independent statements ("while", "whereas", "as", "but", "after", "before", "when", ";"):
//!    "servers were seized in A, while raids were conducted in B as C targeted its domains" is
//!    three clauses.
//! 2. `lexicon`: the words the rules read, from `lexicon/en.tsv` (embedded): action cues (verbs
//!    and nouns: seized, raids, arrested, took down, coordinated by, joint operation, …) and
//!    the word lists of the frames below.
//! 3. `cues`: the cues of a sentence, with the frames a word list cannot say: a present
//!    participle only after "be" ("have been disrupting"), "targeted" and other takedowns only of
//!    infrastructure (not of people or criminal groups), an executed search warrant, a noun after
//!    a light verb ("made arrests"). A cue after a negation or a modal in its clause is dropped.
//! 4. [`background`]: the named filters ([`Background`]): nationality, affiliation, route,
//!    wanted-by, hosting, target, crime scene, gathering, dateline, reference point, earlier
//!    operation, negation, hypothetical, restatement.
//! 5. `link`: each list of places ("in the Netherlands, Canada and the US") links to a cue of its
//!    clause by the first rule of an ordered table that fits: fronted place, passive agent, cue
//!    in place, subject, object or nominal (a participation or coordination noun), enumeration,
//!    same clause; then the clause-cue fallback (the one free specific action of the clause).
//!    A purpose infinitive, a "where" clause and a result add their actions.
//! 6. `refer`: pointing back: "all the countries involved", "these countries", "both countries"
//!    stand for the countries named before; a sentence with no place that opens with "This
//!    seizure …" carries its actions to the places of the sentence before.
//! 7. Items of a list under a heading that ends with ":" and holds a cue (bullet lines, or the
//!    line right after it) take the heading's cue.

pub mod background;
pub(crate) mod cues;
pub(crate) mod lexicon;
pub(crate) mod link;
pub(crate) mod refer;
pub(crate) mod tokens;

pub(crate) use background::Background;

use crate::action::Action;
use crate::gazetteer::{Form, Gazetteer, PlaceId};
use crate::places::Mention;
use crate::sentences::Sentence;
use crate::span::Span;
use cues::Cue;
use lexicon::{class, CueKind};
use link::ListInClause;
use tokens::{clause_starts, token_at, tokenize};

/// The rule that linked an action to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The place is the agent of a passive cue: "coordinated by Europol".
    PassiveAgent,
    /// The place opens its clause and is set off by a comma: "In Spain, police seized … and
    /// arrested …" (every cue of the clause happened there).
    FrontedPlace,
    /// The place follows a cue and a place preposition: "seized in the Netherlands".
    CueInPlace,
    /// The place is the subject of a verb cue: "the UK targeted its domains".
    Subject,
    /// The place is the object of a participation verb: "involving the Dutch police".
    Object,
    /// The place is named after a participation or coordination noun: "a joint investigation
    /// team between France and the US", "a joint operation by the FBI", "with the
    /// coordination of Europol".
    Nominal,
    /// The place is in a list introduced after a participation word: "countries participating
    /// in the operation include: A, B", "participants included X; Y; Z".
    Enumeration,
    /// A purpose infinitive right after the place: "actions in A and B to take down X".
    Purpose,
    /// A result of the place's action: "searched in A, resulting in the arrest of B".
    Consequence,
    /// A verb cue next to the place in the same clause.
    SameClause,
    /// The one specific action stated in the place's clause, wherever its cue stands.
    ClauseCue,
    /// A sentence with no place that points back to the action before it ("This seizure led
    /// to the arrest of two people"): its actions happened at the places of that sentence.
    CarryOver,
    /// No cue links the place, and no background filter drops it: the article names it, so
    /// it took part (`participation`, with a lower confidence than any cue-linked event).
    Mention,
}

impl Rule {
    /// Every rule, in the order of the table above.
    pub const ALL: [Rule; 13] = [
        Rule::PassiveAgent,
        Rule::FrontedPlace,
        Rule::CueInPlace,
        Rule::Subject,
        Rule::Object,
        Rule::Nominal,
        Rule::Enumeration,
        Rule::Purpose,
        Rule::Consequence,
        Rule::SameClause,
        Rule::ClauseCue,
        Rule::CarryOver,
        Rule::Mention,
    ];

    /// The name used in the `reason` property.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Rule::PassiveAgent => "passive-agent",
            Rule::FrontedPlace => "fronted-place",
            Rule::CueInPlace => "cue-in-place",
            Rule::Subject => "subject",
            Rule::Object => "object",
            Rule::Nominal => "nominal",
            Rule::Enumeration => "enumeration",
            Rule::Purpose => "purpose",
            Rule::Consequence => "consequence",
            Rule::SameClause => "same-clause",
            Rule::ClauseCue => "clause-cue",
            Rule::CarryOver => "carry-over",
            Rule::Mention => "mention",
        }
    }

    fn base_confidence(self) -> f64 {
        match self {
            Rule::PassiveAgent => 0.92,
            Rule::FrontedPlace => 0.85,
            Rule::CueInPlace => 0.9,
            Rule::Subject => 0.85,
            Rule::Object => 0.8,
            Rule::Nominal => 0.8,
            Rule::Enumeration => 0.8,
            Rule::Purpose => 0.8,
            Rule::Consequence => 0.7,
            Rule::SameClause => 0.5,
            Rule::ClauseCue => 0.45,
            Rule::CarryOver => 0.5,
            Rule::Mention => MENTION_CONFIDENCE,
        }
    }
}

/// The confidence of a `mention` event (before the place form's factor): below every
/// cue-linked event, whose confidence is at least [`LINKED_FLOOR`].
pub(crate) const MENTION_CONFIDENCE: f64 = 0.3;

/// The lowest confidence of an event that a cue links to its place.
pub(crate) const LINKED_FLOOR: f64 = 0.35;

/// An action at a place, with its evidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Event {
    /// What happened.
    pub action: Action,
    /// Where (the place the mention names).
    pub place: PlaceId,
    /// Index of the evidence sentence.
    pub sentence: usize,
    /// The place mention's words.
    pub mention: Span,
    /// The action cue's words.
    pub cue: Span,
    /// The rule that linked them.
    pub rule: Rule,
    /// 0–1: how strong the evidence is.
    pub confidence: f64,
}

/// A place mention that produced no event, and the filter that dropped it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dropped {
    /// The mention's words in the article.
    pub mention: Span,
    /// The place it names.
    pub place: PlaceId,
    /// Index of its sentence.
    pub sentence: usize,
    /// The background filter that dropped it.
    pub filter: Background,
}

/// What linking found in an article: the events and the mentions left out as background.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Linked {
    /// Actions linked to places, in text order.
    pub events: Vec<Event>,
    /// Mentions dropped by a background filter, in text order.
    pub dropped: Vec<Dropped>,
    /// `participation` events of bare mentions ([`Rule::Mention`]) left out because their
    /// country has a more specific action (seizure, raid, arrest, takedown or coordination).
    pub folded: Vec<Event>,
}

/// A mention with its token range in its sentence.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    /// The mention (for a phrase that points back, one standing for the first country).
    pub mention: &'a Mention,
    /// True for a phrase that points back to the countries named before ("these countries").
    pub anaphor: bool,
    /// Token index of its first word.
    pub first: usize,
    /// Token index of its last word.
    pub last: usize,
}

/// Links actions to places in every sentence.
pub fn link(
    gazetteer: &Gazetteer,
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Linked {
    let mut linked = Linked::default();
    let headed = cues::heading_cues(text, sentences);
    // Mentions come in text order: take each sentence's run of them, and tokenize only the
    // sentences that have one or may point back to countries already named (linear in the
    // text, not sentences × mentions).
    let mut here: Vec<&Mention> = Vec::new();
    let mut lower = String::new();
    let mut k = 0;
    // The countries named so far, kept up to date as events are added (one pass over them).
    let mut named = TakingPart::default();
    let may_refer = refer::may_refer(text, sentences);
    for (sentence, &may_refer) in sentences.iter().zip(&may_refer) {
        here.clear();
        while k < mentions.len() && mentions[k].sentence < sentence.index {
            k += 1;
        }
        while k < mentions.len() && mentions[k].sentence == sentence.index {
            here.push(&mentions[k]);
            k += 1;
        }
        let taking_part: &[PlaceId] = if may_refer {
            named.update(gazetteer, &linked.events)
        } else {
            &[]
        };
        if here.is_empty() && taking_part.is_empty() {
            let frame = sentence
                .index
                .checked_sub(1)
                .and_then(|p| framing_place(text, &sentences[p], sentence, &linked.events));
            if frame.is_some() || refer::may_carry_over(sentence.span.of(text)) {
                carry_over(
                    gazetteer,
                    text,
                    sentence,
                    frame,
                    &mut lower,
                    &mut linked.events,
                );
            }
            continue;
        }
        let heading = headed.get(&sentence.index).copied();
        let here = Here {
            mentions: &here,
            taking_part,
            previous: sentence.index.checked_sub(1).map(|p| &sentences[p]),
        };
        link_sentence(
            gazetteer,
            text,
            sentence,
            &here,
            heading,
            &mut lower,
            &mut linked,
        );
    }
    // An international body (Europol, Eurojust, INTERPOL) exists to coordinate national
    // forces: the support it gives ("Europol supported the investigation") is coordination.
    for e in &mut linked.events {
        if e.action == Action::Participation && gazetteer.is_international(e.place) {
            e.action = Action::Coordination;
        }
    }
    fold_participation(gazetteer, &mut linked);
    linked
}

/// One line telling how many mentions were left out as background and by which filters:
/// "3 places left out as background: nationality 2, route 1" (`None` when none was).
pub fn left_out_summary(dropped: &[Dropped]) -> Option<String> {
    if dropped.is_empty() {
        return None;
    }
    let counts: Vec<String> = Background::ALL
        .iter()
        .filter_map(|filter| {
            let n = dropped.iter().filter(|d| d.filter == *filter).count();
            (n > 0).then(|| format!("{filter} {n}"))
        })
        .collect();
    let n = dropped.len();
    Some(format!(
        "{n} place{} left out as background: {}",
        if n == 1 { "" } else { "s" },
        counts.join(", ")
    ))
}

/// A country with a specific action gets no separate `participation` event from a bare mention:
/// such events move to [`Linked::folded`]. (A cue that states participation, "Spain took part",
/// keeps its event; so does a bare mention that a later rule made specific, such as an
/// international body's mention read as coordination: it is itself the specific action.) An
/// action carried over from the sentence before does not count: carried to countries named only
/// as taking part ("… agents from Albania and Serbia. The results include the seizure of 310
/// firearms"), it is the group's result, and their taking part is what the article states.
fn fold_participation(gazetteer: &Gazetteer, linked: &mut Linked) {
    let country = |e: &Event| gazetteer.place(e.place).country.as_str();
    // An international body's action (Europol's coordination, seated in the Netherlands) is
    // not its host country's: it folds nothing of that country's.
    let specific: rustc_hash::FxHashSet<&str> = linked
        .events
        .iter()
        .filter(|e| e.action != Action::Participation && !gazetteer.is_international(e.place))
        .filter(|e| e.rule != Rule::CarryOver)
        .map(country)
        .collect();
    if specific.is_empty() {
        return;
    }
    let (folded, kept): (Vec<Event>, Vec<Event>) = std::mem::take(&mut linked.events)
        .into_iter()
        .partition(|e| {
            e.rule == Rule::Mention
                && e.action == Action::Participation
                && specific.contains(country(e))
        });
    linked.events = kept;
    linked.folded = folded;
}

/// The event of the place that opens `previous` as its frame ("In Nederland zijn …", "In the
/// Netherlands, police …": only place prepositions and articles before it), when `sentence`
/// follows it in the same paragraph (no line break between them).
fn framing_place(
    text: &str,
    previous: &Sentence,
    sentence: &Sentence,
    events: &[Event],
) -> Option<Event> {
    if text
        .get(previous.span.end..sentence.span.start)?
        .contains('\n')
    {
        return None;
    }
    let first = events
        .iter()
        .rev()
        .take_while(|e| e.sentence == previous.index)
        // Its own places (a carried event keeps the mention of the sentence it came from).
        .filter(|e| e.mention.start >= previous.span.start && e.rule != Rule::CarryOver)
        .min_by_key(|e| e.mention.start)?;
    let lexicon = lexicon::current();
    let lead: Vec<String> = text
        .get(previous.span.start..first.mention.start)?
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let word = |w: &String| lexicon.gloss(w).unwrap_or(w.as_str()).to_string();
    let opens = lead
        .first()
        .is_some_and(|w| lexicon.class_of(w) & lexicon::class::PLACE_PREPOSITION != 0)
        && lead.len() <= 2
        && lead.iter().skip(1).all(|w| word(w) == "the");
    opens.then_some(*first)
}

/// A sentence with no place of its own that opens by pointing back to the action before it
/// ("This seizure and further investigations led to the arrest of two people") states its
/// specific actions at the places of the sentence before. One that opens with a word standing
/// for an action told before states them at that action's places: "Dabei wurden …
/// sichergestellt" (the specific actions of the sentence before), "During the searches, …"
/// (the last searches, up to three sentences back). One that opens with a locative pro-form
/// ("Daar kon de bestuurder worden aangehouden") states them at the last place it named. An
/// international body (Europol) is not carried: it coordinates, the arrests are national.
///
/// A sentence right after one that opens with its place ("In Nederland zijn dertien verdachten
/// geïdentificeerd. Bij vijf van hen is huiszoeking gedaan …"), in the same paragraph, states
/// its actions in that frame: at that place (`frame`, the event of the place that opens the
/// sentence before).
fn carry_over(
    gazetteer: &Gazetteer,
    text: &str,
    sentence: &Sentence,
    frame: Option<Event>,
    lower: &mut String,
    events: &mut Vec<Event>,
) {
    let Some(previous) = sentence.index.checked_sub(1) else {
        return;
    };
    let tokens = tokenize(text, sentence.span, lower);
    let locative = refer::opens_with_locative(&tokens);
    let told = refer::opens_with_action_pro_form(&tokens);
    let demonstrative = refer::opens_with_demonstrative(&tokens);
    if !locative && told.is_none() && !demonstrative && frame.is_none() {
        return;
    }
    let starts = clause_starts(&tokens);
    let clause_of = |i: usize| starts.partition_point(|&s| s <= i) - 1;
    let cues: Vec<Cue> = cues::find(text, &tokens)
        .into_iter()
        .filter(|c| c.action.is_specific())
        .filter(|c| !cues::negated(&tokens, &starts, clause_of(c.first), c.first))
        .collect();
    let national = |e: &&Event| !gazetteer.is_international(e.place);
    let of_previous = || {
        events
            .iter()
            .rev()
            .take_while(|e| e.sentence == previous)
            .filter(national)
    };
    let before: Vec<Event> = match told {
        // Framed by the place that opens the sentence before.
        None if !locative && !demonstrative => frame.into_iter().collect(),
        // The places of the actions told in the sentence before.
        Some(refer::Told::Before) => of_previous()
            .filter(|e| e.action.is_specific())
            .copied()
            .collect(),
        // The places of the last sentence (of the three before) that told this action.
        Some(refer::Told::Last(action)) => {
            let recent = events
                .iter()
                .rev()
                .take_while(|e| e.sentence + 3 >= sentence.index);
            let last = recent
                .clone()
                .find(|e| e.action == action)
                .map(|e| e.sentence);
            recent
                .filter(|e| Some(e.sentence) == last && e.action == action)
                .filter(national)
                .copied()
                .collect()
        }
        None => of_previous().copied().collect(),
    };
    let mut places: Vec<&Event> = Vec::new();
    for e in before.iter().rev() {
        if !places.iter().any(|p| p.place == e.place) {
            places.push(e);
        }
    }
    if locative {
        places = places
            .into_iter()
            .max_by_key(|e| e.mention.start)
            .into_iter()
            .collect();
    }
    for cue in &cues {
        for e in &places {
            let confidence = Rule::CarryOver.base_confidence()
                - if cue.kind == CueKind::Noun { 0.05 } else { 0.0 };
            events.push(Event {
                action: cue.action,
                sentence: sentence.index,
                cue: cue.span,
                rule: Rule::CarryOver,
                confidence,
                ..**e
            });
        }
    }
}

/// The place mentions of a sentence, and the countries the article named as taking part
/// before it (for the phrases that point back to them).
struct Here<'a> {
    mentions: &'a [&'a Mention],
    taking_part: &'a [PlaceId],
    /// The sentence before, for a verb that stands for its action ([`happened_before`]).
    previous: Option<&'a Sentence>,
}

/// The countries (as their country places) of the events so far, in the order the article
/// first names them; international bodies left out ("these countries" are national). Updated
/// with the events added since the last call, so a long article is read once.
#[derive(Default)]
struct TakingPart {
    countries: Vec<PlaceId>,
    seen: rustc_hash::FxHashSet<PlaceId>,
    scanned: usize,
}

impl TakingPart {
    fn update(&mut self, gazetteer: &Gazetteer, events: &[Event]) -> &[PlaceId] {
        for e in events.get(self.scanned..).unwrap_or(&[]) {
            if gazetteer.is_international(e.place) {
                continue;
            }
            let Some(country) = gazetteer.country(&gazetteer.place(e.place).country) else {
                continue;
            };
            if self.seen.insert(country.place) {
                self.countries.push(country.place);
            }
        }
        self.scanned = events.len();
        &self.countries
    }
}

impl Event {
    /// The event of `placed` linked to `cue` by `rule`, `distance` words apart.
    fn new(
        sentence: &Sentence,
        placed: &Placed<'_>,
        cue: &Cue,
        rule: Rule,
        distance: usize,
    ) -> Event {
        Event {
            action: cue.action,
            place: placed.mention.place,
            sentence: sentence.index,
            mention: placed.mention.span,
            cue: cue.span,
            rule,
            confidence: confidence(rule, cue, placed.mention, distance),
        }
    }
}

impl Event {
    /// The `participation` event of a place that no cue links: the article names it.
    fn mention(sentence: &Sentence, placed: &Placed<'_>) -> Event {
        let m = placed.mention;
        let c = MENTION_CONFIDENCE * form_factor(m);
        Event {
            action: Action::Participation,
            place: m.place,
            sentence: sentence.index,
            mention: m.span,
            cue: Span::new(m.span.start, m.span.start),
            rule: Rule::Mention,
            confidence: (c * 100.0).round() / 100.0,
        }
    }
}

/// A sentence cut into what the link stages read: its tokens, clause starts and cues (all of
/// them; [`Parsed::live_cues`] leaves out the negated).
struct Parsed<'a, 't> {
    text: &'a str,
    sentence: &'a Sentence,
    tokens: &'a [tokens::Token<'t>],
    starts: Vec<usize>,
    cues: Vec<Cue>,
}

impl Parsed<'_, '_> {
    /// The cues no negation or modal cancels.
    fn live_cues(&self) -> Vec<Cue> {
        let clause_of = |i: usize| self.starts.partition_point(|&s| s <= i) - 1;
        self.cues
            .iter()
            .filter(|c| !cues::negated(self.tokens, &self.starts, clause_of(c.first), c.first))
            .copied()
            .collect()
    }
}

/// Links one sentence: its place mentions (and phrases that point back) are placed on its
/// tokens, filtered, linked to its cues; places no cue links take part (recall first).
fn link_sentence(
    gazetteer: &Gazetteer,
    text: &str,
    sentence: &Sentence,
    here: &Here<'_>,
    heading: Option<Cue>,
    lower: &mut String,
    linked: &mut Linked,
) {
    let tokens = tokenize(text, sentence.span, lower);
    let starts = clause_starts(&tokens);
    let mut cues = cues::find(text, &tokens);
    if let Some(previous) = here.previous {
        cues.extend(happened_before(text, previous, &tokens, &cues));
    }
    let parsed = Parsed {
        text,
        sentence,
        starts,
        cues,
        tokens: &tokens,
    };
    let anaphors = anaphor_mentions(&parsed, here);
    let placed = place_on_tokens(&tokens, here.mentions, &anaphors);
    let placed = drop_background(gazetteer, &parsed, placed, &mut linked.dropped);
    if placed.is_empty() {
        return;
    }
    let cues = parsed.live_cues();
    let events = &mut linked.events;
    let before = events.len();
    if cues.is_empty() {
        // An item of a list under a heading: "Countries involved:\n- Spain\n- Italy".
        if let Some(cue) = heading {
            for p in &placed {
                events.push(Event::new(sentence, p, &cue, Rule::Enumeration, 0));
            }
        }
    } else {
        link_lists(gazetteer, &parsed, &cues, &placed, events);
    }
    // Recall first: a place no cue links, and no filter drops, took part.
    for p in placed.iter().filter(|p| !p.anaphor) {
        let has_event = events[before..].iter().any(|e| e.mention == p.mention.span);
        if !has_event {
            events.push(Event::mention(sentence, p));
        }
    }
    if !anaphors.is_empty() {
        give_to_countries(events, before, &anaphors, here.taking_part);
    }
}

/// Actions told of a list's places outside its clause: one done "there" happened at the last
/// place named before it ([`link::done_there`]); one in a relative clause on an apposition of
/// places at the list before the apposition ([`link::done_in_apposition`]).
fn link_told_elsewhere<'c>(
    tokens: &[tokens::Token<'_>],
    starts: &[usize],
    cues: &'c [Cue],
    lists: &[(&[Placed<'_>], Vec<&'c Cue>, usize)],
    linked: &mut [Vec<(&'c Cue, Rule)>],
) {
    let tails: Vec<usize> = lists.iter().map(|(m, _, _)| m[m.len() - 1].last).collect();
    let told_of_places = link::done_in_apposition(tokens, cues, &tails);
    for (n, cue) in link::done_there(tokens, starts, cues, &tails)
        .into_iter()
        .chain(told_of_places)
    {
        if !linked[n].iter().any(|(c, _)| c.span == cue.span) {
            linked[n].push((cue, Rule::CueInPlace));
        }
    }
}

/// Gapping: "the seizure of 1.6 tonnes in Cape Verde, 10 tonnes in Burkina Faso" (a counted
/// object and its place for each conjunct, the cue said once): a list no rule linked takes the
/// specific cue placed at the list before it in its clause ([`link::gapped_conjunct`]).
fn link_gapped<'c>(
    text: &str,
    tokens: &[tokens::Token<'_>],
    lists: &[(&[Placed<'_>], Vec<&'c Cue>, usize)],
    linked: &mut [Vec<(&'c Cue, Rule)>],
) {
    for n in 1..lists.len() {
        let (previous, (members, _, clause)) = (&lists[n - 1], &lists[n]);
        if !linked[n].is_empty() || previous.2 != *clause {
            continue;
        }
        let shared = linked[n - 1]
            .iter()
            .find(|(c, rule)| *rule == Rule::CueInPlace && c.action.is_specific())
            .map(|(c, _)| *c);
        let prev_tail = previous.0[previous.0.len() - 1].last;
        if let Some(cue) =
            shared.filter(|_| link::gapped_conjunct(text, tokens, prev_tail, members[0].first))
        {
            linked[n].push((cue, Rule::CueInPlace));
        }
    }
}

/// "Elf mensen zijn opgepakt. Dat gebeurde in Spanje, Denemarken …", "Eleven people were
/// arrested. This happened in Spain …": a sentence that opens with an `event-pronoun` and a
/// `happen-verb` and tells no specific action of its own tells where the specific actions of
/// the sentence before happened. So does one that opens with a count and a `partitive`
/// pronoun ("Wereldwijd zijn zestien huiszoekingen gedaan. Elf daarvan waren in Oekraïne",
/// "Eleven of them were in Ukraine", "Elf davon waren in der Ukraine"), or with "the other"
/// (`remainder`) and a noun of the sentence before ("… servers offline gehaald. De andere
/// servers waren in Duitsland"), then a form of "be" or a verb of happening. The verb stands
/// for each of them (cues at the verb).
fn happened_before(
    text: &str,
    previous: &Sentence,
    tokens: &[tokens::Token<'_>],
    cues: &[Cue],
) -> Vec<Cue> {
    let opening = happen_verb_after_pronoun(tokens)
        .or_else(|| be_after_partitive(tokens))
        .or_else(|| concern_before_a_count(tokens));
    let remainder = if opening.is_none() {
        be_after_remainder(tokens)
    } else {
        None
    };
    if (opening.is_none() && remainder.is_none()) || cues.iter().any(|c| c.action.is_specific()) {
        return Vec::new();
    }
    // The sentence before, tokenized once: for the noun "the other" takes up, and its cues.
    let mut buffer = String::new();
    let before = tokenize(text, previous.span, &mut buffer);
    let verb = match (opening, remainder) {
        (Some(verb), _) => verb,
        (None, Some((be, noun))) if before.iter().any(|t| t.lower == noun) => be,
        _ => return Vec::new(),
    };
    let before_starts = clause_starts(&before);
    let clause_of = |i: usize| before_starts.partition_point(|&s| s <= i) - 1;
    let mut told: Vec<Action> = Vec::new();
    for c in cues::find(text, &before) {
        if c.action.is_specific()
            && !told.contains(&c.action)
            && !cues::negated(&before, &before_starts, clause_of(c.first), c.first)
        {
            told.push(c.action);
        }
    }
    told.into_iter()
        .map(|action| Cue {
            action,
            kind: CueKind::Verb,
            span: tokens[verb].span,
            first: verb,
            last: verb,
            closing: None,
        })
        .collect()
}

/// The `happen-verb` of a sentence that opens with an `event-pronoun` as its subject: only an
/// auxiliary or a clitic between them ("Cela s'est passé", "Esto se produjo"; not "This action
/// took place").
fn happen_verb_after_pronoun(tokens: &[tokens::Token<'_>]) -> Option<usize> {
    if !tokens.first()?.is(class::EVENT_PRONOUN) {
        return None;
    }
    let verb = tokens
        .iter()
        .take(5)
        .position(|t| t.is(class::HAPPEN_VERB))?;
    let clitic = |t: &tokens::Token<'_>| {
        t.is(class::BE | class::AUXILIARY)
            || t.lower.chars().count() <= 2
            || t.lower.ends_with('\'')
    };
    tokens[1..verb].iter().all(clitic).then_some(verb)
}

/// The form of "be" (or verb of happening) right after an opening count and its `partitive`
/// pronoun: "Elf daarvan waren", "Eleven of them were", "Onze d'entre elles ont eu lieu".
fn be_after_partitive(tokens: &[tokens::Token<'_>]) -> Option<usize> {
    let count = tokens.first()?;
    if !(count.is(class::NUMBER) || count.lower.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let partitive = (1..4.min(tokens.len())).find(|&i| tokens[i].is(class::PARTITIVE))?;
    (partitive + 1..(partitive + 4).min(tokens.len()))
        .find(|&i| tokens[i].is(class::BE | class::HAPPEN_VERB))
        .filter(|&i| {
            tokens[partitive + 1..i]
                .iter()
                .all(|t| t.is(class::BE | class::AUXILIARY) || t.lower.ends_with('\''))
        })
}

/// The `concern` phrase near a sentence's start that a count follows: "Het gaat om zeven
/// mensen in Frankrijk, twee in Nederland …", "Es handelt sich um drei Männer in …", "Il s'agit
/// de sept personnes en France", "Se trata de siete personas en Francia" (not an article: "Het
/// gaat om een netwerk").
fn concern_before_a_count(tokens: &[tokens::Token<'_>]) -> Option<usize> {
    let at = tokens.iter().take(5).position(|t| t.is(class::CONCERN))?;
    let count = tokens.get(at + 1)?;
    let article = matches!(
        count.lower,
        "a" | "an" | "een" | "ein" | "eine" | "einen" | "un" | "une" | "una" | "uno"
    );
    ((count.is(class::NUMBER) || count.lower.chars().all(|c| c.is_ascii_digit())) && !article)
        .then_some(at)
}

/// The form of "be" after an opening "the other" (`remainder`) and a noun, with that noun
/// ("De andere servers waren in Duitsland"); the sentence before must have the noun too (see
/// [`happened_before`]).
fn be_after_remainder<'t>(tokens: &[tokens::Token<'t>]) -> Option<(usize, &'t str)> {
    let other = (0..2.min(tokens.len())).find(|&i| tokens[i].is(class::REMAINDER))?;
    if !tokens[..other].iter().all(|t| t.lower == "the") {
        return None;
    }
    let noun = tokens.get(other + 1)?;
    tokens.get(other + 2).filter(|t| t.is(class::BE))?;
    Some((other + 2, noun.lower))
}

/// The phrases of a sentence that point back ("all the countries involved"), each as a
/// mention of the first country taking part, when countries were named before.
fn anaphor_mentions(parsed: &Parsed<'_, '_>, here: &Here<'_>) -> Vec<Mention> {
    let Some(&first) = here.taking_part.first() else {
        return Vec::new();
    };
    let tokens = parsed.tokens;
    refer::phrases(tokens)
        .into_iter()
        .map(|(a, b)| Mention {
            sentence: parsed.sentence.index,
            span: Span::new(tokens[a].span.start, tokens[b].span.end),
            place: first,
            form: Form::Name,
            readings: 1,
            // No gazetteer name: the phrase stands for the countries named before.
            name: crate::gazetteer::index::EntryId {
                group: u64::MAX,
                entry: 0,
            },
        })
        .collect()
}

/// The mentions (and phrases that point back) with their token ranges, in text order.
fn place_on_tokens<'a>(
    tokens: &[tokens::Token],
    mentions: &[&'a Mention],
    anaphors: &'a [Mention],
) -> Vec<Placed<'a>> {
    let mut placed: Vec<Placed<'a>> = mentions
        .iter()
        .copied()
        .map(|m| (m, false))
        .chain(anaphors.iter().map(|m| (m, true)))
        .filter_map(|(m, anaphor)| {
            let first = token_at(tokens, m.span.start)?;
            let last = token_at(tokens, m.span.end.saturating_sub(1))?;
            Some(Placed {
                mention: m,
                anaphor,
                first,
                last,
            })
        })
        .collect();
    if !anaphors.is_empty() {
        placed.sort_by_key(|p| p.first);
        // A phrase inside a place name's tokens is no phrase of its own.
        placed.dedup_by(|b, a| b.anaphor && b.first <= a.last);
    }
    placed
}

/// The mentions no background filter drops; the dropped ones (not phrases that point back)
/// go to `dropped` with their filter.
fn drop_background<'a>(
    gazetteer: &Gazetteer,
    parsed: &Parsed<'_, '_>,
    placed: Vec<Placed<'a>>,
    dropped: &mut Vec<Dropped>,
) -> Vec<Placed<'a>> {
    let heads = link::list_heads(parsed.text, parsed.tokens, &placed);
    let fates = background::fates(&background::Context {
        gazetteer,
        text: parsed.text,
        tokens: parsed.tokens,
        starts: &parsed.starts,
        cues: &parsed.cues,
        placed: &placed,
        heads: &heads,
        earlier: &[],
        present: parsed.tokens.iter().fold(0, |bits, t| bits | t.class),
    });
    let mut kept: Vec<Placed<'a>> = Vec::with_capacity(placed.len());
    let tokens = parsed.tokens;
    let country = |p: &Placed<'_>| gazetteer.place(p.mention.place).country.as_str();
    for (p, fate) in placed.into_iter().zip(fates) {
        // "in Málaga, Spanien, festgenommen": a country restating the city before it is part
        // of the city's phrase, and in German and Dutch so is the comma that closes it, so
        // that the verb after it is the city's.
        if let (Some(Background::Restatement), Some(city)) = (fate, kept.last_mut()) {
            let restates = city.last + 2 == p.first
                && tokens[city.last + 1].lower == ","
                && country(city) == country(&p);
            if restates {
                city.last = p.last;
                let closing = tokens.get(p.last + 1).is_some_and(|t| t.lower == ",");
                if closing && lexicon::current_lang().puts_verbs_last() {
                    city.last = p.last + 1;
                }
            }
        }
        match fate {
            None => kept.push(p),
            Some(_) if p.anaphor => {}
            Some(filter) => dropped.push(Dropped {
                mention: p.mention.span,
                place: p.mention.place,
                sentence: parsed.sentence.index,
                filter,
            }),
        }
    }
    kept
}

/// A phrase that points back gives its events (from `before` on) to every country it stands
/// for; the countries taking part act or take part, but one body coordinates.
fn give_to_countries(
    events: &mut Vec<Event>,
    before: usize,
    anaphors: &[Mention],
    taking_part: &[PlaceId],
) {
    let new: Vec<Event> = events.drain(before..).collect();
    for e in new {
        if !anaphors.iter().any(|a| a.span == e.mention) {
            events.push(e);
            continue;
        }
        if e.action == Action::Coordination {
            continue;
        }
        let confidence = ((e.confidence * 0.9).max(LINKED_FLOOR) * 100.0).round() / 100.0;
        for &country in taking_part {
            events.push(Event {
                place: country,
                confidence,
                ..e
            });
        }
    }
}

/// Links each list of places to the cues of its clause (one link per list, from its head, the
/// words before it, and its tail, the words after).
fn link_lists(
    gazetteer: &Gazetteer,
    parsed: &Parsed<'_, '_>,
    cues: &[Cue],
    placed: &[Placed<'_>],
    events: &mut Vec<Event>,
) {
    let (text, tokens, starts, sentence) =
        (parsed.text, parsed.tokens, &parsed.starts, parsed.sentence);
    let clause_of = |i: usize| starts.partition_point(|&s| s <= i) - 1;
    let heads = link::list_heads(text, tokens, placed);
    // Each list with the cues of its clause, and what the rules link it to.
    let mut lists = Vec::new();
    let mut k = 0;
    while k < placed.len() {
        let mut end = k + 1;
        while end < placed.len() && heads[end] == k {
            end += 1;
        }
        let members = &placed[k..end];
        k = end;
        let head = members[0];
        let clause = clause_of(head.first);
        let in_clause: Vec<&Cue> = cues
            .iter()
            .filter(|c| clause_of(c.first) == clause)
            .collect();
        lists.push((members, in_clause, clause));
    }
    let mut linked: Vec<Vec<(&Cue, Rule)>> = Vec::with_capacity(lists.len());
    for (members, in_clause, clause) in &lists {
        let list = list_in_clause(text, tokens, starts[*clause], members, in_clause);
        if let Some(cue) = link::relative_clause(&list) {
            events.push(Event::new(sentence, &list.tail, cue, Rule::Subject, 1));
        }
        linked.push(if in_clause.is_empty() {
            Vec::new()
        } else {
            link::link_list(&list)
        });
    }
    // The fallback for lists no rule links: the one free specific action of their clause.
    let placed_cues: Vec<&Cue> = linked
        .iter()
        .flatten()
        .filter(|(_, rule)| link::PLACING_RULES.contains(rule))
        .map(|(cue, _)| *cue)
        .collect();
    for (n, (members, in_clause, clause)) in lists.iter().enumerate() {
        if linked[n].is_empty() && !in_clause.is_empty() {
            let list = list_in_clause(text, tokens, starts[*clause], members, in_clause);
            linked[n] = link::clause_cue(&list, &placed_cues);
        }
    }
    // A second verb joined by "and" after the place's object shares the place when it has none
    // of its own: "arrested 33 people in A, B and C and seized 1,000 kg of drugs".
    for (n, (members, in_clause, _)) in lists.iter().enumerate() {
        let tail = members[members.len() - 1];
        if let Some(shared) =
            link::shared_by_next_verb(tokens, in_clause, tail.last, &linked[n], &placed_cues)
        {
            linked[n].push((shared, Rule::CueInPlace));
        }
    }
    link_gapped(text, tokens, &lists, &mut linked);
    link_told_elsewhere(tokens, starts, cues, &lists, &mut linked);
    // Where each cue's action is placed: the countries of the places its place rules link.
    let country = |p: &Placed<'_>| gazetteer.place(p.mention.place).country.as_str();
    let mut located: Vec<(Span, &str)> = Vec::new();
    for ((members, _, _), links) in lists.iter().zip(&linked) {
        for (cue, rule) in links {
            if matches!(rule, Rule::CueInPlace | Rule::FrontedPlace) {
                located.extend(members.iter().map(|p| (cue.span, country(p))));
            }
        }
    }
    for ((members, _, _), links) in lists.iter().zip(linked) {
        let (head, tail) = (members[0], members[members.len() - 1]);
        for (cue, rule) in links {
            // Distance from the list to its cue, the same for every member.
            let distance = if cue.first > tail.last {
                cue.first - tail.last
            } else {
                head.first.saturating_sub(cue.last)
            };
            for p in *members {
                // An international body coordinates: a weak link gives it no specific action.
                if rule == Rule::ClauseCue && gazetteer.is_international(p.mention.place) {
                    continue;
                }
                // The agents of an action the clause places elsewhere took part in it:
                // "Authorities from Colombia, Ecuador and Spain seized 1,200 kilos in the
                // port of Valencia" (the seizure is Spain's; the others took part).
                let placed_elsewhere = rule == Rule::Subject
                    && names_agent(tokens, members[0])
                    && located.iter().any(|(span, _)| *span == cue.span)
                    && !located
                        .iter()
                        .any(|(span, c)| *span == cue.span && *c == country(p));
                if placed_elsewhere {
                    let took_part = Cue {
                        action: Action::Participation,
                        ..*cue
                    };
                    events.push(Event::new(sentence, p, &took_part, rule, distance));
                    continue;
                }
                events.push(Event::new(sentence, p, cue, rule, distance));
            }
        }
    }
}

/// True when a list names who acted, not where: an agency or a demonym ("the FBI", "Dutch
/// police"), or a place after an authority noun and "of" or "from" ("the authorities of
/// Colombia", "las autoridades de Colombia", "officers from Spain").
fn names_agent(tokens: &[tokens::Token<'_>], head: Placed<'_>) -> bool {
    if matches!(head.mention.form, Form::Agency | Form::Demonym) {
        return true;
    }
    let before = &tokens[head.first.saturating_sub(4)..head.first];
    before
        .iter()
        .rposition(|t| matches!(t.lower, "of" | "from"))
        .is_some_and(|k| before[..k].iter().any(|t| t.is(lexicon::class::AUTHORITY)))
}

/// A list of places with what its link rules need.
fn list_in_clause<'a, 't, 'c>(
    text: &'a str,
    tokens: &'a [tokens::Token<'t>],
    clause_start: usize,
    members: &'a [Placed<'a>],
    in_clause: &'a [&'c Cue],
) -> ListInClause<'a, 't, 'c> {
    let (head, tail) = (members[0], members[members.len() - 1]);
    ListInClause {
        text,
        tokens,
        cues: in_clause,
        clause_start,
        head,
        tail,
        governing: link::governor(text, tokens, head.first),
    }
}

fn confidence(rule: Rule, cue: &Cue, mention: &Mention, distance: usize) -> f64 {
    let mut c = rule.base_confidence();
    c -= 0.015 * distance.saturating_sub(3).min(20) as f64;
    if cue.kind == CueKind::Noun {
        c -= 0.05;
    }
    c *= form_factor(mention);
    (c.clamp(LINKED_FLOOR, 1.0) * 100.0).round() / 100.0
}

/// How much the way a place is named weakens the evidence: a demonym or a city less than a
/// country's name, a name several places share less than one that is unique.
fn form_factor(mention: &Mention) -> f64 {
    let form = match mention.form {
        Form::Name | Form::Agency => 1.0,
        Form::Code => 0.97,
        Form::City => 0.95,
        Form::Demonym => 0.9,
    };
    if mention.readings > 1 {
        form * 0.9
    } else {
        form
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests_support::small;
    use crate::{places, sentences};

    fn pairs(text: &str) -> Vec<(Action, String)> {
        let g = small();
        let s = sentences::split(text);
        let m = places::find(&g, text, &s, crate::lang::Lang::En);
        let mut out: Vec<(Action, String)> = link(&g, text, &s, &m)
            .events
            .into_iter()
            .map(|e| (e.action, g.place(e.place).country.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn p(action: Action, code: &str) -> (Action, String) {
        (action, code.to_string())
    }

    #[test]
    fn passive_list_fans_out() {
        assert_eq!(
            pairs("Servers were seized in the Netherlands, Canada and the US."),
            vec![
                p(Action::Seizure, "CA"),
                p(Action::Seizure, "NL"),
                p(Action::Seizure, "US")
            ]
        );
    }

    #[test]
    fn each_clause_keeps_its_action() {
        assert_eq!(
            pairs("Servers were seized in Canada, while raids were conducted in Bulgaria and France as the UK targeted its domains."),
            vec![
                p(Action::Seizure, "CA"),
                p(Action::Raid, "BG"),
                p(Action::Raid, "FR"),
                p(Action::Takedown, "GB")
            ]
        );
    }

    #[test]
    fn passive_agent_coordinates() {
        assert_eq!(
            pairs("Agencies coordinated by the European Counter Terrorism Centre (ECTC) started a takedown."),
            vec![p(Action::Coordination, "NL")]
        );
    }

    #[test]
    fn demonym_needs_an_authority() {
        assert_eq!(
            pairs("Dutch police arrested two men."),
            vec![p(Action::Arrest, "NL")]
        );
        assert!(pairs("Two Dutch men were arrested.").is_empty());
    }

    #[test]
    fn background_places_are_not_actions() {
        assert!(
            pairs("A fellow at King's College London said the sites were taken down.").is_empty()
        );
        assert!(pairs("The suspect, wanted by Romania, was arrested.").is_empty());
        assert!(pairs("Drugs shipped from Spain to France were seized.").is_empty());
    }

    #[test]
    fn negation_and_hypotheticals_produce_nothing() {
        assert!(pairs("France was not involved in the operation.").is_empty());
        assert!(pairs("Servers in Canada could be seized later.").is_empty());
    }

    #[test]
    fn modifier_participles_are_not_cues() {
        assert_eq!(
            pairs("British security services were involved in the assault targeting websites, alongside allies in the US and Canada."),
            vec![p(Action::Participation, "CA"), p(Action::Participation, "GB"), p(Action::Participation, "US")]
        );
    }

    #[test]
    fn city_with_country_is_one_place() {
        let g = small();
        let text = "He was arrested in Paris, France.";
        let s = sentences::split(text);
        let m = places::find(&g, text, &s, crate::lang::Lang::En);
        let events = link(&g, text, &s, &m).events;
        assert_eq!(events.len(), 1);
        assert_eq!(g.place(events[0].place).name, "Paris");
        assert_eq!(events[0].rule, Rule::CueInPlace);
    }
}
