"""Attribution parsing, source matching and names: the deterministic checks behind the repairs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.attribution import attributed, is_speaker, parse_attribution
from summarizer.language import lexicon, supported
from summarizer.names import names_of, when_of
from summarizer.segment import segment
from summarizer.sources import is_back_reference, mentions, same_source, source_type_of


@pytest.mark.parametrize("sentence, expected", [
    ("About 12,000 households were without power, the regional governor said.", ("the regional governor", "said")),
    ("Kiev received 1,000 fallen soldiers, according to the staff responsible for prisoner of war affairs.",
     ("the staff responsible for prisoner of war affairs", "according to")),
    ("Russian President Vladimir Putin last week accused Ukraine of orchestrating a bombing.",
     ("Russian President Vladimir Putin", "accused")),
    ("A Ukrainian military spokesperson, Dmytro Zaporozhets, said troops were attempting a bridgehead.",
     ("Dmytro Zaporozhets", "said")),
    ("A witness, who gave her name only as Olena, said she saw a flash.", ("A witness", "said")),
    ("Russian state news agencies TASS and RIA both reported the handover, citing an unnamed source.",
     ("Russian state news agencies TASS and RIA", "reported")),
    ("He says Russia has amassed 53,000 troops in the vicinity.", ("he", "says")),
    ("The city had about 67,000 residents before the war; officials estimate that seven in ten have left.",
     ("officials", "estimate")),
    ("Heavy rain flooded three villages in the Odesa region on Monday.", None),
    ("The claim comes as the war intensifies.", None),
])
def test_the_sentence_says_who_says_it(sentence, expected):
    assert parse_attribution(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # discourse phrases, subjects of other verbs and participles are no source
    ("That being said, the talks will resume on Friday.", None),
    ("The water authority had no confirmed information on casualties.", None),
    ("The tit-for-tat measures announced by Beijing hit soybeans.", None),
    # an English cue has its speaker after it only after a break: here "alleged" is an adjective
    ("They blamed alleged Islamic militants for the unrest.", None),
    # a cue word in a prepositional phrase is a noun: "on unconfirmed reports"
    ("Commenting on unconfirmed reports of 60 dead, a police official confirmed dozens of deaths.",
     ("a police official", "confirmed")),
    ("Also among the dead were five children, said police.", ("police", "said")),
    # a pronoun is a source alone; with the verb after it, the pronoun is the subject of both verbs
    ("Officials met on Tuesday, and they blamed alleged militants for the unrest and denied that troops fired.",
     ("they", "denied")),
    ("The ministry provided no evidence and Ukraine denied the report.", ("Ukraine", "denied")),
    ("Eastbridge city council voted on Monday to close the bridge, the mayor said.", ("the mayor", "said")),
    ("The port will reopen on Friday, said Maria Lopes, a spokeswoman for the port authority.",
     ("Maria Lopes", "said")),
    ("The figures were confirmed by the health ministry.", ("the health ministry", "confirmed")),
    # a passive with no agent names who the claim is about, not who speaks
    ("The regional governor was accused of hiding the real number of victims.", None),
    ("The United States said it would respond.", ("The United States", "said")),  # "States" is no cue
    ("Talks will resume, said Monday the rebels.", None),  # a weekday is no speaker
    ("The truce, overseen by the US, said nothing of prisoners.", None),  # a participle's agent speaks not
])
def test_a_source_is_a_noun_phrase_that_can_speak(sentence, expected):
    assert parse_attribution(sentence) == expected


@pytest.mark.parametrize("language, sentence, expected", [
    ("de", "Die Truppen hätten zwei Dörfer eingenommen, sagte ein Sprecher des Ministeriums.",
     ("ein Sprecher des Ministeriums", "sagte")),
    ("de", "Am Montag teilte das Verteidigungsministerium mit, man habe 40 Drohnen abgeschossen.",
     ("das Verteidigungsministerium", "teilte")),
    ("de", "Das teilte Ministeriumssprecher Pawel Sarudny am Dienstag mit.",
     ("Ministeriumssprecher Pawel Sarudny", "teilte")),
    ("de", "Laut dem Gesundheitsministerium wurden 19 Menschen getötet.", ("dem Gesundheitsministerium", "laut")),
    ("de", "Dem Ministerium zufolge wurden 19 Menschen getötet.", ("Dem Ministerium", "zufolge")),
    ("es", "El ejército tomó la ciudad, afirmó el portavoz militar, contactado por la AFP.",
     ("el portavoz militar", "afirmó")),
    ("es", "Según el sindicato Coordinadora, 1.200 estibadores iniciaron la huelga.",
     ("el sindicato Coordinadora", "según")),
    ("fr", "Le porte-parole a déclaré que 40 soldats avaient été tués.", ("Le porte-parole", "déclaré")),
    ("fr", "Selon le ministère de la Santé, 19 personnes ont été tuées.", ("le ministère de la Santé", "selon")),
    ("pt", "Segundo a Defesa Civil, 40 pessoas morreram.", ("a Defesa Civil", "segundo")),
    ("it", "Il portavoce ha detto che 40 persone sono morte.", ("Il portavoce", "detto")),
    ("ru", "По словам губернатора, погибли 19 человек.", ("губернатора", "по словам")),
    ("ru", "Министр обороны заявил, что войска заняли село.", ("Министр обороны", "заявил")),
    ("uk", "Як заявив речник Генштабу, ворог втратив 40 танків.", ("речник Генштабу", "як заявив")),
    ("de", "Das Verteidigungsministerium hat nach eigenen Angaben zwei Drohnen abgeschossen.",
     ("Das Verteidigungsministerium", "nach eigenen angaben")),
    ("de", "Dies teilte das Ministerium am Sonntag mit.", ("das Ministerium", "teilte")),
    ("fr", "Selon lui, le navire était visé.", ("lui", "selon")),
    # the speaker who comes first reports what follows; a marker inside the words said is theirs
    ("fr", "Leur porte-parole a déclaré que trois missiles avaient visé le navire, propriété selon lui d'Israël.",
     ("Leur porte-parole", "déclaré")),
    # an aside naming who asked is skipped back to the subject
    ("es", "Un portavoz de las FAR, contactado por la AFP, negó que sus combatientes atacaran a civiles.",
     ("Un portavoz de las FAR", "negó")),
    ("en", "A source, speaking on condition of anonymity, said 40 people died.", ("A source", "said")),
    ("it", "Stando al sindacato, in almeno 40 stazioni il personale sarebbe stato sostituito.",
     ("sindacato", "stando al")),
    ("it", "Ferrovie dello Stato ha smentito la ricostruzione.", ("Ferrovie dello Stato", "smentito")),  # not "stato"
    # an appositive with a relative clause, and auxiliaries alone, send back to the subject
    ("en", "The Civil Defence, volunteers who work under the government, had earlier said 35 people were killed.",
     ("The Civil Defence", "said")),
    # two coordinated verbs: the subject of both, not the first verb's clause
    ("en", "The ruling army-led Sovereign Council described the raid as a massacre and accused the RSF of it.",
     ("The ruling army-led Sovereign Council", "accused")),
    # a sentence that only says who reported the one before: the speaker follows the opener
    ("ru", "Об этом сообщил глава районной администрации Олег Гуляев.",
     ("глава районной администрации Олег Гуляев", "сообщил")),
    ("uk", "Про це повідомив начальник обласної адміністрації Остап Кравчук.",
     ("начальник обласної адміністрації Остап Кравчук", "повідомив")),
    ("en", "This was announced by the mayor on Monday.", ("the mayor", "announced")),
    ("fr", "La compagnie a par ailleurs affirmé que deux marins avaient été blessés.", ("La compagnie", "affirmé")),
    # a prepositional aside after the subject; an elided article before the speaker; an impersonal statement
    ("es", "El Gobierno federal, bajo la coordinación de la Secretaría de Gobernación, reportó 34 muertos.",
     ("El Gobierno federal", "reportó")),
    ("fr", "Interrogée, l'armée israélienne a indiqué qu'elle vérifiait l'information.",
     ("l'armée israélienne", "indiqué")),
    ("uk", "У заяві пресслужби Генштабу наголошується, що ця інформація не відповідає дійсності.",
     ("пресслужби Генштабу", "у заяві")),
    ("ru", "В Минобороны заявили, что средства ПВО сбили 14 беспилотников.", ("Минобороны", "заявили")),
    ("es", "Según el documento, las autoridades estatales habían contabilizado 29 fallecidos.",
     ("el documento", "según")),
    # an aside opened by "including", a lone adverb before the cue
    ("en", "Since then, rights groups, including Amnesty International, have accused the rebels of killing 900.",
     ("rights groups", "accused")),
    ("en", "However, Joseph Arende, head of the alliance, of which the rebels are a part, strongly denied it.",
     ("Joseph Arende", "denied")),
    # German: the subject stands before the auxiliary, the cue comes last; "sprachen von" is "spoke of"
    ("de", "Die Miliz hat diese Angaben als Propaganda zurückgewiesen.", ("Die Miliz", "zurückgewiesen")),
    ("de", "Der Gouverneur der Region, Adam Harun, hatte am Mittwoch von 210 Toten berichtet.",
     ("Adam Harun", "berichtet")),
    ("de", "Ärzte vor Ort sprachen von mindestens 130 Toten.", ("Ärzte vor Ort", "sprachen")),
    # a sentence with no written subject goes on with the last source (a pronoun, resolved by the caller)
    ("es", "Advirtieron, además, que los servicios mínimos serán recurridos.", ("ella", "advirtieron")),
    ("es", "En parecidos términos se expresó el portavoz de la Confederación, Luis Peral, que habló de éxito.",
     ("el portavoz de la Confederación, Luis Peral", "expresó")),
    ("ru", "Утром во вторник несколько СМИ сообщили, что погибли 7 человек.", ("несколько СМИ", "сообщили")),
    ("ru", "Как утверждают местные власти, среди погибших двое детей.", ("местные власти", "как утверждают")),
    ("fr", "Le ministre, Paul Ravel, a fait état sur Twitter de six policiers blessés.", ("Paul Ravel", "fait état")),
    # a lone pronoun or party before the cue is the speaker, not an adverb to step over (seed 001)
    ("en", "Four residential buildings were damaged in the attack, he said.", ("he", "said")),
    ("en", "Earlier, Ukraine attacked refineries in two Russian regions near the Volga River, officials said.",
     ("officials", "said")),
    # time words and dates around a speaker are no part of it (time_words, months)
    ("uk", "Пізніше у Міноборони РФ заявили, що знищили склад.", ("Міноборони РФ", "заявили")),
    ("uk", "12 березня речник Міноборони РФ Ігор Кравцов уперше визнав, що є загиблі.",
     ("речник Міноборони РФ Ігор Кравцов", "визнав")),
    ("ru", "22 августа министр обороны Исраэль Кац сообщил, что план одобрен.",
     ("министр обороны Исраэль Кац", "сообщил")),
    # whom it was said to is no speaker (addressees), before or after the speaker
    ("de", "Die Kammer will die Angaben überprüfen, sagte ihr Vorsitzender Emil Radev der Deutschen Presse-Agentur.",
     ("ihr Vorsitzender Emil Radev", "sagte")),
    ("ru", "Об этом газете The Washington Post заявил представитель американской разведки.",
     ("представитель американской разведки", "заявил")),
    ("pt", "“Esta não é a verdade”, disse à CNN o porta-voz do Ministério da Defesa, Markiyan Lubkivsky.",
     ("o porta-voz do Ministério da Defesa", "disse")),  # a cue inside the quote is the speaker's word
    ("pt", "“Pelo menos 92 pessoas foram mortas”, afirmou o alto comissário da ONU, Anders Holm, em Genebra.",
     ("o alto comissário da ONU, Anders Holm", "afirmou")),
    ("uk", "Про це повідомляє «Суспільне».", ("«Суспільне»", "повідомляє")),
    ("ru", "По его словам, Израиль не атаковал больницу.", ("он", "по его словам")),
    ("ru", "Местный минздрав сообщал о гибели 300 человек.", ("Местный минздрав", "сообщал")),
    # an appositive between the speaker and its cue; a statement of condemnation; the press as a source
    ("en", "The electoral commission for Anjouan, the archipelago's most populous island, declared 12 winners.",
     ("The electoral commission for Anjouan", "declared")),
    ("en", "The blast hit the market, the busiest in the city, officials said.", ("officials", "said")),
    ("pt", "Em comunicado, o executivo haitiano condenou o massacre.", ("o executivo haitiano", "condenou")),
    ("fr", "Selon des informations de la presse chinoise, Pékin serait prêt à exempter certains produits.",
     ("la presse chinoise", "selon")),
    # forms of a regular verb no list spells out, built from its stem and its class's endings
    ("en", "They allege that more than 60 people were detained.", ("they", "allege")),
    ("es", "Las asociaciones de transportistas alegan que el bloqueo afecta a más de 2.000 vehículos.",
     ("Las asociaciones de transportistas", "alegan")),
    ("it", "I sindacati della scuola sostenevano che l'adesione avrebbe superato il 60%.",
     ("I sindacati della scuola", "sostenevano")),
    ("fr", "« Il y a eu au moins 9 morts », allègue Karim Benali, un habitant de Montrelay.",
     ("Karim Benali", "allègue")),
    # a party's figures as the subject: the party speaks, with or without a cue
    ("it", "La stima della Questura è di circa 8.000 partecipanti.", ("Questura", "stima")),
    ("fr", "Les chiffres de la préfecture font état de 4 morts.", ("la préfecture", "font état")),
    ("en", "The interior ministry's figures show 23 arrests.", ("The interior ministry", "figures")),
    ("de", "Die Zahlen des Bergbauministeriums nennen zudem 52 Verletzte.", ("Bergbauministeriums", "nennen")),
    ("es", "Los últimos datos de la Defensoría del Pueblo, publicados el martes, informaban de 12 heridos.",
     ("la Defensoría del Pueblo", "informaban")),  # the aside skipped, its verb is the cue
    # a marker makes any plain noun phrase the source; a German source named only by an adjective
    ("es", "Según el gremio, las pérdidas superan los 15 millones de dólares.", ("el gremio", "según")),
    ("en", "According to the latest figures, 15 people died.", None),
    ("de", "Nach iranischen Angaben sind neun Menschen getötet worden.", ("iranischen Angaben", "nach")),
    ("de", "Nach eigenen Angaben hat das Militär 20 Drohnen abgeschossen.", ("das Militär", "nach eigenen angaben")),
    # German: a short name in guillemets is part of the subject; "laut eigenen Angaben" is the subject's own
    # account; a participle closing its clause after a fronted phrase has its subject after the auxiliary
    ("de", "Die US-Zeitung «Wall Street Journal» berichtete am Montag, Mitglieder seien erkrankt.",
     ("Die US-Zeitung «Wall Street Journal»", "berichtete")),
    ("de", "Die angeblichen Opfer sind laut eigenen Angaben bei bester Gesundheit.",
     ("Die angeblichen Opfer", "laut eigenen angaben")),
    ("de", "In der Ukraine haben Teilnehmer an den Verhandlungen mit Russland Berichte zurückgewiesen, sie seien "
           "vergiftet worden.", ("Teilnehmer an den Verhandlungen", "zurückgewiesen")),
    # no written subject after a quote or between commas: the last source's (a pronoun stands for it)
    ("it", "Lo scoppio è stato tale, ha aggiunto, che la casa è stata demolita.", ("egli", "aggiunto")),
    ("pt", "“Algumas pessoas haviam se abrigado na casa de parentes”, declarou.", ("ela", "declarou")),
    ("es", "La secretaria de Estado, Consuelo Rumí, dijo, a última hora de la tarde, que el alcance fue limitado.",
     ("Consuelo Rumí", "dijo")),
    # an initial's full stop ends no name
    ("en", "Up to 2,000 refugees crossed into Serbia, said U.N. refugee agency officials in Geneva.",
     ("U.N. refugee agency officials", "said")),
    ("fr", "« Nous avons surveillé ces colonnes », a poursuivi M. Koulamallah.", ("M. Koulamallah", "poursuivi")),
    # a spaced hyphen stands for a dash after a quote
    ("uk", 'Ще один військовий отримав контузію поблизу Водяного", - підкреслив він.', ("він", "підкреслив")),
    # a title after a name: the name speaks; a German participle closing the sentence
    ("pt", "Adilson Manuel, porta-voz da organização da marcha de sábado, disse que a polícia não informou.",
     ("Adilson Manuel", "disse")),
    ("de", 'Der Betreiber Karwosk Kohle hat die Angaben als "haltlos" bezeichnet und zurückgewiesen.',
     ("Der Betreiber Karwosk Kohle", "zurückgewiesen")),
    ("en", "According to the numbers reported by University officials, 202 members have remained on the job.",
     ("University officials", "according to")),
    ("es", "Según las cifras facilitadas por el Ministerio del Interior, hubo 12 detenidos.",
     ("el Ministerio del Interior", "según")),
    # a denial said of the claim names no speaker; the speaker sits in the ministry ("в Минобороны")
    ("ru", "Информация о гибели семи военнослужащих не соответствует действительности, утверждают в Минобороны "
     "Азербайджана.", ("Минобороны Азербайджана", "утверждают")),
    ("ru", '"Армянская сторона распространяет ложную информацию", - заявили "Интерфаксу" в оборонном ведомстве.',
     ("оборонном ведомстве", "заявили")),
    # German: the subject after the verb, a decimal comma, a name before its object, "den Angaben zufolge"
    ("de", "Schon zuvor hatte die Behörde den Amtsinhaber Maduro mit 51,2 Prozent zum Wahlsieger erklärt.",
     ("die Behörde", "erklärt")),
    ("de", "Angesichts der Betrugsvorwürfe warf Maduro der Opposition einen Staatsstreich vor.", ("Maduro", "warf")),
    ("de", "Der Kandidat kam den Angaben zufolge auf 44,2 Prozent.", ("er", "zufolge")),
    ("de", "Wie viele Tote gab es wirklich?", None),
    ('de', '"Es wird versucht, einen Staatsstreich durchzusetzen", sagte er bei der Verkündung.', ("er", "sagte")),
    # manner adverbs are stepped over, nouns that end like them are not; "por volta" is no agent
    ("fr", "L’armée du Nigéria a formellement démenti ces informations.", ("L’armée du Nigéria", "démenti")),
    ("fr", "Le gouvernement a répété qu'il ne retirerait pas le texte.", ("Le gouvernement", "répété")),
    ("fr", "Dans un communiqué, l’armée a indiqué que plusieurs djihadistes sont morts.", ("l’armée", "indiqué")),
    ("pt", "O movimento Vem Pra Rua anunciou por volta das 16h que 2,5 milhões participam.",
     ("O movimento Vem Pra Rua", "anunciou")),
    # a quote left open holds no attribution; "heißt es in einer Mitteilung"; opinion markers; released data
    ("uk", 'Пряма мова: "На даний момент порушень не виявлено, заявили прикордонники.', None),
    ("de", "„Lediglich 53 Mitarbeiter waren beteiligt“, heißt es in einer Mitteilung.", ("einer Mitteilung", "heißt")),
    ("ru", "По мнению координатора «Левого фронта» Сергея Удальцова, на площадь вышли 5 тысяч человек.",
     ("координатора «Левого фронта» Сергея Удальцова", "по мнению")),
    ("it", "Ben diversi i dati diffusi dal governo: la tabella indica il 5%.", ("governo", "diffusi")),
    ("fr", "Selon l'AFP, quarante-huit soldats ont été tués.", ("l'AFP", "selon")),
    ("de", "Betriebsratsvorsitzender Thomas Engl, der als Vertrauensmann dabei war, spricht von 180 bis 200.",
     ("Betriebsratsvorsitzender Thomas Engl", "spricht")),
    ("fr", "Se basant sur les propos d’une source militaire, l’AFP a indiqué que 48 soldats ont été tués.",
     ("l’AFP", "indiqué")),
    # a gerund or participle between commas is a circumstance of the speaking, not the speaker
    ("ru", "Губернатор Иван Петров, отвечая на вопросы журналистов, сообщил о трех погибших.",
     ("Губернатор Иван Петров", "сообщил")),
    ("uk", "Рятувальники, коментуючи ситуацію, повідомили про двох загиблих.", ("Рятувальники", "повідомили")),
    ("it", "Il sindaco, parlando ai cronisti, ha detto che i feriti sono 12.", ("Il sindaco", "detto")),
    ("pt", "A polícia, falando a jornalistas, disse que 4 pessoas morreram.", ("A polícia", "disse")),
    # ... but a title and a name after a party name the speaker ("член партии ПАРНАС Михаил Шнейдер")
    ("ru", "Один из организаторов, член партии Иван Петров оценил число участников в 10 тыс.",
     ("член партии Иван Петров", "оценил")),
    # the agent of a participle that gives a figure or a report is its source
    ("pt", "O número inclui as 8 mortes anunciadas por um porta-voz da polícia.",
     ("um porta-voz da polícia", "anunciadas")),
    ("pt", "O balanço oficial divulgado pela Defesa Civil citava sete mortes.", ("Defesa Civil", "divulgado")),
    # a marker that cites a party only where it opens the sentence, and only a party that can speak
    ("it", "Per la Cgil alla manifestazione hanno partecipato 20mila persone.", ("la Cgil", "per")),
    ("fr", "Pour le syndicat, la grève a été suivie à 60 %.", ("le syndicat", "pour")),
    # a marker that names the party's figures first: the party after the genitive
    ("es", "Hubo 14 muertos, según denuncias de organizaciones sociales.", ("organizaciones sociales", "según")),
    ("it", "Secondo i dati della Protezione civile, gli sfollati sono 300.", ("Protezione civile", "secondo")),
    # a name in quotes after a marker is part of the party
    ("uk", 'За інформацією прес-служби "Укренерго", світло повернули 200 тисячам родин.',
     ('прес-служби "Укренерго"', "за інформацією")),
    # denials written as phrases, and the object written before the verb is not the speaker
    ("fr", "Mardi, la préfecture a apporté un démenti à ces chiffres.", ("la préfecture", "apporté un démenti")),
    ("uk", "Генштаб не знайшов підтвердження цим даним.", ("Генштаб", "не знайшов підтвердження")),
    ("ru", "В МЧС эти данные опровергли.", ("МЧС", "опровергли")),
    # a pronoun after its verb speaks ("a-t-il précisé"); a claims noun with a participle is no speaker
    ("fr", "« Le pont est détruit », a-t-il précisé.", ("il", "précisé")),
    ("fr", "Le chiffre avancé de 300 morts n'a jamais été confirmé.", None),
    # the second verb after "et" shares the sentence's subject; what follows it is its object
    ("fr", "Le syndicat a justifié la grève par ces chiffres, et accusé la direction de mensonge.",
     ("Le syndicat", "accusé")),
    # a marker is no subject of a later cue: the speaker follows the cue; an article makes a cue a noun
    ("it", "Secondo quanto riferisce la polizia locale, i dispersi sono 7.", ("la polizia locale", "riferisce")),
    ("es", "Según la denuncia, hubo 3 heridos.", None),
    # a time clause between the party and its verb is stepped over
    ("it", "La Protezione civile, nella notte del 4 maggio, ha comunicato che gli sfollati sono 200.",
     ("La Protezione civile", "comunicato")),
    # a passive with no agent, in another language
    ("it", "Il sindaco è accusato di aver nascosto i dati.", None),
    # a name right after a prepositional phrase with no article
    ("es", "\"Nadie nos avisó\", dijo en una entrevista radial Rosa Pinto, vecina del barrio.", ("Rosa Pinto", "dijo")),
    # a time phrase before the subject: the party is the noun phrase from its article
    ("it", "Ma in mattinata la Protezione civile ha smentito.", ("la Protezione civile", "smentito")),
    # a sentence that only says who gave the figure before it, in every language
    ("en", "That is the latest toll released by the county coroner.", ("the county coroner", "released")),
    ("it", "È il bilancio diffuso dalla Protezione civile.", ("Protezione civile", "diffuso")),
    ("de", "Das ist die vorläufige Bilanz der Feuerwehr.", ("Feuerwehr", "bilanz")),
    ("pt", "Este é o balanço divulgado pelo Corpo de Bombeiros.", ("Corpo de Bombeiros", "divulgado")),
    ("es", "Es la cifra ofrecida por la Fiscalía.", ("la Fiscalía", "ofrecida")),
    ("fr", "C'est le bilan établi par les pompiers.", ("les pompiers", "établi")),
    ("ru", "Такие данные приводит региональное МЧС.", ("региональное МЧС", "приводит")),
    ("uk", "Такі дані наводить Генштаб.", ("Генштаб", "наводить")),
    # a verb of naming is a cue where a denial word follows it, and only there
    ("en", 'The ministry called the report "nonsense".', ("The ministry", "called")),
    ("en", "The group called for calm after 3 people died.", None),
    ("pt", "O ministro chamou o relatório de mentira.", ("O ministro", "chamou")),
    ("de", "Der Innenminister bezeichnete die Zahlen als Lüge.", ("Der Innenminister", "bezeichnete")),
    # a name set off after its title is the subject, whatever follows the cue
    ("en", '"We never saw it," a spokeswoman for the airline, Aeroflot, told reporters.', ("Aeroflot", "told")),
    ("fr", "Le syndicat des pilotes, SNPL, a rejeté ces chiffres.", ("SNPL", "rejeté")),
    # a short name in quotes or an acronym in brackets belongs to the subject
    ("uk", 'Газета "Вечірній Київ" написала, що постраждали 12 людей.', ('Газета "Вечірній Київ"', "написала")),
    ("es", "La Comisión Nacional Electoral (CNE) cerró el escrutinio y aseguró que no hubo irregularidades.",
     ("La Comisión Nacional Electoral (CNE)", "aseguró")),
    # a first name spelt like a month is a name
    ("es", "Julio Pérez, portavoz del sindicato, dijo que hubo 300 despidos.", ("Julio Pérez", "dijo")),
    # a source the outlet learned from
    ("it", "Sono 3 i feriti, si apprende da fonti sanitarie.", ("fonti sanitarie", "si apprende da")),
    ("fr", "Deux personnes ont été blessées, a-t-on appris auprès des pompiers.",
     ("pompiers", "a-t-on appris auprès des")),
    # answering is speaking
    ("es", "El alcalde respondió que las cifras son falsas.", ("El alcalde", "respondió")),
    ("en", "The governor replied that the figures were inflated.", ("The governor", "replied")),
    # a marker that cites the noun right before it; a marker whose clause names the agent of a participle
    ("it", "Il bilancio è stato rivisto dall'Ansa, secondo cui i morti sono 12.", ("Ansa", "secondo cui")),
    ("fr", "Un rapport d'Amnesty, selon lequel 40 personnes sont mortes, a été publié.", ("Amnesty", "selon lequel")),
    ("es", "Según lo informado por la Fiscalía, hubo 5 muertos.", ("la Fiscalía", "según")),
    # a marker with an adjective inside it; a time word after the party is no part of it
    ("ru", "По предварительным данным ЦИК, явка составила 60 процентов.", ("ЦИК", "по предварительным данным")),
    ("ru", "В МЧС пока заявляют, что погибших нет.", ("МЧС", "заявляют")),
    ("uk", "Раніше про вибух писали місцеві ЗМІ.", ("місцеві ЗМІ", "писали")),
    # a gerund after a comma speaks for the sentence's subject, not for a name in the clause before it
    ("fr", "Jeudi, la préfecture a mis en cause l'AFP, estimant que le bilan est faux.",
     ("la préfecture", "estimant")),
    ("en", "The army released a statement on Friday, saying 5 soldiers died.", ("The army", "saying")),
    ("es", "Por la tarde, la Cruz Roja envió ayuda a Valencia, asegurando que hay 8 heridos.",
     ("la Cruz Roja", "asegurando")),
    # "as X reported" after the clause it attributes; "twitterte" is speaking
    ("de", "Tausende zogen durch die Stadt, wie die Zeitung El Universal berichtete.",
     ("die Zeitung El Universal", "berichtete")),
    ("de", "Die Zahlen seien erfunden, twitterte der Sprecher des Ministeriums.",
     ("der Sprecher des Ministeriums", "twitterte")),
    # a part of the day is no speaker: the party after the auxiliary is
    ("de", "Am Abend hatte die Polizei von 20 Toten gesprochen.", ("die Polizei", "gesprochen")),
    # a rank or title heads a speaker, after the one the words were said to
    ("fr", "« Il y a eu des heurts », a déclaré à l'AFP l'inspecteur de police Karim Aziz.",
     ("l'inspecteur de police Karim Aziz", "déclaré")),
    # "Recall, ..." opens no speaker's name; a party after a time adverb speaks
    ("uk", "Нагадаємо, раніше телеканал ICTV повідомив, що загинули 12 людей.", ("телеканал ICTV", "повідомив")),
    ("ru", "Напомним, ранее агентство ТАСС сообщило о 7 погибших.", ("агентство ТАСС", "сообщило")),
    # a title and the name set off after it are one source; a comma after a place is no name
    ("it", "Secondo il capo della Protezione Civile, Fabrizio Curcio, l'intensità è paragonabile.",
     ("il capo della Protezione Civile, Fabrizio Curcio", "secondo")),
    ("de", "Laut dem Sprecher der Polizei, Hans Müller, seien drei Menschen gestorben.",
     ("dem Sprecher der Polizei, Hans Müller", "laut")),
    ("en", "According to the governor, in Kharkiv region, 12 people died.", ("the governor", "according to")),
    # the quote before ", said" is what was said; a capitalised word of a title is no verb ("Stato")
    ("it", "«Basta», ha detto il capo dello Stato.", ("il capo dello Stato", "detto")),
    ("it", "«Basta», ha detto il premier.", ("il premier", "detto")),
    ("uk", "«Суттєво», – сказав глава держави.", ("глава держави", "сказав")),
    ("de", "„Genug“, sagte das Staatsoberhaupt.", ("das Staatsoberhaupt", "sagte")),
    # "Так ... прокоментував X": the sentence before was X's
    ("uk", "Так матеріал прокоментував президент України Володимир Зеленський на зустрічі 20 вересня.",
     ("президент України Володимир Зеленський", "прокоментував")),
    ("ru", "Так ситуацию прокомментировал глава региона Сергей Цивилев.",
     ("глава региона Сергей Цивилев", "прокомментировал")),
    ("uk", "Так само загинули 3 людини.", None),
    # a conjunction and a time word before the subject, the day after the speaker: no part of its name
    ("it", "Ma oggi la Guardia costiera ha smentito: nessun naufragio.", ("la Guardia costiera", "smentito")),
    ("pt", "O ciclone provocou 41 mortes, anunciaram as autoridades locais nesta terça-feira (16).",
     ("autoridades locais", "anunciaram")),
    ("ru", "Трое погибли, сообщили в МВД в понедельник.", ("МВД", "сообщили")),
    # professions and people speak too; a document's source is the party it comes from
    ("it", "Ma, spiegano gli specialisti, si tratta di pazienti gravi.", ("gli specialisti", "spiegano")),
    ("de", "Die Zahl sei zu hoch, sagten Angehörige der Bergleute.", ("Angehörige", "sagten")),
    ("pt", "A Plataforma Decide tinha avançado que pelo menos três pessoas morreram.",
     ("A Plataforma Decide", "avançado")),
    ("ru", "При этом губернатор не исключил вероятность дезинформации.", ("губернатор", "не исключил")),
    ("en", "According to a new report from Spain's accident commission (CIAIAC), five passengers were injured.",
     ("Spain's accident commission", "according to")),
    # a relative pronoun before the cue: its antecedent speaks
    ("fr", "L'un émane du vice-président de la commission, Sounou Koné, qui annonçait lundi 60 %.",
     ("Sounou Koné", "annonçait")),
    ("fr", "Il a rencontré le ministre, qui a déclaré que 5 personnes sont mortes.", ("le ministre", "déclaré")),
    ("en", "They met the minister, who said 5 had died.", ("the minister", "said")),
    ("en", "The account differs from that of the airline, which argues none of the passengers were hurt.",
     ("the airline", "argues")),
    ("ru", "Журналисты встретились с министром, который заявил, что погибли пятеро.", ("министром", "заявил")),
    # "put" speaks only of a figure: "put the death toll at", not "put up resistance"
    ("en", "The region, near the city of Mandalay, has put up some of the fiercest resistance.", None),
    ("en", "The Civil Defence put the death toll at 40.", ("The Civil Defence", "put the death toll")),
    # a short opening phrase before an article's noun; a phrase set off after a full name; "also" is no name
    ("en", "At first, the owner claimed that seven workers were underground.", ("the owner", "claimed")),
    ("en", 'Janet Urman, one of the nurses picketing in front of the hospital Tuesday, said, "Nobody crossed."',
     ("Janet Urman", "said")),
    ("en", "Wang Lin, head of the county, where the accident took place, claimed that his office was told.",
     ("Wang Lin", "claimed")),
    ("uk", "У відомстві також додали, що у дівчинки діагностовано менінгіт.", ("відомстві", "додали")),
    # a clitic elided into the auxiliary; a finding is a statement
    ("it", "Matteo Renzi l’aveva garantito: le primarie sarebbero finite lì.", ("Matteo Renzi", "garantito")),
    ("uk", "Служба провела розслідування і прийшла до висновку, що причиною стали йогурти.",
     ("Служба", "прийшла до висновку")),
    ("en", "The inquiry concluded that the pilot was at fault.", ("The inquiry", "concluded")),
    # a relative clause after a comma: its antecedent speaks
    ("es", "Sin embargo, las cifras oficiales contrastan con las de las organizaciones humanitarias, que ya elevan "
           "a 37 los decesos.", ("las organizaciones humanitarias", "elevan")),
    # "Así lo" opens no subject: the speaker follows the verb
    ("es", "Así lo han detallado fuentes de las autoridades locales de la provincia de Nador.",
     ("fuentes de las autoridades locales de la provincia de Nador", "detallado")),
    # a cue-like word after an article is a noun ("No mesmo comunicado")
    ("pt", 'No mesmo comunicado, o governo garante que "não foram comunicadas mais mortes".', ("o governo", "garante")),
    # verbs of criticising and demanding speak too
    ("en", "The opposition leader criticized the count as fake.", ("The opposition leader", "criticized")),
    ("it", "Cgil e Uil dal canto loro rivendicano una straordinaria partecipazione.", ("Cgil e Uil", "rivendicano")),
    # after a marker, one short name and then the clause's own subject and verb
    ("it", "Secondo Hrw prove video e testimonianze indicano che gli agenti hanno ucciso 16 manifestanti.",
     ("Hrw", "secondo")),
    ("pt", "Segundo a Oxfam relatos de moradores indicam que os agentes mataram 7 manifestantes.",
     ("a Oxfam", "segundo")),
    ("it", "Secondo la Protezione civile i morti sono 21.", ("la Protezione civile", "secondo")),  # a name's word
    ("it", "Secondo l'Onu gli arresti sono stati almeno 200.", ("l'Onu", "secondo")),
    ("es", "Según Cáritas diocesana hay 300 familias sin techo.", ("Cáritas diocesana", "según")),
    # a German subordinate clause with its verb last; a main clause keeps its verb second
    ("de", "Die Zahl stieg auf 40, während die Veranstalter von 25.000 Menschen sprachen.",
     ("die Veranstalter", "sprachen")),
    ("de", "Nachdem das Bündnis zunächst 30.000 gemeldet hatte, korrigierte es die Zahl.", ("das Bündnis", "gemeldet")),
    ("de", "Ein Vertreter des Roten Kreuzes sagte, viele seien Saisonarbeiter.",
     ("Ein Vertreter des Roten Kreuzes", "sagte")),
    # a possessive before a cue-like noun: its party's figure, or no cue at all
    ("en", "The inquiry's toll is higher than the Interior Ministry's earlier estimate of 52 dead.",
     ("the Interior Ministry", "estimate")),
    ("en", "The union's claim was rejected by the ministry.", ("the ministry", "rejected")),
    ("en", "Ukraine's military said 12 drones were downed.", ("Ukraine's military", "said")),
    # a long subject: the speaker and what it is of, up to a phrase of place or topic
    ("en", "The head of a government inquiry into the clearing of a protest camp in Marsk said 74 people died.",
     ("The head of a government inquiry", "said")),
    # a sentence that opens with its verb and goes on to the cue has no written subject
    ("it", "Poi hanno rivisto il conteggio e ora parlano di 140 fermati.", ("egli", "parlano")),
    ("it", "Poi hanno detto i sindacati che 140 sono fermati.", ("i sindacati", "detto")),
    # a fronted phrase of time is no name an apposition follows; an aside between dashes; a relative clause
    ("en", "Earlier Tuesday, an Uzbek opposition leader said her party compiled a list of 745 names.",
     ("an Uzbek opposition leader", "said")),
    ("en", "Mahdi Karroubi — another candidate defeated in the election — said he had received reports.",
     ("Mahdi Karroubi", "said")),
    ("en", "A parliamentary committee that investigated deaths more recently put the figure at 30.",
     ("A parliamentary committee", "put the figure")),
    # the agent of a participle, past a phrase of time or an adverb
    ("en", "The estimate was far below the more than 500 cited earlier in the day by an opposition party.",
     ("an opposition party", "cited")),
    ("pt", "O número é menor que as 26 mortes que tinham sido divulgadas anteriormente pelas secretarias de Saúde.",
     ("secretarias de Saúde", "divulgadas")),
    ("it", "Secondo i primi dati raccolti dalle confederazioni, ci sarebbe stata una media dell’85 per cento.",
     ("confederazioni", "secondo")),
    ("it", "Insomma, a sentire Cgil e Uil il Paese si sarebbe di fatto fermato.", ("Cgil e Uil", "a sentire")),
    # a second verb of the sentence's subject, a clitic before it
    ("es", "El Gobierno actualizó hoy el número de muertos durante las protestas contra el presidente del país, "
           "Daniel Ortega, y lo situó en 198.", ("El Gobierno", "situó")),
    ("ru", "По официальной статистике МОЗ, погибло 105 человек.", ("МОЗ", "по официальной статистике")),
    ("fr", "Le gouvernement a d'abord annoncé 12 morts, puis a porté le chiffre à 19.", ("Le gouvernement", "annoncé")),
    ("pt", "A Defensoria Pública manteve o número de 14 mortos.", ("A Defensoria Pública", "manteve")),
    # a German »quote« after the « that closes the one before; an adverb after the speaker
    ("de", "« Außerdem betont Wörner, dass die Zahl überprüft werde: »Wir zählen an mehreren Stellen.",
     ("Wörner", "betont")),
    ("de", "»Die Einsatzleiter waren dieselben«, sagt Wörner weiter.", ("Wörner", "sagt")),
    # a speaker quoted through another party is the one quoted
    ("en", "A nurse at Carrow General Hospital quoted by the Red Cross said 61 bodies had been brought in.",
     ("A nurse at Carrow General Hospital", "said")),
    ("fr", "Selon un médecin de l'hôpital cité par Médecins du Monde, 44 corps ont été amenés.",
     ("un médecin de l'hôpital", "selon")),
    # "Such" and "Такие цифры" name figures, no party
    ("en", "Such confusion and disputes over crowd estimates are as much a part of Washington as its monuments.",
     None),
    # a source ends where it cites another
    ("uk", "Кількість жертв може сягати 50 тисяч осіб, повідомляє газета Frankfurter Allgemeine з посиланням на "
           "джерела.", ("газета Frankfurter Allgemeine", "повідомляє")),
    # after a closing quote, a verb and its subject report the quote, whatever the verb means
    ("fr", "« Nous comptons désormais 21 % de grévistes », revoit à la hausse le rectorat en fin de journée.",
     ("le rectorat", "revoit")),
    ("fr", "Le rectorat minimise le mouvement », martèle Sophie Renaud, secrétaire départementale du SNUipp.",
     ("Sophie Renaud", "martèle")),
    ("en", '"Nobody here believes the city," quipped race director Tom Ellery.',
     ("race director Tom Ellery", "quipped")),
    ("en", '"We saw 150,000 people," Ellery quipped.', ("Ellery", "quipped")),
    ("ru", "Пострадавших среди наших сотрудников нет», — отрезал директор компании Игорь Лапин.",
     ("директор компании Игорь Лапин", "отрезал")),
    ("es", '"El CIS daba entre 10 y 12 personas", ha ironizado sobre la cifra ofrecida por la Delegación.',
     ("ella", "ironizado")),
    ("fr", "Le slogan « Non à la réforme », scandé par les manifestants, a été repris.", None),
    # a publication's report after a marker: the publication speaks, its name in quotes ends the source
    ("de", "Nach einem Bericht des «Wirtschaftskurier» könnte der Konzern 4.000 Stellen streichen.",
     ("Wirtschaftskurier", "nach einem bericht des")),
    ("de", "Laut einem Bericht des «Nordbote» sollen 900 Arbeitsplätze wegfallen.", ("Nordbote", "laut")),
    ("en", "According to a report in the Evening Ledger, Marlow Foods could cut 2,500 jobs.",
     ("the Evening Ledger", "according to")),
    ("es", "Según un informe de «La Gaceta del Norte», la cadena cerrará 60 tiendas.",
     ("«La Gaceta del Norte»", "según")),
    # a discourse word before a subject in lower case; the agency told before the office that speaks
    ("uk", "Нагадаємо, голова партії заявив, що на мітингу зібралося 200 тисяч людей.", ("голова партії", "заявив")),
    ("ru", "Погибли 13 человек, сообщили РИА Новости в МВД.", ("МВД", "сообщили")),
    ("uk", "Повідомили «Черкаському віснику» у відділі комунікації обласної поліції.",
     ("відділі комунікації обласної поліції", "повідомили")),
    # a cue's subject that no party is ("the deal forecasts") gives way to the party the sentence is told after;
    # a party that forecasts keeps its words
    ("es", "El acuerdo prevé un aumento del 8% en los salarios, según el sindicato de trabajadores mineros.",
     ("el sindicato de trabajadores mineros", "según")),
    ("en", "The deal forecasts an 8% rise in wages, according to the miners' union.",
     ("the miners' union", "according to")),
    ("es", "El gobierno prevé un aumento del 8%, según el diario El País.", ("El gobierno", "prevé")),
    # a toll compared with a figure that a party gave: the figure is that party's; one that gives its own figure
    # speaks for the officials
    ("en", "The official death toll is far below the figure of more than 80 given by the opposition coalition",
     ("the opposition coalition", "given")),
    ("en", "The official death toll in Assam is just 48", ("The official death toll", "toll")),
    # "never": no party's word ("Possibilità mai discussa, ..."); the one who replies after it speaks
    ("it", "Possibilità mai discussa, né con gli organizzatori né con noi, ha replicato un funzionario della "
           "Questura.", ("un funzionario della Questura", "replicato")),
    ("it", "Possibilità mai considerata, né dagli organizzatori né da noi.", None),
    # a party cited with its clause's verb right after it ends before the scene: "al corteo hanno partecipato"
    ("it", "Secondo gli organizzatori al corteo hanno partecipato 15.000 persone.", ("gli organizzatori", "secondo")),
    ("es", "Según la policía en la plaza había 3.000 personas.", ("la policía", "según")),
    ("en", "The deal is off according to people familiar with the matter.",
     ("people familiar with the matter", "according to")),
    ("en", "According to police in Kyiv, 12 people died.", ("police", "according to")),
    # a day after "of" is part of the party's name ("the organisers of Friday's march"), no time of the clause
    ("it", "Gli organizzatori del corteo di venerdì hanno denunciato che la Questura avrebbe vietato il passaggio.",
     ("Gli organizzatori del corteo di venerdì", "denunciato")),
])
def test_the_sentence_says_who_says_it_in_its_language(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("language, sentence, expected", [
    # an age set off after the name stands between the speaker and the cue
    ("en", "Another trader, Moses Baluku, 52, recounted how he pulled two children from a channel.",
     ("Moses Baluku", "recounted")),
    ("en", '"It came like a wall," said Grace Atwine, 34, whose brother was injured.', ("Grace Atwine", "said")),
    ("fr", "Un voisin, Jacques Ferrand, 67 ans, a relaté avoir vu les flammes.", ("Jacques Ferrand", "relaté")),
    ("es", "El vecino Luis Andrade, de 70 años, contó que las grietas llevaban meses.",
     ("El vecino Luis Andrade", "contó")),
    ("it", "Il vicino Antonio Russo, 73 anni, ha riferito di crepe nei muri.", ("Il vicino Antonio Russo", "riferito")),
    ("de", "Die Nachbarin Ursula Brandt (78) berichtete, sie habe schon am Nachmittag Gasgeruch bemerkt.",
     ("Die Nachbarin Ursula Brandt", "berichtete")),
    ("ru", "Пенсионерка Валентина Петрова, 81 год, рассказала, что жильцы жаловались на трещины.",
     ("Пенсионерка Валентина Петрова", "рассказала")),
    # verbs of telling, and people who speak for themselves
    ("de", "„Es gab einen lauten Knall“, erzählte Anwohner Mehmet Yılmaz (45), dessen Tochter verletzt wurde.",
     ("Anwohner Mehmet Yılmaz", "erzählte")),
    ("it", "«Ho sentito un boato», ha raccontato Lucia De Santis, 39 anni, il cui marito è rimasto ferito.",
     ("Lucia De Santis", "raccontato")),
    ("en", '"Nobody warned us," said a shopkeeper reached by phone.', ("a shopkeeper", "said")),
    ("es", '"Nadie nos avisó", dijo un comerciante contactado por teléfono.', ("un comerciante", "dijo")),
    ("it", "La procura ha aperto un'inchiesta, ha fatto sapere la prefettura.", ("la prefettura", "fatto sapere")),
])
def test_a_witness_s_age_and_verbs_of_telling_leave_the_speaker_whole(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


def test_every_language_file_has_cues_markers_and_furniture():
    assert {"en", "de", "fr", "es", "pt", "it", "ru", "uk"} <= set(supported())
    for code in supported():
        lex = lexicon(code)
        assert lex.code == code and lex.according is not None and lex.furniture
        assert lex.cue.search(" ".join(sorted(lex.pronouns))) is None  # a pronoun is never a cue
    assert lexicon("xx").code == "en" and lexicon("de-AT").code == "de"


# Pieces of sentences in several languages, glued together as they come.
_PIECES = ["said", "Said", "according to", "who", "the", "a", "he", "officials", "the ministry", "Kyiv", "Russia's",
           "on Sunday", "sagte", "laut", "zufolge", "teilte", "mit", "según", "afirmó", "selon", "a déclaré",
           "по словам",
           "заявил", "що", "by", "was", "no", "and", "that", ",", ";", ":", "“", "”", '"', "(", ")", "—", ".", "'",
           "-", " ", "  ", "\n", "\xa0", "\u2028"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.sampled_from(["en", "de", "es", "ru"]))
def test_a_source_is_always_words_of_the_sentence_that_can_speak(sentence, language):
    parsed = parse_attribution(sentence, language)
    if parsed is not None:
        source, cue = parsed
        lex = lexicon(language)
        # a sentence with no written subject ("заявил, что ...") gives a pronoun for the last source
        unwritten = lex.pro_drop and source in lex.pronouns
        assert (unwritten or source.lower() in sentence.lower()) and cue.lower() in " ".join(sentence.lower().split())
        assert is_speaker(source, language)


def test_a_phrase_cut_off_or_a_clause_with_a_figure_is_no_speaker():
    for phrase, language in [("the government of", "en"), ("da Polícia Federal", "pt"),
                             ("della Protezione civile", "it"), ("на прес-конференції", "uk"),
                             ("Von der Trennung von 25.000 Leiharbeitern", "de")]:
        assert not is_speaker(phrase, language), phrase
    for phrase, language in [("von der Leyen", "de"), ("de Gaulle", "fr"), ("des proches de militaires", "fr"),
                             ("Channel 4", "en"), ("the government", "en")]:  # a name's particle opens a name
        assert is_speaker(phrase, language), phrase


def test_an_acronym_is_the_party_it_spells():
    assert same_source("the RSF", "Sudan's Rapid Support Forces") and same_source("an RSF commander", "the RSF")
    assert same_source("The SAF", "Sudanese Armed Forces") and not same_source("the SAF", "Rapid Support Forces")


def test_sources_match_across_wording_but_not_across_parties():
    assert same_source("Ukraine", "Ukraine's Southern Defense Forces")
    assert same_source("Russia's defence ministry", "the Russian defence ministry")
    assert not same_source("the Russian Defense Ministry", "Ukraine’s Southern Defense Forces")
    assert mentions("The Russian military said", "Russia") and not mentions("Kyiv said", "Ukraine")
    assert is_back_reference("the ministry") and is_back_reference("he") and not is_back_reference("the Kremlin")
    assert not is_back_reference("the staff responsible for prisoner of war affairs")
    assert is_back_reference("The ministry's statement") and not is_back_reference("the regional administration")


def test_source_types_that_the_words_say_plainly():
    assert source_type_of("TASS and RIA", "TASS and RIA reported, citing an unnamed source.") == "anonymous"
    assert source_type_of("Deep State", "according to Deep State") == "media"
    assert source_type_of("A witness", "A witness said") == "witness"
    assert source_type_of("local authorities", "according to local authorities") == "official"
    assert source_type_of("Maria Ivanova", "Maria Ivanova said") is None
    assert source_type_of("Andrei Bocharov", "The governor of the Volgograd region, Andrei Bocharov, said") == \
        "official"


def test_a_claim_gets_its_source_unless_it_already_says_whose_it_is():
    assert attributed("The dam was intact.", "the army") == "According to the army, the dam was intact."
    assert attributed("Kyiv delayed the exchange.", "TASS") == "According to TASS, Kyiv delayed the exchange."
    # a sentence left in its own language is not wrapped in English words
    assert attributed("В то же время он отметил, что число погибших завышено.", "представитель разведки",
                      original=True) == "Представитель разведки: В то же время он отметил, что число погибших завышено."
    assert attributed("The army said the dam was intact.", "the army") == "The army said the dam was intact."


def test_names_places_and_times_are_substrings_of_the_evidence():
    text = "Russia's defence ministry said on Sunday its forces had reached the boundary of Dnipropetrovsk region."
    actors, places = names_of(text)
    assert actors == ["Russia"] and places == ["Dnipropetrovsk"]
    assert when_of(text) == "on Sunday"
    assert when_of("As of June 7, Russian forces occupied 113,273 square kilometers.") == "June 7"
    assert when_of("No time here.") is None
    assert all(n in text for n in actors + places)


def test_datelines_are_not_part_of_a_summary():
    from summarizer.extract import DATELINE

    for line, rest in [("MOSCOW - Russian forces struck", "Russian forces struck"),
                       ("KYIV, Ukraine — Russia's military claimed", "Russia's military claimed"),
                       ("Kiev — Moscow has handed over", "Moscow has handed over"),
                       ("WASHINGTON (Reuters) - The US said", "The US said"),
                       ("Russia on Sunday handed", "Russia on Sunday handed")]:
        assert DATELINE.sub("", line, count=1) == rest


def test_a_pronoun_after_a_marker_is_the_party_its_sentence_names_before():
    from summarizer.attribution import speaker_before

    sentence = "Para la Delegación del Gobierno, la asistencia fue menor: según ellos, participaron 35.000 personas."
    assert speaker_before(sentence, "ellos", "es") == "la Delegación del Gobierno"
    sentence = "That being said, the row had not slowed shipments, and the authority still expects exports, she added."
    assert speaker_before(sentence, "she", "en") is None  # another clause's subject is no party cited


def test_the_subject_of_a_verb_of_counting_or_updating_a_figure_is_its_source():
    from summarizer.attribution import parse_attribution

    assert parse_attribution("The provincial disaster agency pegged the death toll at 74 on Tuesday.", "en") \
        == ("The provincial disaster agency", "pegged")
    assert parse_attribution("The interior ministry raised the number of displaced people to 9,500.", "en") \
        == ("The interior ministry", "raised the number")
    assert parse_attribution("A mineradora Ferrosul atualizou o número de desaparecidos para 86.", "pt") \
        == ("A mineradora Ferrosul", "atualizou")
    assert parse_attribution("Волонтеры проекта \"Белый счетчик\" насчитали 47,2 тыс. участников.", "ru") \
        == ("Волонтеры проекта \"Белый счетчик\"", "насчитали")
    # a year before the subject is no part of it
    assert parse_attribution("В 2021 году ведомство зарегистрировало 52 пожара на складах области.", "ru") \
        == ("ведомство", "зарегистрировало")
    assert parse_attribution("Nel 2019 la stessa prefettura aveva registrato 3 crolli.", "it") \
        == ("la stessa prefettura", "registrato")


def test_german_organisations_without_a_speaker_word_speak_after_the_verb():
    from summarizer.attribution import parse_attribution

    assert parse_attribution("Bislang seien 23 Brände gemeldet worden, teilte die Kalmtaler Wärmetechnik GmbH am "
                             "Montag mit.", "de") == ("die Kalmtaler Wärmetechnik GmbH", "teilte")
    assert parse_attribution('Am Wochenende hatte die "Nordwestpost" berichtet, es seien 57 Brände entstanden.',
                             "de") == ('die "Nordwestpost"', "berichtet")
    assert parse_attribution("Über den Rückruf hatten das Morgenblatt und der Kreiskurier zuerst berichtet.",
                             "de") == ("das Morgenblatt", "berichtet")  # a fronted phrase is no subject


def test_an_apposition_or_a_quantifier_is_no_source_of_its_own():
    from summarizer.attribution import parse_attribution

    assert parse_attribution("The independent electoral commission in Anjouan, Comoros’ most populous island, "
                             "declared that 12 candidates had won.", "en")[0] \
        == "The independent electoral commission in Anjouan"
    assert parse_attribution("Most opposition leaders boycotted the vote, arguing the process was unfair.",
                             "en")[0] == "Most opposition leaders"


def test_a_pronoun_opening_a_sentence_after_one_that_attributes_nothing_is_its_subject():
    from summarizer.extract import resolve_source

    story = {s.id: s for s in segment("President Ilse Moran flew over the valley on Tuesday afternoon.\n"
                                      "She also announced three days of national mourning.\n", "en")}
    assert resolve_source(2, "She", "official", story, "en").source == "President Ilse Moran"


def test_a_pronoun_after_a_word_of_sequence_becomes_the_source_in_the_summary():
    from summarizer.extract import standalone
    from summarizer.schema import Attribution

    attribution = Attribution(source="Balido", cue="repeated", source_type="official")
    assert standalone("Then he repeated the council's published figure.", attribution) \
        == "Then Balido repeated the council's published figure."


def test_a_cue_after_a_fronted_phrase_with_no_subject_goes_on_with_the_last_source():
    from summarizer.attribution import parse_attribution

    assert parse_attribution("Sin embargo, señaló que el 92% de estas personas fueron liberadas.", "es")[0] \
        in lexicon("es").pronouns
    assert parse_attribution("Inoltre, ha spiegato che le scuole restano chiuse.", "it")[0] \
        in lexicon("it").pronouns  # "Inoltre" is a discourse word, no name
    assert parse_attribution("El ministro, visiblemente molesto, señaló que no dimitirá.", "es")[0] == "El ministro"


def test_a_clause_of_the_words_said_is_no_source_and_the_speaker_follows_its_time_and_addressee():
    from summarizer.attribution import parse_attribution

    sentence = ("Непосредственно от паводка погибли 10 человек, причины гибели других людей выясняются, сообщили "
                "во вторник вечером агентству \"Интерфакс-Украина\" в МЧС республики.")
    assert parse_attribution(sentence, "ru") == ("МЧС республики", "сообщили")


def test_a_name_right_after_a_preposition_is_where_it_was_said_not_who_said_it():
    from summarizer.attribution import parse_attribution

    assert parse_attribution('"No comunican todo", declaró en Canal N.', "es")[0] in lexicon("es").pronouns
    assert parse_attribution("El puerto abrirá el lunes, dijo en rueda de prensa Marta Cuellar.", "es")[0] \
        == "Marta Cuellar"


def test_a_document_that_introduces_a_quotation_after_a_colon_gives_its_words():
    from summarizer.extract import resolve_source

    assert parse_attribution("Ecco il comunicato: «Nessuna corsa sarà soppressa.", "it") == ("il comunicato",
                                                                                           "comunicato")
    assert parse_attribution('Here is the statement in full: "No contamination has been found."', "en") \
        == ("the statement", "statement")
    assert parse_attribution('He said: "We will go."', "en") == ("he", "said")  # a cue: no document's
    # the note a party issued, named again: that party's
    story = {s.id: s for s in segment(
        "La Questura ha diffuso una nota nella quale spiega che non ci sarebbe stato nessun divieto.\n"
        "Ecco la nota: «Nessun divieto è stato disposto».\n", "it")}
    assert resolve_source(2, "the outlet", "outlet", story, "it").source == "La Questura"


def test_the_subject_after_a_phrase_of_time_is_the_referent_of_a_pronoun_in_the_next_sentence():
    from summarizer.extract import resolve_source

    story = {s.id: s for s in segment(
        "Este jueves, el ministro del Interior, Juan José Santiváñez, acudió al Pleno del Congreso.\n"
        "Durante su intervención, informó que la Policía detuvo a 91,907 personas.\n"
        "Sin embargo, señaló que el 92% de estas personas fueron liberadas.\n", "es")}
    assert resolve_source(2, "él", "official", story, "es").source == "el ministro del Interior"
    assert resolve_source(3, "él", "official", story, "es").source == "el ministro del Interior"


def test_a_partys_website_and_a_documents_reading_name_the_source():
    from summarizer.attribution import parse_attribution

    assert parse_attribution("В то же время, на сайте МВД Украины сообщается, что на акции было 2 тыс. человек.",
                             "ru")[0] == "МВД Украины"
    assert parse_attribution("Per il solo mese di gennaio, il Viminale conta 4.081 arrivi.", "it") \
        == ("il Viminale", "conta")
    assert parse_attribution("The report read that the firm would cut about 26% of its workforce.", "en") \
        == ("The report", "read that")
    assert parse_attribution("He read the book quickly.", "en") is None


def test_the_day_after_a_name_is_no_part_of_the_source_the_model_gives():
    from summarizer.extract import resolve_source

    story = {s.id: s for s in segment("The Palace on Friday denied that a police chief was sacked.\n", "en")}
    assert resolve_source(1, "Palace on Friday", "official", story, "en").source == "The Palace"


def test_a_quote_opened_with_a_closing_mark_is_its_closing_speakers():
    from summarizer.extract import EventDraft, EventsContext, repair
    from summarizer.segment import segment

    text = ("”Roads to the upper valley are cut and we cannot reach 40 villages. Our teams are working through the "
            "night,” Interior Minister Oren Valk told a news conference.\n")
    sentences = {s.id: s for s in segment(text, "en")}
    drafts = {1: EventDraft(source="the outlet", cue="", source_type="outlet")}
    repaired = repair(drafts, EventsContext(sentences=sentences, language="en"))
    assert repaired[1].source == "Interior Minister Oren Valk"


def test_read_after_a_closing_quote_attributes():
    assert parse_attribution('"We do not comment on speculation," read the company statement.', "en") == \
        ("the company statement", "read")
    assert parse_attribution("Officials read the report on Monday and left.", "en") is None


def test_a_source_cited_by_its_document_and_a_possessive_is_the_party():
    from summarizer.extract import EventDraft, EventsContext, repair

    text = "Kestrel employed 81,400 people at the end of 2024, according to its annual report.\n"
    sentences = {s.id: s for s in segment(text, "en")}
    drafts = {1: EventDraft(source="its annual report", cue="according to", source_type="other")}
    assert repair(drafts, EventsContext(sentences=sentences, language="en"))[1].source == "Kestrel"
    text = "The embassy of Osmar said the doctors arrived. The republic sent 40 doctors, its embassy said.\n"
    sentences = {s.id: s for s in segment(text, "en")}
    drafts = {2: EventDraft(source="its embassy", cue="said", source_type="official")}
    assert "embassy" in repair(drafts, EventsContext(sentences=sentences, language="en"))[2].source  # a speaker
    # of its own, not the sentence's subject "The republic"


def test_a_subordinate_clause_before_the_main_one_names_no_speaker():
    sentence = ("Alors que les messages se multipliaient sur les réseaux sociaux, elles ont donné vendredi une autre "
                "version des événements, parlant d’une opération contre des groupes armés.")
    assert parse_attribution(sentence, "fr") == ("elles", "parlant")


def test_a_source_after_a_marker_ends_where_an_article_opens_the_clauses_subject():
    assert parse_attribution("Nei trasporti, secondo il ministero guidato da Matteo Salvini le adesioni sono state "
                             "intorno al 5%.", "it") == ("il ministero guidato da Matteo Salvini", "secondo")
    assert parse_attribution("Según el Ministerio del Interior, murieron 23 personas.", "es") == \
        ("el Ministerio del Interior", "según")  # "del" joins, it opens nothing


@pytest.mark.parametrize("language, sentence, expected", [
    # the agent of a participle, with a day or a date between them
    ("fr", "Ce résultat confirme celui annoncé mercredi 12 mars par la Commission électorale nationale "
           "indépendante (CENI), avec 64 % des voix.", ("la Commission électorale nationale indépendante", "annoncé")),
    # a marker before figures that a participle gives: its agent, not the figures
    ("fr", "Il a été réélu avec 58,2 % des voix, d'après les résultats provisoires communiqués vendredi soir par le "
           "ministre de l'Administration territoriale, Yao Dossou.",
     ("le ministre de l'Administration territoriale", "d'après")),
    # a country named with its article speaks; a figure ends the party a marker names
    ("de", "Der Iran hat die Angaben von Amnesty International als „erfunden“ bezeichnet und zurückgewiesen.",
     ("Der Iran", "zurückgewiesen")),
    ("de", "Im Ukrainekrieg sind nach Angaben der UN 500 Zivilisten getötet worden.", ("UN", "nach angaben der")),
    ("de", "Die Gruppe Freie Stimme hatte am Montag von mindestens 640 Festnahmen berichtet.",
     ("Die Gruppe Freie Stimme", "berichtet")),
    # a newspaper set off between dashes
    ("it", "La cifra dei contagi è di 1.900 casi - si legge sul Corriere della Sera - più del doppio.",
     ("Corriere della Sera", "si legge sul")),
    # a marker's party with a relative clause after it; the subject before a second cue; an adverb before the cue
    ("es", "Según el departamento que dirige la ministra Elena Ortuño, los datos no han podido ser actualizados.",
     ("el departamento", "según")),
    ("es", "El cálculo que admite hoy el Ministerio apunta a que entraron 690 personas.", ("el Ministerio", "apunta")),
    ("es", "Las estadísticas oficiales del Ministerio del Interior solo reconocen 412 entradas.",
     ("Ministerio del Interior", "reconocen")),
    # after a colon, a cue with no subject speaks for the party whose figures the colon opens
    ("es", "La cifra no sale en las estadísticas oficiales del Ministerio del Interior: tan sólo reconoce 379 "
           "entradas.", ("Ministerio del Interior", "reconoce")),
    # a company's kind is a speaker; "por meio de" tells how it spoke
    ("pt", '"Qualquer outra saída faz parte do "turnover" natural", informou a mineradora por meio de sua '
           'assessoria de imprensa.', ("a mineradora", "informou")),
    # a verb of naming before a quote, said of something
    ("it", "Il sindaco di Calvisano, Angelo Ferri, ha definito la situazione «fuori controllo».",
     ("Angelo Ferri", "definito")),
    ("ru", "Он подтвердил, что погибших именно 41 человек.", ("он", "подтвердил")),
])
def test_agents_markers_and_verbs_of_session_fifteen(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("language, sentence", [
    ("fr", "L'opposition a contesté mercredi les résultats de la CENI."),  # the object is no speaker
    ("en", 'They joined a group called "Freedom Now".'),  # a name, not a thing said
])
def test_the_object_of_a_cue_and_a_group_called_by_name_speak_not(language, sentence):
    parsed = parse_attribution(sentence, language)
    assert parsed is None or "CENI" not in parsed[0]


def test_a_marker_before_figures_named_back_speaks_for_the_source_named_before():
    assert parse_attribution("D'après ces résultats, Edem Kpodar arriverait en tête à Lomé.", "fr") == \
        ("elle", "d'après")
    assert parse_attribution("Según estas cifras, el paro subió.", "es") == ("ella", "según")


def test_a_demonstrative_and_a_figure_are_no_speaker():
    assert not is_speaker("Ce résultat", "fr")
    assert not is_speaker("Aucune réaction", "fr")
    assert is_speaker("Cette coalition", "fr")


def test_an_acronym_stands_for_the_small_words_it_spells():
    assert same_source("la Commission électorale nationale indépendante", "la CENI")
    assert not same_source("la Commission électorale nationale indépendante", "la CNDH")


def test_review_cases_of_session_fifteen_keep_their_earlier_reading():
    from summarizer.attribution import opening_subject

    assert parse_attribution("According to these figures from the UN, 40 people died.", "en") == \
        ("the UN", "according to")  # the party is named after the figures
    assert not same_source("MSF", "medical staff from the hospital")  # an acronym spells a name, not any words
    assert opening_subject("На митинге в Москве выступил Навальный.", "ru") is None  # "в Москве": a place
    assert opening_subject("In Kyiv, Mayor Klitschko said the city was ready.", "en") == "Mayor Klitschko"
    assert parse_attribution("Les résultats provisoires annoncés mercredi 12 mars par la CENI donnent 64 %.",
                             "fr") == ("la CENI", "annoncés")


def test_a_dash_quote_is_the_speaker_named_where_it_closes_without_a_comma():
    from summarizer.extract import resolve_source

    text = ("O delegado Alexandre Herdy informou 23 mortes.\n\n— Não foram 26 mortos na operação. Parece que já "
            "voltaram atrás. Então, teve muita gente entrando em óbito em situações diferentes — disse o delegado.\n")
    story = {s.id: s for s in segment(text, "pt")}
    assert resolve_source(2, "the outlet", "outlet", story, "pt").source == "o delegado"


@pytest.mark.parametrize("language, sentence, source", [
    # a party's belief, expectation or doubt is its claim, never the outlet's fact
    ("en", "The union believes 2,000 jobs will go.", "The union"),
    ("en", "The ministry considers the figure of 1.5 million doubtful.", "The ministry"),
    ("en", "Westwind expects the ship to carry 350,000 passengers in its first year.", "Westwind"),
    ("de", "Das Bundesinnenministerium hält die Schätzung von 1,5 Millionen Flüchtlingen für zweifelhaft.",
     "Das Bundesinnenministerium"),
    ("de", "Die Gewerkschaft geht davon aus, dass 2.000 Stellen wegfallen.", "Die Gewerkschaft"),
    ("fr", "Le ministère juge ce chiffre exagéré.", "Le ministère"),
    ("es", "El Gobierno considera exagerada la cifra de 300.", "El Gobierno"),
    ("it", "Il ministero ritiene che i dati siano sbagliati.", "Il ministero"),
    ("pt", "O governo considera exagerado o número de 300.", "O governo"),
    ("ru", "Минздрав считает эти данные завышенными.", "Минздрав"),
    ("uk", "Міністерство вважає ці дані завищеними.", "Міністерство"),
    ("ru", "Ранее СМИ обратили внимание, что в реестр входят 29 миллионов человек.", "СМИ"),
])
def test_a_verb_of_opinion_or_doubt_attributes_its_sentence(language, sentence, source):
    assert parse_attribution(sentence, language)[0] == source


@pytest.mark.parametrize("language, sentence", [
    # passive and impersonal forms name no one
    ("en", "The route is considered one of the most exposed in the western Channel."),
    ("es", "Se considera el proyecto más caro de la provincia."),
    ("it", "Si ritiene che il piano sia il più ambizioso della regione."),
    ("ru", "Линия считается самой дорогой в истории города."),
    ("uk", "Міст вважається найстарішим у місті."),
])
def test_a_passive_or_impersonal_verb_of_opinion_names_no_speaker(language, sentence):
    assert parse_attribution(sentence, language) is None


@pytest.mark.parametrize("language, sentence, source", [
    # verbs of forecasting, assuring and finding (set W: a forecast, a chief's assurance, a campaign's findings)
    ("de", "Die Bahn prognostiziert für das Vorhaben Kosten von sechs Milliarden Euro.", "Die Bahn"),
    ("de", "Die Rechnung werde 6,5 Milliarden Euro nicht übersteigen, beteuerte der Vorstandschef.",
     "der Vorstandschef"),
    ("de", 'Der Rechnungshof sieht "zahlreiche Anhaltspunkte", dass die Prognose überschritten werden '
           'könnte.', "Der Rechnungshof"),
    ("es", "Las consultoras privadas vaticinan que el alza de los precios será mucho mayor.",
     "Las consultoras privadas"),
    ("it", "Gli analisti pronosticano un calo del 5% delle vendite.", "Gli analisti"),
    ("fr", "Les économistes prédisent une hausse de 3 % du chômage.", "Les économistes"),
    ("pt", "Os analistas projetam uma queda de 5% nas vendas.", "Os analistas"),
    ("en", "The campaign group found that the company had under-reported its emissions.", "The campaign group"),
])
def test_verbs_of_forecasting_assuring_and_finding_attribute(language, sentence, source):
    assert parse_attribution(sentence, language)[0] == source


def test_a_time_word_before_a_german_verb_is_no_speaker():
    """German puts the verb second: "Bisher prognostiziert die Bahn ..." opens with a time word, not a speaker."""
    parsed = parse_attribution("Bisher prognostiziert die Bahn für das Vorhaben Kosten von sechs Milliarden Euro.",
                               "de")
    assert parsed is None or parsed[0] != "Bisher"


@pytest.mark.parametrize("language, sentence, source", [
    # an addressee named with lower-case words and a title in quotes, between the cue and the speaker
    ("ru", "Компания может обратиться в суд, сообщили Агентству городских новостей «Москва» в пресс-службе "
           "компании.", "пресс-службе компании"),
    ("uk", "Компанія може звернутися до суду, повідомили Агентству міських новин «Київ» у пресслужбі компанії.",
     "пресслужбі компанії"),
])
def test_an_addressee_with_a_title_in_quotes_is_no_part_of_the_speaker(language, sentence, source):
    assert parse_attribution(sentence, language)[0] == source


@pytest.mark.parametrize("language, sentence, expected", [
    # the speaker after a closing cue with "as", or placed in a party named in quotes
    ("ru", "Долг группы достиг 86 млрд рублей, как подсчитал журнал «Финансовый Урал».",
     ("журнал «Финансовый Урал»", "подсчитал")),
    ("uk", "Збитки аграріїв перевищать три мільярди гривень, попереджають у «Степовому полі».",
     ("«Степовому полі»", "попереджають")),
    # a time phrase with its preposition is no part of the speaker
    ("uk", "У липні Міністерство аграрної політики очікувало, що збір становитиме 40 млн тонн.",
     ("Міністерство аграрної політики", "очікувало")),
    ("ru", "Министерство строительства в марте оценивало число дольщиков в 2,8 тыс. человек.",
     ("Министерство строительства", "оценивало")),
    ("it", "A metà gennaio il Comune aveva annunciato 1,8 milioni di visitatori.", ("il Comune", "annunciato")),
    # a figure given as a party's by a participle and its agent
    ("es", "El 4,2% calculado por las consultoras privadas supera en casi un punto al dato oficial.",
     ("las consultoras", "calculado")),
    ("en", "The 3.1 million tonnes shown by the company in its annual report are far too low.",
     ("the company", "shown")),
    ("de", "Die von der Gesellschaft genannten 34 Millionen Euro sind zu wenig.", ("der Gesellschaft", "genannten")),
    # not a rival figure inside the outlet's own sentence
    ("de", "In Wahrheit sind mehr als 60 Millionen Euro geflossen, nicht die von der Gesellschaft genannten 34 "
           "Millionen Euro.", None),
    # a verb that revises a figure, its noun after it
    ("uk", "Мінагрополітики знизило прогноз врожаю до 38,5 мільйонів тонн.", ("Мінагрополітики", "знизило")),
    ("en", "The ministry cut its harvest forecast to 38.5 million tonnes.", ("The ministry", "cut")),
    # German verb-second: the subject after the verb, up to its object's figure; a figure before the verb is the object
    ("de", "Bisher veranschlagt die Projektgesellschaft Kosten von 2,4 Milliarden Euro.",
     ("die Projektgesellschaft", "veranschlagt")),
    ("de", "Höchstens 8 Prozent erwartet dagegen die Projektgesellschaft.", ("die Projektgesellschaft", "erwartet")),
    # a document before the sentence tells: its party
    ("de", "Das geht aus einem vertraulichen Prüfbericht des Sächsischen Rechnungshofs hervor.",
     ("Sächsischen Rechnungshofs", "geht")),
    ("en", "That is the central finding of a report published on Monday by the campaign group Clean Air North.",
     ("the campaign group Clean Air North", "finding")),
])
def test_speakers_of_economic_reports(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("sentence, expected", [
    # German news closes a sentence with its speaker after "so", or a clause "wie er ... mitteilt"
    ("Bei einem Zuwachs von 30 Prozent käme man Ende des Jahres auf tausend Tiere, so Reinwald.", ("Reinwald", "so")),
    ("Die Lage sei ernst, so ein Sprecher der Polizei.", ("ein Sprecher der Polizei", "so")),
    ("Reinwald beruft sich auf Hochrechnungen, wie er auf Anfrage des SPIEGEL mitteilt.", ("er", "mitteilt")),
    # "Demnach" goes on with the last speaker's account
    ("Demnach lebten in diesem Frühjahr etwa 800 Wölfe in Deutschland.", ("er", "demnach")),
    # a described source inside the quoted words is the quoted speaker's, not the sentence's; a verb of quoting
    # names the party that quotes, then the one quoted, who speaks
    ('"Nach unseren Schätzungen hat der Bestand die Zahl 1000 überschritten", zitiert die "Rheinische Post" '
     "Verbandssprecher Torsten Reinwald.", ("Verbandssprecher Torsten Reinwald", "zitiert")),
    ('"Das ist falsch", zitiert die Zeitung den Sprecher der Polizei.', ("Sprecher der Polizei", "zitiert")),
    # a compound whose first part is left to the next word's ending is one name
    ("Nachgewiesen sind laut Dokumentations- und Beratungsstelle des Bundes nur 60 Rudel.",
     ("Dokumentations- und Beratungsstelle des Bundes", "laut")),
])
def test_german_closing_speakers(sentence, expected):
    assert parse_attribution(sentence, "de") == expected


def test_a_marker_names_a_party_in_quotes_whatever_its_name_holds():
    assert parse_attribution('Як повідомляє "24 канал", дочка навчається у другому класі.', "uk") \
        == ('"24 канал"', "як повідомляє")


@pytest.mark.parametrize("language, sentence, expected", [
    # a participle after an article and a number or "other", "main" is a noun, the speaker's head
    ("es", "Sin embargo, los tres acusados han negado cualquier participación en el robo.",
     ("los tres acusados", "negado")),
    ("es", "El principal acusado, que no ha declarado en la sesión, ha asegurado que estaba en Madrid.",
     ("El principal acusado", "asegurado")),
    ("es", "Los otros dos acusados afirmaron que solo esperaban en el coche.", ("Los otros dos acusados", "afirmaron")),
    # a request is its party's words
    ("es", "La fiscalía pide una pena de 15 años para el principal acusado.", ("La fiscalía", "pide")),
    ("en", "The three men denied the charges in court on Monday.", ("The three men", "denied")),
    ("en", "The two accused said they had never met the minister.", ("The two accused", "said")),
    # a speaker told by what they are, after the cue of an incise that follows a quote
    ("fr", "«C'est un mensonge», a réagi jeudi le sprinteur, en dénonçant une campagne.", ("le sprinteur", "réagi")),
    ("fr", "«Je n'ai jamais triché», a écrit le double champion d'Europe 2022 sur son compte Instagram.",
     ("le double champion d'Europe", "écrit")),
    # the one whose words a party quotes ("приводит РИА Новости слова адвоката"): the lawyer speaks
    ("ru", "«Он не признает вину», - приводит РИА Новости слова адвоката.", ("адвоката", "приводит")),
    ("uk", "«Це неправда», - наводить «Укрінформ» слова речника міністерства.", ("речника міністерства", "наводить")),
])
def test_participle_nouns_descriptions_and_quoted_words_name_the_speaker(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("language, sentence, expected", [
    # a request for a penalty or an action is its party's
    ("pt", "O Ministério Público pede oito anos de prisão para cada um dos arguidos.",
     ("O Ministério Público", "pede")),
    ("en", "Prosecutors requested prison terms of eight years for each of them.", ("Prosecutors", "requested")),
    # a sentence that opens with its verb (after auxiliaries) and goes on to its object has no written subject
    ("es", "Han cuestionado el informe pericial y han pedido la absolución.", ("ella", "cuestionado")),
    ("it", "Poi elencano le adesioni in alcuni ospedali: “100% al Policlinico di Padova”.", ("egli", "elencano")),
    ("pt", "Questionaram o relatório pericial e pediram a absolvição.", ("ela", "questionaram")),
    ("es", "Han dicho los sindicatos que la huelga fue un éxito.", ("los sindicatos", "dicho")),  # the subject after
    # a question put to the speaker is no cue
    ("pt", "Questionada sobre o número da Defesa Civil, a Ferrosul afirmou que o dado é falso.",
     ("a Ferrosul", "afirmou")),
    ("es", "Cuestionado sobre la cifra, el ministro afirmó que el dato no es correcto.", ("el ministro", "afirmó")),
])
def test_requests_verb_first_sentences_and_questions_asked(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("language, sentence, expected", [
    ("it", "Secondo i sindacati l'adesione è stata del 70%.", ("i sindacati", "secondo")),
    ("fr", "Selon la police l'affluence a atteint 3000 personnes.", ("la police", "selon")),
    ("it", "Secondo i dati dell'Istat la disoccupazione è scesa al 6%.", ("Istat", "secondo")),
    ("es", "Según el escrito de acusación, los dos procesados vigilaban la nave.",
     ("el escrito de acusación", "según")),
    ("ru", "По версии следствия, чиновник завысил стоимость работ.", ("следствия", "по версии")),
    ("fr", "Le joueur a été suspendu six mois, a révélé mercredi Le Journal du Centre.",
     ("Le Journal du Centre", "révélé")),
])
def test_a_source_cited_without_a_comma_ends_where_the_clause_s_subject_begins(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("language, sentence, expected", [
    ("it", "“La Guardia costiera ha detto di aver soccorso 90 persone – ha scritto il fondatore della Ong, "
           "Marco Neri – ma non ha detto che ne ha lasciate tre in mare”",
     ("il fondatore della Ong, Marco Neri", "scritto")),
    ("es", "«Hemos encontrado a una mujer con vida —ha escrito el fundador de la ONG— pero no al niño».",
     ("el fundador de la ONG", "escrito")),
    ("it", "Per il Ministero dell’Interno si tratterebbe di una fake news.", ("il Ministero dell’Interno", "per")),
    ("es", "El Ministerio de Economía, del que depende la empresa, negó el informe.",
     ("El Ministerio de Economía", "negó")),
    ("fr", "Le bilan est de 12 morts, a écrit sur sa page Facebook Jean Dupont.", ("Jean Dupont", "écrit")),
])
def test_a_speaker_in_a_dash_incise_or_before_an_aside_speaks(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("language, sentence, expected", [
    # a comma closes the party an opening marker cites: its genitive stays ("Per i sindacati | la giornata")
    ("fr", "Pour le préfet de la Lize, il s'agirait d'une « fausse information ».",
     ("le préfet de la Lize", "pour")),
    ("fr", "Pour la direction de l'usine, il s'agirait d'une rumeur.", ("la direction de l'usine", "pour")),
    ("it", "Per i sindacati la giornata di sciopero è riuscita.", ("i sindacati", "per")),
    # a relative clause describing a figure speaks for no one: the party cited does
    ("es", "La deuda supera en 800 millones de dólares la cifra que reconoce la propia compañía, según un informe "
           "de la Auditoría General de la Nación.", ("la Auditoría General de la Nación", "según")),
    ("en", "The debt exceeds by 800 million dollars the figure that the company acknowledges, according to a "
           "report by the auditor.", ("the auditor", "according to")),
])
def test_a_party_closed_by_a_comma_or_cited_after_a_figure_described(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


def test_a_document_named_back_is_its_authors_and_a_kind_word_is_a_whole_word():
    from summarizer.extract import resolve_source

    story = {s.id: s for s in segment(
        "La deuda de Enfesa supera en 800 millones de dólares la cifra oficial, según un informe de la Auditoría "
        "General de la Nación (AGN) difundido el miércoles.\n"
        "El documento advierte además que Enfesa pagó intereses punitorios por 95 millones de dólares.\n", "es")}
    assert resolve_source(2, "El documento", "document", story, "es").source == "la Auditoría General de la Nación"
    story = {s.id: s for s in segment(
        "A Federação Única dos Petroleiros (FUP) calcula adesão de 85% na Bahia.\n"
        "A Petrobras informou que a adesão foi de 30% em São Paulo.\n"
        "Em todo o país, segundo a companhia, menos de 35% dos empregados aderiram à paralisação.\n", "pt")}
    # "a companhia" is no federation of oil workers ("petroleira" is a kind word, "Petroleiros" is not one)
    assert resolve_source(3, "A Federação Única dos Petroleiros", "union", story, "pt").source != \
        "A Federação Única dos Petroleiros"
    # and the model's source loses the marker it copied ("Segundo a FUP")
    story = {s.id: s for s in segment("Segundo a FUP, a média nacional de adesão chegou a 78%.\n", "pt")}
    assert resolve_source(1, "Segundo a FUP", "union", story, "pt").source == "a FUP"


def test_a_kind_given_next_to_a_name_in_a_headline_is_no_apposition():
    from summarizer.extract import resolve_source

    story = {s.id: s for s in segment(
        "Vendrik will Werk in Zwickau verkleinern – Betriebsrat zweifelt an den Zahlen\n\n"
        "Der Autozulieferer Vendrik Antriebstechnik will sein Werk in Zwickau verkleinern.\n\n"
        "Das Unternehmen geht davon aus, dass 450 Stellen wegfallen.\n\n"
        "Der Betriebsrat beziffert den Abbau auf 1.100 Arbeitsplätze.\n", "de")}
    last = max(story)
    assert "Betriebsrat" in resolve_source(last, "Vendrik Antriebstechnik", "company", story, "de").source


def test_a_kind_word_elsewhere_in_a_partys_sentence_is_no_apposition():
    from summarizer.extract import resolve_source

    story = {s.id: s for s in segment(
        "The Crown Court in Exeter opened the trial of two men on Tuesday. The men denied any part in the fire.\n",
        "en")}
    assert resolve_source(2, "The Crown Court in Exeter", "official", story, "en").source == "The men"
    story = {s.id: s for s in segment(
        "Die Gewerkschaft Verdi hat rund 60.000 Teilnehmer gezählt, die Polizei spricht von weniger Menschen.\n"
        "In Chemnitz sprach die Polizei am Abend von 4.000 Teilnehmern.\n", "de")}
    assert resolve_source(2, "Die Gewerkschaft Verdi", "union", story, "de").source == "die Polizei"
    # set off after the name, the kind word still stands for it
    story = {s.id: s for s in segment(
        "The Eastern Brigades, a militia, said it killed 60 soldiers.\nThe militia later denied it.\n", "en")}
    assert resolve_source(2, "The Eastern Brigades", "armed_group", story, "en").source == "The Eastern Brigades"


@pytest.mark.parametrize("sentence, expected", [
    # the noun phrase after a German cue ends at its head; an adverb of the clause follows
    ("In Dresden sprach auch die Polizei letztlich von 20.000 Teilnehmern.", ("die Polizei", "sprach")),
    ("Das sagte am Mittwoch ein Sprecher der Polizei.", ("ein Sprecher der Polizei", "sagte")),
    # "kommen auf" a figure: whoever counted it
    ("In Leipzig kamen die Beamten aber nur auf 9.000 Teilnehmer.", ("die Beamten", "kamen")),
    ("Die Polizei kam auf rund 5.000 Teilnehmer.", ("Die Polizei", "kam")),
    ("Bei dem Unfall kamen drei Menschen ums Leben.", None),
    # the object may come first: the speaker follows the cue
    ("Die Vorwürfe wies das Unternehmen am Abend zurück.", ("das Unternehmen", "wies")),
    ("Den Bericht bestätigte die Polizei.", ("die Polizei", "bestätigte")),
    ("Die Polizei wies die Vorwürfe zurück.", ("Die Polizei", "wies")),
])
def test_german_counts_and_the_end_of_a_source_after_its_cue(sentence, expected):
    assert parse_attribution(sentence, "de") == expected


def test_figures_given_only_in_quotation_marks_are_the_last_speakers_words():
    from summarizer.extract import resolve_source

    story = {s.id: s for s in segment(
        "Per i sindacati lo sciopero è stato un successo, con “reparti chiusi”.\n"
        "Con “adesioni oltre il 65% in Lombardia” e “punte dell'80% a Milano”, la protesta proseguirà a gennaio.\n"
        "Con adesioni oltre il 65% in Lombardia, la protesta proseguirà a gennaio.\n", "it")}
    assert resolve_source(2, "the outlet", "outlet", story, "it").source == "i sindacati"
    # the same figures outside quotation marks are the outlet's
    assert resolve_source(3, "the outlet", "outlet", story, "it").source == "the outlet"


def test_a_dateline_is_no_speaker_and_a_day_may_stand_between_verb_and_subject():
    from summarizer.extract import resolve_source

    assert not is_speaker("Tübingen/Überlingen/dpa.", "de") and is_speaker("Die Polizei", "de")
    assert parse_attribution("Das bestätigte am Mittwoch die Landespolizeidirektion Tübingen.", "de") \
        == ("die Landespolizeidirektion Tübingen", "bestätigte")
    assert parse_attribution("Das sagte am Mittwoch ein Sprecher der Polizei.", "de") \
        == ("ein Sprecher der Polizei", "sagte")
    # a pronoun after reported speech stands for its speaker, not for the reported sentence's subject
    story = {s.id: s for s in segment(
        "«Es gibt keine Anzeichen für weitere Passagiere», sagte Sprecher Wolfgang Wenzel.\n"
        "Alle Opfer seien zweifelsfrei identifiziert worden.\n\n"
        "Bei zwei Toten hat es nach seinen Angaben Schwierigkeiten mit dem DNA-Material gegeben.\n"
        "Mit Hilfe anderer Kriterien sei die Identität der Opfer jedoch festgestellt worden.\n", "de")}
    assert resolve_source(4, "Alle Opfer", "other", story, "de").source == "Sprecher Wolfgang Wenzel"


@pytest.mark.parametrize("language, sentence, expected", [
    # a past participle with neither an auxiliary nor an agent describes a noun: no one speaks in it
    ("fr", "Les forces ont tiré contre des manifestants, sans donner de bilan détaillé.", None),
    # a phrase between the auxiliary and the participle leaves the subject the speaker
    ("fr", "Amnesty International a pour sa part accusé ces forces de tirer.", ("Amnesty International", "accusé")),
    ("fr", "Amnesty International a de son côté déclaré que les forces ont tiré.",
     ("Amnesty International", "déclaré")),
    # one auxiliary for two participles, and an agent after one
    ("fr", "La Russie a justifié l'envoi de ses secouristes par ce chiffre, et accusé les autorités de négligence.",
     ("La Russie", "accusé")),
    ("fr", "Le bilan annoncé mercredi par la CENI est de 12 morts.", ("la CENI", "annoncé")),
    # a present tense that ends like a participle elsewhere is a verb ("duvida", "dubita")
    ("pt", "O economista Paulo Sardinha duvida que o governo libere os recursos.",
     ("O economista Paulo Sardinha", "duvida")),
])
def test_a_past_participle_reports_only_with_its_auxiliary_or_its_agent(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize("language, sentence, expected", [
    # a discourse word set off by commas between the subject and its cue: the subject speaks, not the words after
    ("en", "Imatong State's governor, however, denied the soldiers went on a rampage.",
     ("Imatong State's governor", "denied")),
    ("en", "Villagers, however, accused the soldiers of burning houses.", ("Villagers", "accused")),
    ("en", "However, the ministry said the soldiers went home.", ("the ministry", "said")),
    ("ru", "Владелец здания, в свою очередь, заявил, что кровля прошла проверку.", ("Владелец здания", "заявил")),
    # an armed party named by a label speaks as any party does
    ("ru", "По данным террористов, двое военных погибли.", ("террористов", "по данным")),
    ("uk", "Рашисти також стверджують, що збили 5 дронів.", ("Рашисти", "стверджують")),
    ("fr", "Selon les insurgés, le camp a été entièrement détruit.", ("les insurgés", "selon")),
    ("en", "The jihadists said they had seized weapons.", ("The jihadists", "said")),
    # ... but a terrorist attack says nothing
    ("ru", "Террористический акт унёс жизни трёх человек.", None),
    # "В X <object> <verb>": the object before the verb is no part of the party
    ("ru", "В Операции Объединенных сил данные опровергают.", ("Операции Объединенных сил", "опровергают")),
    # a particle closing a cue verb's clause may make it another verb, unless what was said follows
    ("de", "Die Landesregierung hält an dem Projekt fest.", None),
    ("de", "Der Minister sagte die Reise ab.", None),
    ("de", "Der Bericht hält fest, dass 30 Menschen starben.", ("Der Bericht", "hält")),
    # the verb comes second: after an opening phrase, the subject follows it
    ("de", "Mit Blick auf die laufende Bergung warnte das Landesbergamt vor voreiligen Zahlen.",
     ("das Landesbergamt", "warnte")),
    ("de", "Unter Verweis auf Krankenhausberichte und Sterbedokumente schätzen sie die Opferzahlen auf das "
           "Dreifache.", ("sie", "schätzen")),
    ("de", "In einer Mitteilung wies die Bergbaugesellschaft die Zahl der Gewerkschaft als überhöht zurück.",
     ("die Bergbaugesellschaft", "wies")),
    ("de", "Nach Angaben der Polizei wurden 20 Menschen verletzt.", ("Polizei", "nach angaben der")),
    # an impersonal verb naming the document and its author closes the sentence: the author tells it all
    ("ru", "Более 600 военных погибли в результате удара, говорится в заявлении Минобороны России.",
     ("Минобороны России", "говорится")),
    ("uk", "Раніше Москва стверджувала, що понад 600 військових загинули під час удару, здійсненого у відповідь на "
           "атаку, йдеться в заяві Міноборони РФ.", ("Міноборони РФ", "йдеться")),
    ("de", "Die Lage sei ruhig, heißt es in einer Mitteilung der Polizei.", ("der Polizei", "heißt es")),
    # ... and one that names no author leaves the sentence to its own cue
    ("ru", "Москва утверждала, что 600 военных погибли, говорится в заявлении.", ("Москва", "утверждала")),
])
def test_a_discourse_word_a_labelled_party_and_a_fronted_object(language, sentence, expected):
    assert parse_attribution(sentence, language) == expected


def test_two_forms_of_one_word_and_an_elided_article_name_one_source():
    assert same_source("террористов", "Террористы так называемой «ЛНР»")
    assert same_source("окупантів", "Окупанти")
    assert same_source("L'ANM", "L'azienda ANM")
    assert not same_source("Il sindaco", "I sindacati di base")
    assert not same_source("the defence ministry", "the health ministry")


def test_a_sentence_that_opens_with_its_object_has_its_speaker_after_the_cue():
    from summarizer.attribution import parse_attribution

    found = parse_attribution("Информацию о пожаре сообщило агентство «Урал-Пресс».", "ru")
    assert found[0] == "агентство «Урал-Пресс»"
    assert parse_attribution("Эти данные опроверг представитель полиции Иван Орлов.", "ru")[0] \
        == "представитель полиции Иван Орлов"
    assert parse_attribution("Ці дані спростував речник поліції Олег Ткач.", "uk")[0] == "речник поліції Олег Ткач"
    # no speaker found after the cue: the object is still no speaker
    found = parse_attribution("Информацию о пожаре сообщило в понедельник.", "ru")
    assert found is None or not found[0].startswith("Информацию")


@pytest.mark.parametrize("sentence, expected", [
    # an organisation named by a noun and the rest of its name after a preposition
    ("Die Beobachtungsstelle für Menschenrechte teilte mit, 70 Kämpfer seien getötet worden.",
     ("Die Beobachtungsstelle für Menschenrechte", "teilte")),
    # ... and a relative clause on it before the cue
    ("Die Syrische Beobachtungsstelle für Menschenrechte, die der Opposition nahesteht, berichtete ihrerseits, "
     "mindestens 70 Kämpfer seien getötet worden.", ("Die Syrische Beobachtungsstelle für Menschenrechte",
                                                      "berichtete")),
    # a closing cue has its speaker after it, whatever the relative clauses before it
    ("Unter den Toten seien Kämpfer aus Saudi-Arabien, Katar und Tschetschenien, die teils der Al-Nusra-Front "
     "angehörten, meldete Sana weiter.", ("Sana", "meldete")),
    # "circles" speak ("aus Sicherheitskreisen"), and Swiss German writes "ss" for "ß"
    ("Aus Sicherheitskreisen hiess es, die Gruppe sei aus Jordanien eingedrungen.", ("Sicherheitskreisen", "hiess")),
    ("Gemäss der Polizei starben zwölf Menschen.", ("der Polizei", "gemäss")),
])
def test_german_names_with_a_complement_closing_cues_and_swiss_spelling(sentence, expected):
    assert parse_attribution(sentence, "de") == expected


def test_a_plain_subject_speaks_past_a_relative_clause_but_not_past_a_participle():
    assert parse_attribution("The carrier, which flies to 40 cities, said 12 flights were cancelled.", "en") == (
        "The carrier", "said")
    assert parse_attribution("The truce, overseen by the US, said nothing of prisoners.", "en") is None


@pytest.mark.parametrize("sentence, expected", [
    ("Es seien höchstens 300 gewesen, viele davon aus der Verwaltung, die ohnehin Gleitzeit habe, erklärte die "
     "Geschäftsleitung am Nachmittag.", ("die Geschäftsleitung", "erklärte")),
    ("Die Beobachtungsstelle für Menschenrechte in Genf, die mit Helfern in Kontakt steht, berichtete dagegen, "
     "höchstens 20 Kämpfer seien getötet worden.", ("Die Beobachtungsstelle für Menschenrechte in Genf",
                                                   "berichtete")),
])
def test_a_german_closing_cue_names_the_plain_noun_after_it_not_a_relative_clauses_antecedent(sentence, expected):
    assert parse_attribution(sentence, "de") == expected


@pytest.mark.parametrize("language, sentence, source", [
    ("fr", "Les organisateurs de ces manifestations contre la prolongation de la transition de deux ans donnent un "
           "bilan de plus de 300 morts.", "Les organisateurs de ces manifestations"),
    ("es", "Los organizadores de las protestas contra la prórroga de la transición de dos años más en el poder "
           "aseguran que hubo más de 300 muertos.", "Los organizadores de las protestas"),
])
def test_a_party_named_at_great_length_is_cut_before_against(language, sentence, source):
    assert parse_attribution(sentence, language)[0] == source



@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("A região registrou 180 milímetros de chuva em 24 horas.", "pt", None),
    ("The region recorded 180 millimetres of rain in 24 hours.", "en", None),
    ("La región registró 180 milímetros de lluvia.", "es", None),
    # a party records what it counts: its words
    ("The hospital recorded 12 deaths.", "en", ("The hospital", "recorded")),
    ("Le rectorat a recensé 18 % de grévistes.", "fr", ("Le rectorat", "recensé")),
    ("Il Comune ha registrato 12 morti.", "it", ("Il Comune", "registrato")),
    # a ward or a unit is a place
    ("I due reparti hanno registrato 2.100 parti l'anno scorso.", "it", None),
    ("The two units recorded 4,100 births last year.", "en", None),
])
def test_a_place_that_records_a_measure_says_nothing(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Les syndicats se félicitent de la forte mobilisation de jeudi.", "fr", ("Les syndicats", "se félicitent")),
    ("Les syndicats y voient la preuve d'un rejet massif de la réforme.", "fr", ("Les syndicats", "y voient")),
    ("La CGT en revendique 900 000.", "fr", ("La CGT", "en revendique")),
    ("Unions hailed Thursday's turnout as a show of strength.", "en", ("Unions", "hailed")),
    ("Los sindicatos ven en estas cifras una prueba del malestar.", "es", ("Los sindicatos", "ven en")),
    ("I sindacati esultano per l'adesione allo sciopero generale.", "it", ("I sindacati", "esultano")),
    ("Die Gewerkschaften sehen darin einen Beweis für die Wut der Beschäftigten.", "de",
     ("Die Gewerkschaften", "sehen darin")),
])
def test_a_verb_of_stance_is_the_partys_claim(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    # a verb of keeping with an object: no speech
    ("La Aemet mantiene el aviso rojo en el litoral sur de Valencia hasta el jueves.", "es", None),
    ("The council maintained the old bridge for decades.", "en", None),
    ("A prefeitura mantém as aulas suspensas até sexta-feira.", "pt", None),
    # before what was said, or after it: speech
    ("El ministerio mantiene que hay 9 muertos.", "es", ("El ministerio", "mantiene")),
    ("Hay 9 muertos, mantiene el alcalde.", "es", ("el alcalde", "mantiene")),
    ("The company maintains its innocence.", "en", ("The company", "maintains")),
    ("A polícia manteve a estimativa de 30 mil pessoas.", "pt", ("A polícia", "manteve")),
])
def test_a_verb_of_keeping_reports_speech_only_before_or_after_what_was_said(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


def test_a_centre_speaks():
    assert parse_attribution("More than 12,000 people were moved to temporary shelters, the centre said.", "en") \
        == ("the centre", "said")


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    # a time or place phrase before the speaker, with no comma after it, is no part of the speaker
    ("Около 7 часов утра замглавы МЧС Дагестана Руслан Гаджиев сообщил, что эвакуированы 120 человек.", "ru",
     ("замглавы МЧС Дагестана Руслан Гаджиев", "сообщил")),
    ("На брифинге в Каспийске министр здравоохранения Татьяна Белова сказала, что обратились 9 человек.", "ru",
     ("министр здравоохранения Татьяна Белова", "сказала")),
    ("Під час брифінгу в Харкові міський голова Ігор Мельник заперечив це.", "uk",
     ("міський голова Ігор Мельник", "заперечив")),
    ("Horas después el sindicato Comisiones Obreras aseguró que los heridos eran 11.", "es",
     ("el sindicato Comisiones Obreras", "aseguró")),
    ("Durante la rueda de prensa el ministro dijo que 3 personas murieron.", "es", ("el ministro", "dijo")),
    ("Nesta manhã o governador Paulo Salles disse que 3 pessoas morreram.", "pt",
     ("o governador Paulo Salles", "disse")),
    ("In Kyiv President Zelensky said two men had been arrested.", "en", ("President Zelensky", "said")),
    # the party the phrase places the statement in, a name that goes on, and no party at all: as before
    ("В Минобороны заявили, что 3 человека погибли.", "ru", ("Минобороны", "заявили")),
    ("Пізніше у Міноборони РФ заявили, що знищили склад.", "uk", ("Міноборони РФ", "заявили")),
])
def test_a_time_or_place_before_the_speaker_is_set_apart(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("By the police's estimate, about 12,000 people took part in the march.", "en", "the police"),
    ("By the organisers' count, 30,000 people marched.", "en", "the organisers"),
    ("By the count of the police, 12,000 people took part.", "en", "the police"),
    ("Nach Schätzungen der Polizei nahmen rund 9000 Menschen an dem Protestzug teil.", "de", "Polizei"),
    ("Par les calculs de la préfecture, 8 500 personnes ont défilé.", "fr", "préfecture"),
    ("Por cálculos de la Delegación del Gobierno, unas 7.000 personas participaron.", "es", "Delegación del Gobierno"),
    ("Nas estimativas da Brigada Militar, 6.000 pessoas participaram do ato.", "pt", "Brigada Militar"),
    ("Pelos cálculos da CUT, 2 milhões de pessoas participaram.", "pt", "CUT"),
    ("Nei calcoli della questura, i partecipanti erano 5.000.", "it", "questura"),
    ("По подсчётам полиции, в шествии участвовали около 4000 человек.", "ru", "полиции"),
    ("За підрахунками поліції, у марші взяли участь близько 3500 людей.", "uk", "поліції"),
    # no party's estimate: a plain phrase
    ("He was hit by the police.", "en", None),
])
def test_an_estimate_or_count_cites_the_party_whose_it_is(sentence, language, expected):
    parsed = parse_attribution(sentence, language)
    assert (parsed and parsed[0]) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("West Yorkshire Police have no record of any arrests during the march.", "en", "West Yorkshire Police"),
    ("Der Polizei liegen keine Erkenntnisse über Festnahmen vor.", "de", "Der Polizei"),
    ("La police n'a pas connaissance d'interpellations.", "fr", "La police"),
    ("La Policía Nacional no tiene constancia de detenidos.", "es", "La Policía Nacional"),
    ("A Brigada Militar não tem registro de detidos.", "pt", "A Brigada Militar"),
    ("La questura non ha notizia di fermati.", "it", "La questura"),
    ("В полиции не располагают данными о задержанных.", "ru", "полиции"),
    ("У поліції не мають даних про затриманих.", "uk", "поліції"),
    # a party gives a figure
    ("Russia's defence ministry gave a lower figure of 146, which appeared to count only soldiers.", "en",
     "Russia's defence ministry"),
])
def test_a_party_that_has_no_record_of_something_says_so(sentence, language, expected):
    parsed = parse_attribution(sentence, language)
    assert parsed is not None and parsed[0] == expected


def test_what_follows_the_cue_is_no_speaker():
    assert parse_attribution("Des sages-femmes affirment qu'un des services ferme la nuit.", "fr") == (
        "Des sages-femmes", "affirment")
    assert parse_attribution("Des sages-femmes interrogées par Ouest Info affirment qu'un des services ferme.",
                             "fr")[0] == "Des sages-femmes interrogées par Ouest Info"


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ('"We slept on the ground for six weeks," said one of the nurses.', "en", "one of the nurses"),
    ('„Wir haben geschlafen", sagte eine der Krankenschwestern.', "de", "eine der Krankenschwestern"),
    ("«Мы спали на земле», — рассказала одна из медсестер.", "ru", "одна из медсестер"),
    ('"Maybe next time," said one woman, who did not want to give her name.', "en", "one woman"),
    # an adverb of time between the auxiliary and the cue
    ("Les rebelles ont toujours nié maltraiter leurs captifs.", "fr", "Les rebelles"),
    ("Повстанцы неизменно отрицают жестокое обращение с пленными.", "ru", "Повстанцы"),
])
def test_one_of_a_group_speaks_for_itself(sentence, language, expected):
    parsed = parse_attribution(sentence, language)
    assert parsed is not None and parsed[0] == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Работники сильно похудели, двоим нужна помощь в больнице, сообщила представитель министерства.", "ru",
     "представитель министерства"),
    ("Работники сильно похудели, двоим нужна помощь, сообщила представитель министерства; повстанцы всё отрицают.",
     "ru", "представитель министерства"),
    # a gerund set off after the subject is still an aside
    ("Организаторы, выступая перед журналистами, заявили, что пришли 5000 человек.", "ru", "Организаторы"),
])
def test_a_speaker_that_closes_the_sentence_after_its_cue_speaks(sentence, language, expected):
    parsed = parse_attribution(sentence, language)
    assert parsed is not None and parsed[0] == expected


@pytest.mark.parametrize(("note", "is_note"), [
    ("Offiziell bestätigt sind diese Informationen noch nicht.", True),
    ("Diese Angaben sind bislang nicht offiziell bestätigt.", True),
    ("Eine unabhängige Bestätigung gibt es für keine der beiden Darstellungen.", True),
    ("Offiziell bestätigt wurde die Festnahme am Abend.", False),
])
def test_a_german_note_that_claims_are_not_confirmed(note, is_note):
    from summarizer.language import is_verification

    assert is_verification(note, "de") is is_note


def test_a_german_paper_in_quotes_closed_straight_is_the_speaker():
    parsed = parse_attribution('Die „Frankfurter Rundschau" berichtet, der Täter habe zuvor zwei Fahrgäste bedroht.',
                               "de")
    assert parsed == ('Die „Frankfurter Rundschau"', "berichtet")


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    # a cue right after "according to" is no part of the source
    ("Al menos 14 personas han muerto, según informa el Servicio Nacional de Emergencias.", "es",
     ("el Servicio Nacional de Emergencias", "según")),
    ("Pelo menos 36 pessoas morreram, segundo informou a Defesa Civil do estado.", "pt",
     ("a Defesa Civil do estado", "segundo")),
    # a source that "and" joins to another party holds both, never ends with the conjunction
    ("Au moins 62 personnes ont été tuées, selon le ministère de la Santé et les secouristes en zones rebelles.",
     "fr", ("le ministère de la Santé et les secouristes en zones rebelles", "selon")),
    ("De acordo com a prefeitura e os bombeiros, 40 pessoas continuam desaparecidas.", "pt",
     ("a prefeitura e os bombeiros", "de acordo com")),
    # a German passive names its speaker after "von", never before the participle
    ("Mehrere Tote wurden in den Orten Durrës, Thumanë und Shijak gemeldet.", "de", None),
    ("Mehrere Tote wurden von der Polizei gemeldet.", "de", ("der Polizei", "gemeldet")),
    ("Die Polizei hat mehrere Tote gemeldet.", "de", ("Die Polizei", "gemeldet")),
    # the operator of a road speaks after its closing cue
    ("A rodovia segue interditada em vários trechos, informou a concessionária.", "pt",
     ("a concessionária", "informou")),
])
def test_a_source_is_the_party_whole_without_its_cue_or_a_dangling_and(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    # a discourse word that no comma sets off opens the sentence; the speaker's whole name follows it
    ("Проте Державна служба з надзвичайних ситуацій повідомила, що з-під завалів дістали тіла 16 загиблих.", "uk",
     ("Державна служба з надзвичайних ситуацій", "повідомила")),
    ("Однако Государственная служба по чрезвычайным ситуациям сообщила, что из-под завалов извлекли тела 13 "
     "погибших.", "ru", ("Государственная служба по чрезвычайным ситуациям", "сообщила")),
    ("Toutefois le Service d'État pour les situations d'urgence a indiqué que 12 corps avaient été retirés.", "fr",
     ("le Service d'État pour les situations d'urgence", "indiqué")),
    # a line labelled by a party's name and a colon is that party's; a dash inside it is no incise
    ("ДСНС: травмовано 38 осіб, з них 7 – діти.", "uk", ("ДСНС", ":")),
    ("ГСЧС: пострадали 29 человек, из них 6 — дети.", "ru", ("ГСЧС", ":")),
    ("Emergency service: 46 people injured, 9 of them children.", "en", ("Emergency service", ":")),
    ("Related: Drones target Kyiv for a third night", "en", None),
    ("Из них 6 — дети.", "ru", None),
    # a dash after a quote still opens an incise
    ("«Мы не сдадимся», — отрезал директор.", "ru", ("директор", "отрезал")),
])
def test_a_label_or_a_discourse_word_before_the_speaker(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    # a document's owner right after it, in its case, where no genitive word joins them
    ("Про це йдеться в повідомленні прес-служби Міноборони.", "uk", ("прес-служби Міноборони", "йдеться")),
    ("Об этом говорится в сообщении пресс-службы МЧС.", "ru", ("пресс-службы МЧС", "говорится")),
    # the paper told, in quotes, is no speaker; the office after it is
    ("Как сообщили «Газете.Ru» в МЧС региона, число погибших выросло до 5.", "ru", ("в МЧС", "как сообщили")),
    ("Як повідомили «Укрінформу» в поліції області, загинули 5 людей.", "uk", ("в поліції області", "як повідомили")),
    # the one a cue says spoke; the agency a marker names after it only relays
    ("Die Zahl der Toten sei auf 12 gestiegen, sagte ein Sprecher des Innenministeriums der staatlichen "
     "Nachrichtenagentur Anadolu zufolge.", "de", ("ein Sprecher des Innenministeriums", "sagte")),
    ("Der Polizei zufolge wurden 5 Menschen getötet.", "de", ("Der Polizei", "zufolge")),
    # a cue word after a possessive is a noun; a gerund and its object speak not
    ("Provincial minister Sharjeel Memon has brushed aside activists' claims that more than 60 people had "
     "drowned, calling them rumours.", "en", ("Provincial minister Sharjeel Memon", "brushed aside")),
    ("contradicting the official toll of 27.", "en", None),
    ("contradicting the official claim that 169 died.", "en", None),
    ("El ministro del Interior ha desestimado las denuncias de los colectivos.", "es",
     ("El ministro del Interior", "desestimado")),
])
def test_a_document_s_owner_a_relay_and_a_possessive_are_read_for_who_speaks(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    # an object's pronoun before the verb is no part of its subject
    ("El Ministerio de Minería lo desmintió horas después.", "es", ("El Ministerio de Minería", "desmintió")),
    ("La Prefettura lo ha smentito in serata.", "it", ("La Prefettura", "smentito")),
    # the party that issued the documents a marker names, not the documents
    ("Según los reportes emitidos por la Defensoría del Pueblo, 14 mineros murieron.", "es",
     ("la Defensoría del Pueblo", "según")),
    ("Selon les rapports publiés par la préfecture, 30 personnes sont mortes.", "fr", ("la préfecture", "selon")),
    # a reflexive pronoun is no object's: "Miles de personas se manifestaron" names no speaker
    ("Miles de personas se manifestaron el domingo.", "es", None),
])
def test_a_clitic_or_a_document_before_the_party_is_no_part_of_it(sentence, language, expected):
    assert parse_attribution(sentence, language) == expected


def test_the_subject_of_a_clause_a_relative_adverb_opens_speaks_not_the_place_before_it():
    sentence = ("The heaviest fighting took place in the eastern Batticaloa region where the government said 19 "
                "rebels were killed.")
    assert parse_attribution(sentence, "en") == ("the government", "said")
    assert parse_attribution("The town where the mayor lives was flooded, police said.", "en") == ("police", "said")
