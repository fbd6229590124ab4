"""What the rules know of a language, loaded from data: `summarizer/languages/<code>.yaml`.

One file per language holds the words that attribute a statement ("said",
"según", "laut", "заявил"), deny one, mark reported speech (the German
subjunctive, the journalistic conditional), say that something could not be
verified, or head a party that can speak; and the page furniture of that
language (consent banners, paywall offers, "Listen to this article"). The rules
in `attribution.py`, `extract.py` and `boilerplate.py` read a `Lexicon`; no rule
branches on a language code. A language without a file is read with English's.

Keys of a language file (lists of words, matched whole and case-insensitively,
unless said otherwise):

    speech, denial        cue verbs: a statement, a denial or rejection, as written (irregular forms, phrases)
    figure_giving         regular expressions for the phrase by which a party gives a figure ("gave a lower
                          figure of", "gave an estimate of"): a cue, its subject the source
    knowledge             phrases by which a party says it has no record or knowledge of something ("have no
                          record of", "n'a pas connaissance de", "не располагают данными"): a cue, its subject the
                          source
    conjugations          the endings of each class of regular verbs ("ar": a, an, ó, aron, aba, ...)
    speech_stems,         stems of regular speech and denial verbs by class ("ar": [aleg, inform, ...]): every
      denial_stems        stem with every ending of its class is a cue too ("alegan", "informaban"), so that a
                          form no list spells out is still read
    according             a marker the source follows ("according to X", "laut X")
    according_figures     regular expressions for a marker that cites a party's estimate or count, the party
                          following ("nas estimativas da X", "nach Schätzungen der X", "по подсчётам X"): a marker
                          as `according` is
    according_opening     a marker the source follows only where it opens the sentence ("Per i sindacati
                          ...", "Pour la CGT, ..."): the party must be one that can speak
    according_after       a marker the source precedes ("dem Ministerium zufolge")
    own_account           "nach eigenen Angaben", "by its own account": the sentence's subject is the source
    described_sources     regular expressions for a source named only by an adjective ("Nach iranischen
                          Angaben", "offiziellen Angaben zufolge"): the group `source` is the source
    passive_agent         "announced by X": the word before the agent of a passive cue
    inverted_subject      a regular expression for a pronoun written after its verb, with groups `verb` and
                          `pronoun` ("», a-t-elle ajouté", "précise-t-il"): the pronoun speaks
    passive_auxiliaries   "is", "è", "fue": before a participle cue with no agent after it ("The government is
                          accused of ..."), the subject is who the claim is about, not who speaks
    trailing              particles that end a source written after its cue ("teilte X mit")
    verb_second           true where a main clause's finite verb comes second (German): a sentence that opens with
                          a prepositional phrase ("Mit Blick auf die Bergung warnte das Landesbergamt") has its
                          subject right after the cue
    object_first          true where a sentence may open with its object and give its subject after the verb
                          (Russian, Ukrainian, German): one that opens with a noun of claims ("Информацию о взрыве
                          сообщило агентство", "Ці дані спростував речник", "Die Vorwürfe wies das Unternehmen
                          zurück") has its speaker after the cue
    object_articles       articles that open no subject ("Den Bericht bestätigte die Werksfeuerwehr"): a sentence
                          opening with one has its speaker after the cue
    other_verb_particles  particles that, closing a cue verb's clause with nothing said after them, make it another
                          verb ("hält an dem Projekt fest": sticks to it; "sagte die Reise ab": cancelled it)
    auxiliaries           words between a subject and its cue ("a déclaré", "has said")
    reported_speech       verb forms of reported speech that need no cue (Konjunktiv I)
    continuation          words opening a sentence that goes on with the last one's report ("In addition")
    pronouns, determiners, relatives, conjunctions
    indefinite            indefinite articles: "a spokesman" is a new speaker, "the spokesman" one named before
    capitalised_nouns     true where every noun has a capital (German): then a capital is no name
    infinitive            the word that makes a cue an infinitive ("to warn", "zu sagen"): no statement
    fixed_order           true where a speaker follows its cue only after a break (English: "..., said X",
                          never "they blamed alleged militants"), not inside a clause as in German or Spanish
                          ("teilte das Ministerium mit", "afirmó el portavoz que")
    verb_final            true where a clause may end with its verb after the figure's whole phrase (German:
                          "mindestens 25 Kämpfer seien bei dem Angriff ... getötet worden")
    pro_drop              true where a sentence may have no written subject ("Cifraron la participación en un
                          70%"): a sentence opening with its cue continues the last source
    speakers              heads of a party that can speak (word beginnings; anywhere in a
                          word where `compounds: true`, as German writes them)
    not_in_source         words no speaker's name holds (verbs of a clause, negation)
    ends_source           prepositions and time words that end a source written after its cue
                          ("said X on Monday", "teilte X am Dienstag mit")
    not_sources           words that end a source ("el portavoz, contactado por la AFP")
    complementizers       words that open what was said ("that", "que", "что"): a source after its cue ends there
    discourse             phrases that look like a subject but are not ("that being said")
    verification          regular expressions: "could not be independently verified"
    earlier_claims        what a note about earlier claims, or a denial, calls them ("the two accounts",
                          "rejected the accusation")
    genitive              words joining such a noun to its party ("the figures of the prefecture"): the
                          party is the source ("Les chiffres de la préfecture font état de ...")
    new_incident          words that open another incident ("In a separate incident")
    cumulative            regular expressions: a count since a period began ("since the start of the war", "desde
                          el inicio", "с начала года"): another quantity than the day's count
    whole_area            regular expressions: a figure given for the whole country or region ("nationwide",
                          "dans toute la France", "bundesweit", "по всей стране"): a total, set apart from the
                          figures of one place in it
    elsewhere             regular expressions: a figure given for other places than the one named ("elsewhere",
                          "in other districts", "in altri comuni", "в других районах"): it contests nothing there
    place_back            regular expressions: a place named before, told by its kind ("in the capital", "en la
                          capital", "in città", "в городе"): a figure with one counts the place the article's
                          figures are given for, where they are given for one
    earlier_occasion      regular expressions: a sentence about an earlier occasion of the same kind ("at the
                          previous protest, three weeks ago", "lors de la précédente journée de mobilisation", "la
                          anterior marcha ..., el pasado 12 de octubre"): its figures count that occasion
    demonstratives        "these", "diese", "эти": a denial of "these claims" answers the claims right before it
    numerals              number words and their values, for comparing figures written as words
    vague_counts          plural words of an order of magnitude and that order ("hundreds": 100, "Tausende":
                          1000, "десятки": 10): "hundreds of workers" counts from 200 to under 1,000, set against
                          another party's figure of the same thing outside that span; two in a row multiply
                          ("tens of thousands", "des dizaines de milliers")
    as_words              "as" before a cue that closes a sentence (", как подсчитал журнал", ", comme l'écrit X"):
                          the speaker follows the cue
    figure_participles    participles that give a figure as their agent's (beginnings: "calculad", "shown"): "El 4,2%
                          calculado por las consultoras", "die von der Gesellschaft genannten 34 Millionen"
    revising              regular expressions for a verb that revises a figure, followed by the figure's noun ("cut its
                          forecast", "знизило прогноз"): a cue, its subject the source
    counting              regular expressions for a verb that gives a count only with the preposition before the
                          figure ("kamen die Beamten nur auf 9.000"): a cue, its subject the one who counted
    reality               what opens the outlet's own figure set against a party's ("In reality", "En réalité",
                          "Фактично"): it disputes that party's figure of the same thing
    document_says         impersonal verbs after which a document and its author tell the sentence ("...,
                          говорится в заявлении Минобороны", "..., heißt es in einer Mitteilung der Polizei",
                          "..., si legge in una nota del Viminale"): the author speaks
    closing_markers       regular expressions for a marker that closes a sentence with its speaker (", so
                          Reinwald."), the speaker after it to the sentence's end
    quoting               verbs of quoting whose subject is the party that quotes and whose object speaks
                          ("zitiert die Zeitung X den Sprecher Y")
    quoted_words          the noun for a party's words after a verb of quoting ("приводит РИА Новости слова
                          адвоката"): whose words follow it is the speaker
    accused               word beginnings for the accused in a case ("acusad", "procesad", "my client"): one party
                          whatever the word, when a denial answers what is said of them
    labelled_parties      word beginnings for armed parties an article may name by a label, loaded or not
                          ("the jihadists", "les insurgés", "Окупанти"): they speak as any party, the records
                          keep the label as written and the digest quotes it as the article's word
    accusers              word beginnings for the parties that accuse in a case (prosecutors, investigators, an
                          indictment: "fiscal", "procur", "следств"): what they say is about whom it names
    requests              verbs of asking for a penalty, a payment or an action ("pide", "requested", "fordert"):
                          what a party asks for tells nothing of what happened, so no denial of involvement
                          answers it
    zero                  words of none before what is counted ("no civilians", "kein Zivilist", "aucune
                          victime"): a count of zero, set against another party's figure of the same thing
    never                 words and phrases of a flat negation ("never", "jamais", "nothing to do with", "никогда"):
                          a party's statement with one, about what others say of it, answers them as a denial
    locatives             prepositions of place before a name ("in Berlin", "à Lyon", "в Харькове"): a figure after
                          one in its clause counts that place
    there                 words for a place named before ("dort", "allí", "там"): a figure in a clause with one counts
                          the place the sentence before named last
    among_things          prepositions that put a figure among places or things ("on two mosques", "dans trois
                          villages"): a count named by a verb before it does not reach it, it counts its own noun
    noun_modifiers        words that stand between an article and its noun ("los tres acusados", "El principal
                          acusado"): a cue's form after them is a noun, not the verb of a clause
    ones                  words for one before a scale word ("eine Milliarde", "um bilhão", "один трлн")
    scale_words           words of a scale after a number word ("двух сотнях", "deux centaines", "two hundred"):
                          the number word alone is not the figure
    measures              units of measure: a figure written with one counts it, not a quantity near it
    measures_before       measures named right before their figure ("a magnitude 5.9 earthquake", "der Stärke
                          5,9"): the figure is that measure, no count of what is named near it ("killing eight")
    victims               the groups of people a toll counts (combatants, forces, civilians), by word beginnings
                          of the noun right after its figure ("40 assaillants", "6 soldats", "3 civils"): two
                          tolls of different groups contest nothing; a figure of a group after a verb of losing
                          (`losses`: "n'avoir perdu que 8 combattants") counts that group's dead
    losses                verbs of losing people, own dead told by the side that lost them ("lost", "perso",
                          "потеряла")
    quantities            what a figure counts (dead, injured, displaced, munitions, ...): words near it
    prepositions          words opening a prepositional phrase: a clause after the subject opening with one is an aside
    speaker_place         prepositions before a speaker named by where it sits ("В Минобороны заявили"): dropped
    figure_back           words that refer back to a figure given before ("put that figure at 90")
    source_labels,        regular expressions for a line's label that names the source of the report ("Source:",
    quote_labels          "Джерело:"; it is no record) and for a paragraph's label of a quotation ("Quote:", "Пряма
                          мова:"): the party the source line names speaks the paragraph right before the line and
                          the quotation labelled right after it
    back_attribution      regular expressions for a sentence's opening that only says who reported the
                          sentence before ("Об этом сообщил X", "Das teilte X mit")
    months                month names as written next to a day number ("4 мая", "4 de mayo"): a date, no figure;
                          January to December in order, an entry a list where a month has two spellings
                          ([Januar, Jänner]): with `days`, the days an article's lead dates its event to
    pronoun_markers       markers citing a party by a possessive, and the pronoun they stand for ("по его словам":
                          "он", "seinen Angaben zufolge": "er")
    relative_openers      words that open a relative clause only as a clause's first word (German "der", "die":
                          "Thomas Engl, der als Vertrauensmann dabei war, spricht"): an aside on the subject
    expletives            pronouns that stand for no one ("heißt es in einer Mitteilung": the statement speaks)
    subgroups             groups of people a figure may count within a toll ("two journalists", "nine children")
    gatherings            words of a gathering (rally, march, strike): a story with one counts crowds
    also                  words that join a statement to the one before it ("also", "также", "ebenfalls"): a
                          denial with one, right after another party's denial, answers what that denial answered
    small_crowd           words that judge a gathering small with no figure ("described the turnout as small",
                          "überschaubar", "mobilisation faible", "нечисленн"; word beginnings): set against
                          another party's count of the crowd
    failure               words that judge a thing a failure ("a failure", "un fracaso", "провалилась", "Flop";
                          word beginnings): said in a sentence of a gathering (`gatherings`), with no figure, a
                          verdict on it, set against another party's count of the crowd as `small_crowd` is
    people                words for people counted with nothing said of them ("450 mil pessoas"): with no
                          quantity word near it, such a figure counts the participants of a gathering
    claim_predicates      denial words said of the claim ("false", "не соответствует действительности"): their
                          subject is what is denied, never a source
    adverb_endings        endings of manner adverbs stepped over between a subject and its cue ("formellement")
    subtotals, part_of    words that make a figure part of a total, before it ("including 9 children", "dont
                          huit") or after it ("30 children were among the dead")
    share_of              words right after a figure that make it a share of a total ("4 800 of the deaths",
                          "30 des victimes", "500 der Toten")
    partitive             words right after a figure that, followed by a word of a quantity, make it a share of a
                          count ("19 of those killed", "17 der Verletzten", "17 из задержанных")
    no_comment            regular expressions: a party's silence ("did not respond to a request for comment"),
                          no event of its own
    not_units             words never written as what a figure counts, besides the articles, prepositions,
                          conjunctions, relatives, pronouns and auxiliaries ("50 fueron", "the 40 were")
    both                  words of a note about "both" or "the two" accounts ("Les deux bilans n'ont pas pu
                          être vérifiés"): it is about the claims that contest each other
    figure_nouns          what a note calls figures ("The figures could not be verified", "Les chiffres"): it is
                          about the claims that give figures
    ranges                words joining the two figures of a range ("between 15 and 20", "от 15 до 20"): the
                          first counts what the second counts
    asked                 phrases opening the question a statement answers ("Asked about", "Interrogée sur",
                          "Отвечая на вопрос о"): a denial after one answers the party its question names
    according_relative    markers that cite the noun right before them ("dalla Bbc, secondo cui ...", "по данным
                          которого"): that noun is the source
    participle_endings    endings of a past participle in a language that needs an auxiliary or an agent to
                          report with one: with neither, it describes the noun before it ("Possibilità mai
                          considerata", "sans donner de bilan détaillé") and no one speaks
    setting_openers       words not among the prepositions that open a phrase of time or place before a speaker
                          with no comma after it ("около", "близько", "nesta"): "Около 7 часов утра замглавы МЧС"
    adjective_endings     endings of adjectives (or whole quantity words) before a noun, in a language without
                          articles ("міський голова", "несколько СМИ"):
                          the speaker after such a phrase opens with them
    gerund_endings        endings of a gerund or present participle ("estimant", "saying"): a cue of that form after
                          a comma speaks for the sentence's subject; one written small at a phrase's head before an
                          article is a verb and its object, no speaker ("contradicting the official claim")
    naming                verbs that call something by a name ("called", "nannte", "ha definito"): a cue only
                          where a denial word, a quote, a figure or a judgement of a crowd's size follows
                          ("called the report 'a lie'", "described the turnout as small"), not "a group called X"
    turns                 words of contrast inside a clause ("en revanche", "however", "dagegen"): a clause after
                          a speaker's that holds one turns to another voice
    recording             verbs that record or register a measure ("recorded", "registrou", "зафиксировали"): no
                          cue where their subject is a place or a period (`place_nouns`: "A região registrou 180
                          milímetros de chuva", "The year recorded ...": the outlet's fact)
    place_nouns           nouns of a place, a ward or a period ("region", "reparto", "year"), which record a
                          measure but say nothing
    time_words            words and phrases of time or sequence that open or end no speaker's name ("Пізніше у
                          Міноборони заявили", "12 березня речник ... уперше визнав"): dropped from a source's
                          ends, with a day number before them
    addressees            regular expressions for whom a statement was made to ("der Deutschen Presse-Agentur",
                          "газете The Washington Post"): where one follows a speaker, the speaker's name ends
    furniture, related    regular expressions for whole lines: page furniture, and a
                          heading after which the page is other articles' teasers
    days                  the days of the week, as word beginnings, Monday to Sunday in order (an entry a list
                          where a day has two names: [samstag, sonnabend]): with `months`, the dates a record
                          gives (`dates`), which tell one incident from another in a storyline
    genres                labels that open the headline of a piece reporting no event of its own
                          ("Analysis:", "Opinion |", "Kommentar:"): the merge joins it to no storyline
    hedges                words by which the outlet distances itself from what it tells ("reportedly",
                          "angeblich", "supuestamente", "нібито"): no source of its own, not asserted either
    counters              regular expressions: a figure or claim set against another party's ("a small
                          fraction of what had been reported", "ніж та, що була опублікована"): it contests it
    toll_updates          regular expressions for a sentence that updates an event's count ("the death toll from
                          Monday's earthquake rose to 94", "le bilan s'est alourdi"): it reports that event, so a
                          day it names as the event's ("Monday's") dates it (`briefing/when.py`)
    increments_after      regular expressions for what follows a figure in its clause that makes it an addition to a
                          count said before, no count of its own ("five more", "cinco personas más"; not "2,600 or
                          more"; "another 8" before a figure may be a count of another kind: "еще 8 пострадали")
    noun_markers          words after which a cue-like word is a noun ("No mesmo comunicado", "the report"): no cue
    clitics               object pronouns written before the verb ("La policía lo desmiente", "le démentent"): no
                          part of the subject before them
    possessive_endings    how a possessive word ends ("activists'", "Russia's"): a cue-like word after one is a noun
                          ("shrugged off activists' claims")
    bodies                words for an institution of any kind ("el organismo", "l'organisme", "ведомство"): a back
                          reference with one stands for the last party named, whatever its name
    releases              verbs of releasing figures ("released", "difundió", "a publié", "veröffentlichte"): a
                          sentence that says a party released its figures, giving none, gives them in the next one
    clause_cues           cues that report speech only before what was said (a complementizer, a quotation, a colon,
                          a figure, a possessive: "mantiene que", "maintains its innocence") or after it ("...,
                          maintained the ministry"); with another object ("La Aemet mantiene el aviso rojo") no cue
    possessives           possessive determiners: a source "its annual report", "su informe" is the party the
                          possessive stands for (the sentence's subject, else the last source named)
    contrast              words of contrast that open a sentence's second clause after a comma ("while",
                          "mientras", "tandis que", "а"): where it names another speaker, the sentence gives two
                          records (`clauses.py`)
    concessive            words that open a sentence with a concessive clause ("Although", "Aunque", "Obwohl"): the
                          clause after it may be another party's claim
    versus                words that set another party's figure against the one before, after a comma ("contre 60 000
                          selon l'intersyndicale", "ao contrário dos 15 mil anunciados pelos organizadores"): the
                          sentence gives two records
    cited_by              participles that, before an agent, name the party a speaker is quoted through ("a nurse
                          quoted by the Red Cross", "un médecin cité par MdM"): the speaker is the one quoted
    answer_openers        words that open a relative clause about the whole clause before ("which", "lo que", "ce
                          que"): ", lo que Ortega ha negado" is another party's denial, a record of its own
    gaps                  word beginnings of a gap between two counts ("the gap of 90,000", "Um diese Zahl
                          unterscheiden sich", "L'écart ... atteint 33 points"): the figure nearest one is a
                          difference, no count, and contests nothing
    multipliers           regular expressions for what follows a number that makes it a multiple ("two and a half
                          times", "trois fois", "cinco veces"): no figure
    conditionals          conjunctions of a condition ("if", "si", "wenn"): the figures of another party's that a
                          sentence repeats in a hypothetical ("Si fueran 120.000 personas no cabrían") are not its
                          speaker's own
    constituents          words for a party's members or counterparts who speak for themselves ("the Jaguar unions",
                          "die Beschäftigten"): a source with one is not the party it names ("Jaguar")
    impersonal            impersonal forms of cue verbs ("se considera", "si ritiene", "considera-se", "on estime"):
                          such a cue names no speaker
    passive_cues          cue forms whose subject is what is estimated, not who estimates it ("Ущерб
                          оценивается в ...", "оцінюється"): no speaker
    content_openers       regular expressions for the words after a claim's noun (and the party it names) that open
                          what the claim says, from the whitespace before them (" that", ", wonach", " selon
                          lesquelles", " о том, что"): a sentence that denies "union claims that ..." tells the
                          union's claim too, a record of its own (`clauses.py`)
    joins                 words that join the last item of a list ("and", "y", "und", "и"): "habla de 250 muertos,
                          la Cruz Roja de 1.200 y los ayuntamientos de 2.000" names three parties' figures
    figure_sources        regular expressions with a group `source`: figures that name their kind of source ("the
                          official death toll"); in a sentence that attributes nothing else, that source's claim
    follow_ups            kinds of happening that follow an event (`court`, `funeral`, `investigation`,
                          `resignation`), each with the word beginnings that tell it ("trial", "Trauer", "boîtes
                          noires", "démission"): a headline of one tells another happening than a report that never
                          mentions it (a suspect in court, the crash; a minister resigns, the ferry sank)
    same_party            groups of head words that name one party two ways ("army", "military", "armed forces"):
                          two names headed by one group, their other words agreeing, are one party
    kinds                 groups of head words (word beginnings) that stand for one another in a back reference
                          ("a companhia" for the party introduced as "a siderúrgica CSN"; "the carmaker" for "the
                          company"); a group of its own keeps apart two heads that share their first six letters
                          ("il sindaco", the mayor, is not "i sindacati", the unions)
    documents             what a party writes ("the company statement", "according to its annual report",
                          "según su informe"): such a source is the party, named before
    abbreviations         short words written with a full stop that never end a sentence before the name after
                          them ("с. Піски", "пос. Мирный", "вул. Шевченка"), with their stop
    after_quote           verbs that attribute only right after a closing quote ('," read the statement')
    not_dating            phrases after which a year dates no count ("compared with the same month of 2023",
                          "bis Ende 2026"): a comparison or a deadline
    background            phrases of time that make a sentence background ("last year", "im vergangenen
                          Jahr", "ежегодно"): the composed digest tells such a record last, if at all
    negations             words right before a figure that the source rejects ("not 300", "не 300", "no
                          25"): the composed digest never gives such a figure as the source's
    ages                  how an age is written after a name, N for its digits ("N ans", "de N años", "N лет"; a
                          bare N in every language): set off by commas or brackets, it is no part of the speaker
    clock                 words right after a figure that make it a time of day ("in the morning", "heures du
                          matin", "de la madrugada", "Uhr"): no figure of the story
    earlier_count         words that mark a figure as one its source gave before ("an earlier toll of 60",
                          "précédent bilan", "ранее"): of two figures of one source, that one is superseded
    injection             text addressed to a model rather than to readers (prompt injection), a mapping:
                          `roles`, chat roles that open a line before a colon or a closing bracket ("SYSTEM:",
                          "Assistant:", "[User]", "Пользователь:"), and `addressed`, regular expressions for what
                          is said to a model ("ignore previous instructions", "Hinweis an KI-Systeme:", "dans votre
                          résumé"). Matched in every language at once (`injection()`), on text read for matching
                          (`boilerplate.for_matching`: NFKC, invisible characters dropped, look-alike letters
                          read as Latin); such a line is hidden from the model and listed in `dropped`
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_FOLDER = Path(__file__).resolve().parent / "languages"

DEFAULT = "en"


@dataclass(frozen=True, eq=False)  # one per language, compared by identity (hashing its fields is slow)
class Lexicon:
    code: str
    capitalised_nouns: bool  # every noun is written with a capital (German): a capital is no name
    pro_drop: bool  # a sentence may have no written subject: one opening with its cue is the last source's
    verb_final: bool  # a clause may end with its verb, far after its subject ("... getötet worden")
    infinitive: frozenset[str]
    fixed_order: bool  # a speaker follows its cue only after a break (", said X"), never inside a clause
    cue: re.Pattern  # a speech or denial cue word
    denial: re.Pattern
    according: re.Pattern | None
    according_after: re.Pattern | None
    own_account: re.Pattern | None
    described_sources: tuple[re.Pattern, ...]
    passive_agent: frozenset[str]
    trailing: frozenset[str]
    auxiliaries: frozenset[str]
    reported_speech: re.Pattern | None
    continuation: re.Pattern | None
    pronouns: frozenset[str]
    determiners: frozenset[str]
    noun_modifiers: frozenset[str]
    locatives: frozenset[str]
    there: re.Pattern | None
    among_things: frozenset[str]
    accused: frozenset[str]
    accusers: frozenset[str]
    requests: re.Pattern | None
    never: re.Pattern | None
    zero: re.Pattern | None
    indefinite: frozenset[str]
    relatives: frozenset[str]
    conjunctions: frozenset[str]
    speakers: re.Pattern
    not_in_source: frozenset[str]
    ends_source: frozenset[str]
    not_sources: frozenset[str]
    complementizers: frozenset[str]
    discourse: tuple[str, ...]
    verification: re.Pattern
    earlier_claims: re.Pattern
    genitive: frozenset[str]
    quantities: tuple[tuple[str, re.Pattern], ...]
    measures: re.Pattern | None
    demonstratives: frozenset[str]
    numerals: tuple[re.Pattern | None, dict[str, float]]
    vague_counts: tuple[re.Pattern | None, dict[str, float]]
    ones: frozenset[str]
    as_words: frozenset[str]
    figure_participles: re.Pattern | None
    revising: re.Pattern | None
    counting: re.Pattern | None
    reality: re.Pattern | None
    closing_markers: re.Pattern | None
    quoting: re.Pattern | None
    quoted_words: re.Pattern | None
    new_incident: re.Pattern | None
    figure_back: re.Pattern | None
    speaker_place: frozenset[str]
    prepositions: frozenset[str]
    back_attribution: re.Pattern | None
    time_words: re.Pattern | None
    no_comment: re.Pattern | None
    subtotals: re.Pattern | None
    part_of: re.Pattern | None
    adverb_endings: tuple[str, ...]
    claim_predicates: re.Pattern | None
    people: frozenset[str]
    gatherings: re.Pattern | None
    subgroups: re.Pattern | None
    expletives: frozenset[str]
    relative_openers: frozenset[str]
    pronoun_markers: tuple[re.Pattern | None, dict[str, str]]
    addressees: re.Pattern | None
    furniture: tuple[str, ...]  # regular expressions, each for a whole line (matched by `whole_line`)
    related: tuple[str, ...]
    genres: frozenset[str] = frozenset()
    background: re.Pattern | None = None
    negations: re.Pattern | None = None  # matched at the end of the text before a figure
    earlier_count: re.Pattern | None = None
    clock: re.Pattern | None = None  # matched right after a figure
    ages: re.Pattern | None = None  # a name, then an age set off by commas or brackets
    dates: re.Pattern | None = None  # a day of the week (a word beginning) or a month name (a word)
    weekdays: tuple[re.Pattern, ...] = ()  # Monday to Sunday, each its names as word beginnings
    month_names: tuple[re.Pattern, ...] = ()  # January to December, each its spellings as words
    injection: tuple[re.Pattern, ...] = ()  # a role marker opening a line, or text addressed to a model
    not_units: frozenset[str] = frozenset()
    according_opening: re.Pattern | None = None
    both: re.Pattern | None = None
    passive_auxiliaries: frozenset[str] = frozenset()
    figure_nouns: re.Pattern | None = None
    inverted_subject: re.Pattern | None = None
    ranges: frozenset[str] = frozenset()
    naming: re.Pattern | None = None
    victims: tuple[tuple[str, re.Pattern], ...] = ()
    losses: re.Pattern | None = None
    recording: re.Pattern | None = None
    turns: re.Pattern | None = None
    place_nouns: frozenset[str] = frozenset()
    gerund_endings: tuple[str, ...] = ()
    source_labels: re.Pattern | None = None
    quote_labels: re.Pattern | None = None
    setting_openers: frozenset[str] = frozenset()
    adjective_endings: tuple[str, ...] = ()
    participle_endings: tuple[str, ...] = ()
    according_relative: re.Pattern | None = None
    hedges: re.Pattern | None = None
    documents: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    share_of: re.Pattern | None = None
    partitive: re.Pattern | None = None
    counters: re.Pattern | None = None
    small_crowd: re.Pattern | None = None
    failure: re.Pattern | None = None
    also: re.Pattern | None = None
    other_verb_particles: frozenset[str] = frozenset()
    verb_second: bool = False
    object_first: bool = False
    object_articles: frozenset[str] = frozenset()
    document_says: re.Pattern | None = None
    earlier_occasion: re.Pattern | None = None
    cumulative: re.Pattern | None = None
    whole_area: re.Pattern | None = None
    elsewhere: re.Pattern | None = None
    place_back: re.Pattern | None = None
    possessives: frozenset[str] = frozenset()
    kinds: tuple[frozenset[str], ...] = ()
    follow_ups: tuple[tuple[str, re.Pattern], ...] = ()
    same_party: tuple[frozenset[str], ...] = ()
    contrast: re.Pattern | None = None
    figure_sources: tuple[re.Pattern, ...] = ()
    concessive: re.Pattern | None = None
    versus: re.Pattern | None = None
    joins: frozenset[str] = frozenset()
    answer_openers: re.Pattern | None = None
    cited_by: frozenset[str] = frozenset()
    scale_words: re.Pattern | None = None
    noun_markers: frozenset[str] = frozenset()
    possessive_endings: tuple[str, ...] = ()
    clitics: frozenset[str] = frozenset()
    clause_cues: frozenset[str] = frozenset()
    releases: re.Pattern | None = None
    bodies: frozenset[str] = frozenset()
    increments_after: re.Pattern | None = None
    toll_updates: re.Pattern | None = None
    measures_before: re.Pattern | None = None
    not_dating: re.Pattern | None = None
    gaps: re.Pattern | None = None
    constituents: frozenset[str] = frozenset()
    conditionals: re.Pattern | None = None
    multipliers: re.Pattern | None = None  # matched right after a number
    asked: re.Pattern | None = None
    content_openers: re.Pattern | None = None  # matched right after a claim's noun
    passive_cues: frozenset[str] = frozenset()
    impersonal: re.Pattern | None = None


def _words(items, patterns=()) -> re.Pattern | None:
    """Any of the phrases `items` (or of the regular expressions `patterns`) as whole words."""
    items = sorted({str(i) for i in items or ()}, key=len, reverse=True)
    if not items and not patterns:
        return None
    body = "|".join([*(f"(?:{p})" for p in patterns or ()), *(re.escape(i).replace(r"\ ", r"\s+") for i in items)])
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


def _opening(items) -> re.Pattern | None:
    """One of `items` where it opens the text."""
    words = _words(items)
    return re.compile(rf"^\W*{words.pattern}", re.IGNORECASE) if words is not None else None


def _flat(items) -> list[str]:
    """Names where an entry may list one thing's names ([samstag, sonnabend]), one after the other."""
    return [str(n) for i in items or () for n in (i if isinstance(i, list) else [i])]


def _calendar(items, pattern, count: int) -> tuple[re.Pattern, ...]:
    """One pattern per entry of an ordered list (the days of the week, the months), of its one or more names;
    none where the list does not have `count` entries."""
    made = [pattern(i if isinstance(i, list) else [i]) for i in items or ()]
    return tuple(made) if len(made) == count and all(made) else ()


def _dates(days, months) -> re.Pattern | None:
    beginnings, words = _beginnings(days), _words(months)
    parts = [p.pattern for p in (beginnings, words) if p is not None]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _beginnings(items) -> re.Pattern | None:
    """One pattern for `items` matched as word beginnings ("погиб" finds "погибли", "гибел" finds "гибели"); an
    apostrophe in one also matches the space that stands for it in words joined back ("à l'heure"). One ending
    with "$" is a whole word ("тел$" finds "тел", not "телеканал"; "péri$" not "période")."""
    items = [str(i) for i in items or ()]
    if not items:
        return None
    body = "|".join(re.escape(i.removesuffix("$")).replace("'", "['’ ]").replace("’", "['’ ]")
                    + (r"(?!\w)" if i.endswith("$") else "") for i in items)
    return re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)


def _patterns(items) -> tuple[re.Pattern, ...]:
    """Each of `items` a pattern of its own (each names its own group `source`)."""
    return tuple(re.compile(str(i), re.IGNORECASE) for i in items or ())


def _regexes(items) -> re.Pattern | None:
    items = [str(i) for i in items or ()]
    if not items:
        return None
    return re.compile("|".join(f"(?:{i})" for i in items), re.IGNORECASE)


def _ages(items) -> re.Pattern | None:
    """A name's last word, then its age set off: ", 52," / ", 67 ans." / " (78)" (a bare N in every language)."""
    forms = sorted({"N", *(str(i) for i in items or ())}, key=len, reverse=True)
    age = "|".join(re.escape(f).replace(r"\ ", r"\s+").replace("N", r"\d{1,3}") for f in forms)
    return re.compile(rf"(?P<name>(?<![\w'’-])[^\W\d_][\w'’.-]*)(?:,\s+(?P<age>{age})(?P<close>[,.;])|"
                      rf"\s+\((?P<paren>{age})\))")


def _following(items) -> re.Pattern | None:
    """One of `items` right after a figure (after a space, or a hyphen)."""
    words = _words(items)
    return re.compile(rf"[\s-]?{words.pattern}", re.IGNORECASE) if words is not None else None


def _after_number(items) -> re.Pattern | None:
    """One of the regular expressions `items` right after a number (after a space or a hyphen)."""
    items = [str(i) for i in items or ()]
    return re.compile(r"^[\s-]*(?:" + "|".join(items) + ")", re.IGNORECASE) if items else None


def _last(items) -> re.Pattern | None:
    """One of `items` as the last words of a text (before a figure)."""
    words = _words(items)
    return re.compile(rf"{words.pattern}\s*$", re.IGNORECASE) if words is not None else None


def _ends(items, prepositions=()) -> re.Pattern | None:
    """One pattern for a run of `items` (with a day number or a year before one, "12 березня", "2021 году") or
    of years at the start or the end of a phrase, with the commas and spaces around it."""
    words = _words(items)
    if words is None:
        return None
    # (or a year: "Nel 2019 la stessa prefettura", "В 2021 году ведомство")
    year = r"(?:\w{1,4}\s+)?(?:1[89]|20)\d\d"  # with its preposition ("Nel 2019", "В 2021")
    # (a time word may have its preposition too: "в марте", "У липні")
    before = "|".join(re.escape(str(p)) for p in sorted(prepositions or (), key=len, reverse=True)) or "(?!)"
    one = rf"(?:(?:(?:\d{{1,2}}\.?|{year}|(?:{before}))\s+)?(?:{words.pattern})|{year}(?!\w))"
    return re.compile(rf"^(?:{one}[\s,]*)+|(?:[\s,]+{one})+$", re.IGNORECASE)


def _required(pattern: re.Pattern | None, key: str, code: str) -> re.Pattern:
    """`pattern`, read from `key` of the language file: the rules use it on every sentence, so a file without
    the key is an error when it is loaded, not a failure on the first article."""
    if pattern is None:
        raise ValueError(f"{_FOLDER / code}.yaml has no {key}")
    return pattern


def _conjugated(data: dict, key: str) -> list[str]:
    """Every form of the regular verbs under `key`: each stem with each ending of its class (`conjugations`)."""
    endings = data.get("conjugations") or {}
    return [stem + ending for kind, stems in (data.get(key) or {}).items() for stem in stems or ()
            for ending in endings[kind]]


def _lower(items) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items or ())


@cache
def supported() -> tuple[str, ...]:
    """The codes of the languages that have a file."""
    return tuple(sorted(p.stem for p in _FOLDER.glob("*.yaml")))


def _with_ss(data):
    """The language data with each word that holds "ß" also written "ss", as Swiss German writes it ("hiess es",
    "gemäss", "äusserte")."""
    if isinstance(data, dict):
        return {key: _with_ss(value) for key, value in data.items()}
    if isinstance(data, list):
        items = [_with_ss(item) for item in data]
        return items + [item.replace("ß", "ss") for item in items if isinstance(item, str) and "ß" in item]
    return data


@cache
def lexicon(language: str | None) -> Lexicon:
    """The lexicon of `language` (an ISO 639-1 code, "de" or "de-AT"); English's for one without a file."""
    import yaml

    code = re.split(r"[-_]", (language or DEFAULT).strip().lower(), maxsplit=1)[0]
    if code not in supported():
        code = DEFAULT
    # BaseLoader: every word a string ("no", "on" and "si" are words here, not booleans)
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml's where PyYAML has it: 3 times faster
    data = _with_ss(yaml.load((_FOLDER / f"{code}.yaml").read_text(encoding="utf-8"), Loader=loader) or {})
    # the accusers of a case speak ("Según el escrito de acusación", "По версии следствия")
    # and so do armed parties named by a label, loaded or not ("the jihadists said", "По данным террористов")
    speakers = sorted({str(s) for s in [*(data.get("speakers") or ()), *(data.get("accusers") or ()),
                                        *(data.get("labelled_parties") or ())]},
                      key=len, reverse=True)
    # a head starts a word, or follows an elided article ("l'armée", "dell'esercito", "d'Israël")
    start = "" if data.get("compounds") == "true" else r"(?:(?<![\w'’-])|(?<=\b[^\W\d_]['’])|(?<=\bdell['’]))"
    return Lexicon(
        code=code,
        capitalised_nouns=data.get("capitalised_nouns") == "true",
        pro_drop=data.get("pro_drop") == "true",
        verb_final=data.get("verb_final") == "true",
        fixed_order=data.get("fixed_order") == "true",
        infinitive=_lower(data.get("infinitive")),
        cue=_with_after_quote(_required(_words([*(data.get("speech") or ()), *(data.get("denial") or ()),
                                                *(data.get("knowledge") or ()),
                                                *_conjugated(data, "speech_stems"),
                                                *_conjugated(data, "denial_stems")], data.get("figure_giving")),
                                        "speech or denial", code),
                              data.get("after_quote")),
        denial=_required(_words([*(data.get("denial") or ()), *_conjugated(data, "denial_stems")]), "denial", code),
        according=_words(data.get("according"), data.get("according_figures")),
        according_after=_words(data.get("according_after")),
        own_account=_words(data.get("own_account")),
        described_sources=_patterns(data.get("described_sources")),
        passive_agent=_lower(data.get("passive_agent")),
        trailing=_lower(data.get("trailing")),
        auxiliaries=_lower(data.get("auxiliaries")),
        reported_speech=_words(data.get("reported_speech")),
        continuation=_words(data.get("continuation")),
        pronouns=_lower(data.get("pronouns")),
        determiners=_lower(data.get("determiners")),
        noun_modifiers=_lower(data.get("noun_modifiers")),
        locatives=_lower(data.get("locatives")),
        there=_words(data.get("there")),
        among_things=_lower(data.get("among_things")),
        accused=_lower(data.get("accused")),
        accusers=_lower(data.get("accusers")),
        requests=_words(data.get("requests")),
        never=_words(data.get("never")),
        zero=_words(data.get("zero")),
        indefinite=_lower(data.get("indefinite")),
        relatives=_lower(data.get("relatives")),
        conjunctions=_lower(data.get("conjunctions")),
        speakers=re.compile(start + "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in speakers) + ")",
                            re.IGNORECASE),
        not_in_source=_lower(data.get("not_in_source")),
        ends_source=_lower(data.get("ends_source")),
        not_sources=_lower(data.get("not_sources")),
        complementizers=_lower(data.get("complementizers")),
        discourse=tuple(str(d).lower() for d in data.get("discourse") or ()),
        verification=_required(_regexes(data.get("verification")), "verification", code),
        earlier_claims=_required(_words(data.get("earlier_claims")), "earlier_claims", code),
        genitive=_lower(data.get("genitive")),
        quantities=tuple((name, _required(_beginnings(words), f"quantities: {name}", code))
                         for name, words in (data.get("quantities") or {}).items()),
        victims=tuple((name, _required(_beginnings(words), f"victims: {name}", code))
                      for name, words in (data.get("victims") or {}).items()),
        losses=_words(data.get("losses")),
        new_incident=_words(data.get("new_incident")),
        demonstratives=_lower(data.get("demonstratives")),
        numerals=(_words(data.get("numerals") or ()), {str(k).lower(): float(v) for k, v in
                                                        (data.get("numerals") or {}).items()}),
        vague_counts=(_words(data.get("vague_counts") or ()), {str(k).lower(): float(v) for k, v in
                                                              (data.get("vague_counts") or {}).items()}),
        ones=_lower(data.get("ones")),
        as_words=_lower(data.get("as_words")),
        figure_participles=_beginnings(data.get("figure_participles")),
        reality=_words(data.get("reality")),
        closing_markers=_regexes(data.get("closing_markers")),
        quoting=_words(data.get("quoting")),
        quoted_words=_words(data.get("quoted_words")),
        revising=_regexes([rf"(?<!\w)(?:{r})" for r in data.get("revising") or ()]),
        counting=_regexes([rf"(?<!\w)(?:{r})" for r in data.get("counting") or ()]),
        measures=re.compile(r"(?:" + "|".join(re.escape(str(w)) for w in data["measures"]) + ")", re.IGNORECASE)
        if data.get("measures") else None,
        figure_back=_words(data.get("figure_back")),
        speaker_place=_lower(data.get("speaker_place")),
        prepositions=_lower(data.get("prepositions")),
        back_attribution=_regexes([*(data.get("back_attribution") or ()), *(data.get("source_labels") or ())]),
        source_labels=_regexes(data.get("source_labels")),
        quote_labels=_regexes(data.get("quote_labels")),
        time_words=_ends([*(data.get("time_words") or ()), *_flat(data.get("months"))],
                        [*(data.get("prepositions") or ()), *(data.get("speaker_place") or ())]),
        addressees=_regexes([rf"(?<![\w'’])(?:{a})" for a in data.get("addressees") or ()]),  # whole words
        no_comment=_regexes(data.get("no_comment")),
        subtotals=_words(data.get("subtotals")),
        part_of=_words(data.get("part_of")),
        adverb_endings=tuple(str(e) for e in data.get("adverb_endings") or ()),
        claim_predicates=_words(data.get("claim_predicates")),
        people=_lower(data.get("people")),
        gatherings=_beginnings(data.get("gatherings")),
        expletives=_lower(data.get("expletives")),
        relative_openers=_lower(data.get("relative_openers")),
        subgroups=_beginnings(data.get("subgroups")),
        pronoun_markers=(_words(data.get("pronoun_markers") or ()),
                         {" ".join(str(k).lower().split()): str(v)
                          for k, v in (data.get("pronoun_markers") or {}).items()}),
        furniture=tuple(data.get("furniture") or ()),
        related=tuple(data.get("related") or ()),
        genres=_lower(data.get("genres")),
        background=_words(data.get("background")),
        negations=_last(data.get("negations")),
        earlier_count=_words(data.get("earlier_count")),
        clock=_following(data.get("clock")),
        ages=_ages(data.get("ages")),
        dates=_dates(_flat(data.get("days")), _flat(data.get("months"))),
        weekdays=_calendar(data.get("days"), _beginnings, 7),
        month_names=_calendar(data.get("months"), _words, 12),
        injection=_injection(data.get("injection") or {}),
        not_units=_lower(data.get("not_units")),
        both=_words(data.get("both")),
        passive_auxiliaries=_lower(data.get("passive_auxiliaries")),
        figure_nouns=_words(data.get("figure_nouns")),
        inverted_subject=re.compile(str(data["inverted_subject"]), re.IGNORECASE) if data.get("inverted_subject")
        else None,
        according_opening=_opening(data.get("according_opening")),
        ranges=_lower(data.get("ranges")),
        naming=_words(data.get("naming")),
        recording=_words(data.get("recording")),
        turns=_words(data.get("turns")),
        place_nouns=_lower(data.get("place_nouns")),
        gerund_endings=tuple(data.get("gerund_endings") or ()),
        setting_openers=_lower(data.get("setting_openers")),
        adjective_endings=tuple(data.get("adjective_endings") or ()),
        participle_endings=tuple(data.get("participle_endings") or ()),
        according_relative=_words(data.get("according_relative")),
        asked=_words(data.get("asked")),
        hedges=_words(data.get("hedges")),
        documents=_lower(data.get("documents")),
        abbreviations=_lower(data.get("abbreviations")),
        share_of=_opening(data.get("share_of")),
        partitive=_opening(data.get("partitive")),
        counters=_regexes(data.get("counters")),
        small_crowd=_beginnings(data.get("small_crowd")),
        failure=_beginnings(data.get("failure")),
        also=_words(data.get("also")),
        other_verb_particles=_lower(data.get("other_verb_particles")),
        verb_second=str(data.get("verb_second", "")).lower() == "true",
        object_first=str(data.get("object_first", "")).lower() == "true",
        object_articles=_lower(data.get("object_articles")),
        document_says=_words(data.get("document_says")),
        earlier_occasion=_regexes(data.get("earlier_occasion")),
        cumulative=_regexes(data.get("cumulative")),
        whole_area=_regexes(data.get("whole_area")),
        elsewhere=_regexes(data.get("elsewhere")),
        place_back=_regexes(data.get("place_back")),
        possessives=_lower(data.get("possessives")),
        scale_words=_opening(data.get("scale_words")),
        kinds=tuple(_lower(group) for group in data.get("kinds") or ()),
        same_party=tuple(_lower(group) for group in data.get("same_party") or ()),
        follow_ups=tuple((str(kind), pattern) for kind, words in (data.get("follow_ups") or {}).items()
                         if (pattern := _beginnings(words)) is not None),
        contrast=_opening(data.get("contrast")),
        figure_sources=_patterns(data.get("figure_sources")),
        concessive=_opening(data.get("concessive")),
        versus=_opening(data.get("versus")),
        joins=_lower(data.get("joins")),
        answer_openers=_opening(data.get("answer_openers")),
        cited_by=_lower(data.get("cited_by")),
        noun_markers=_lower(data.get("noun_markers")),
        possessive_endings=tuple(data.get("possessive_endings") or ()),
        clitics=_lower(data.get("clitics")),
        clause_cues=_lower(data.get("clause_cues")),
        releases=_words(data.get("releases")),
        bodies=_lower(data.get("bodies")),
        increments_after=_regexes(data.get("increments_after")),
        toll_updates=_regexes(data.get("toll_updates")),
        measures_before=_beginnings(data.get("measures_before")),
        not_dating=_words(data.get("not_dating")),
        gaps=_beginnings(data.get("gaps")),
        constituents=_lower(data.get("constituents")),
        conditionals=_words(data.get("conditionals")),
        multipliers=_after_number(data.get("multipliers")),
        content_openers=_regexes(data.get("content_openers")),
        passive_cues=_lower(data.get("passive_cues")),
        impersonal=_words(data.get("impersonal")),
    )


def _with_after_quote(cue: re.Pattern, verbs) -> re.Pattern:
    """`cue`, with `verbs` that are cues only right after a closing quote and a space ('," read the company
    email': not "read the report")."""
    words = _words(verbs)
    if words is None:
        return cue
    return re.compile(rf"{cue.pattern}|(?<=[\"”»] ){words.pattern}", re.IGNORECASE)


def _injection(spec: dict) -> tuple[re.Pattern, ...]:
    """The patterns of a language's `injection`: a line opening with one of its `roles` and a colon or a
    closing bracket ("SYSTEM:", "**Assistant:**", "[User]", "<|system|>"), and each of its `addressed`. Kept
    apart, so that `boilerplate` searches only those whose words a sentence has."""
    roles = sorted({str(r) for r in spec.get("roles") or ()}, key=len, reverse=True)
    parts = [str(p) for p in spec.get("addressed") or ()]
    if roles:
        body = "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in roles)
        parts.insert(0, rf"^[^\w]*(?:{body})(?![\w'’-])\s*(?:[\])>|*}}]+\s*:?|:)")
    return tuple(re.compile(p, re.IGNORECASE) for p in parts)


@cache
def injection() -> tuple[re.Pattern, ...]:
    """Text addressed to a model in any language with a file (each lexicon's `injection`): an English page may
    carry a French instruction."""
    return tuple(dict.fromkeys(p for lex in every() for p in lex.injection))


@cache
def months() -> re.Pattern:
    """The month names of every language with a file, after a day number ("4 мая", "12 березня", "6. Mai",
    "4 de mayo"): whatever the article's language, the figure is a date."""
    import yaml

    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    names = {m for code in supported() for m in _flat((yaml.load((_FOLDER / f"{code}.yaml").read_text(
        encoding="utf-8"), Loader=loader) or {}).get("months"))}
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"^\.?\s*(?:{body})(?![\w'’-])", re.IGNORECASE)


@cache
def every() -> tuple[Lexicon, ...]:
    """The lexicons of every language with a file: page furniture is matched in all of them (an English
    cookie banner on a German page is still furniture)."""
    return tuple(lexicon(code) for code in supported())


@cache
def constituents() -> frozenset[str]:
    """The `constituents` words of every language, lower case: a name is compared with another whatever the
    language of either."""
    return frozenset().union(*(lex.constituents for lex in every()))


@cache
def _whole_lines(key: str) -> tuple[re.Pattern, re.Pattern]:
    """(contains, whole) for the line patterns `key` ("furniture" or "related") of every language: those
    written ".*X.*" become one search for X; the rest one match of the whole line. One pass each instead of
    one per pattern and language (a fifth of the time on the fixture articles)."""
    contains, whole = [], []
    for lex in every():
        for pattern in getattr(lex, key):
            if pattern.startswith(".*") and pattern.endswith(".*") and len(pattern) > 4:
                contains.append(pattern[2:-2])
            else:
                whole.append(pattern)
    never = "(?!)"
    return (re.compile("|".join(f"(?:{p})" for p in contains) or never, re.IGNORECASE),
            re.compile("(?:" + ("|".join(f"(?:{p})" for p in whole) or never) + r")\Z", re.IGNORECASE))


def whole_line(key: str, line: str) -> bool:
    """Is `line` one of the lines `key` ("furniture" or "related") of any language?"""
    contains, whole = _whole_lines(key)
    return bool(whole.match(line) or contains.search(line))


def is_verification(text: str, language: str | None = None) -> bool:
    """Does the text say something could not be verified, in its language or in English?"""
    own, english = lexicon(language), lexicon(DEFAULT)
    return bool(own.verification.search(text) or own is not english and english.verification.search(text))


def is_hedged(text: str, language: str | None = None) -> bool:
    """Does the outlet distance itself from what the sentence tells ("reportedly", "angeblich", "нібито")? Not
    where the hedge is inside a relative clause or a prepositional phrase: "were indicted ... over schemes in
    which they allegedly padded their paychecks" tells the indictment as a fact."""
    lex = lexicon(language)
    found = lex.hedges.search(text) if lex.hedges is not None else None
    if found is None:
        return False
    before = [w.strip(",;:«»\"“”„").lower() for w in text[:found.start()].split()]
    return not any(w in lex.relatives for w in before) and not (before and before[-1] in lex.prepositions)


def is_back_attribution(text: str, language: str | None = None) -> bool:
    """Does the sentence only say who reported the one before it ("Об этом сообщил глава администрации.",
    "Das teilte das Ministerium mit.")? Then it is that sentence's attribution and evidence, no record."""
    pattern = lexicon(language).back_attribution
    return bool(pattern and pattern.match(text.strip()))
