"""The digest's neutrality: no loaded label in its own voice (quoting a party is fine), both sides of a dispute."""

from fakes import digest_answer, events_answer, fake_summarizer, record

from summarizer.neutral import loaded_terms, quote_loaded_terms

ARTICLE = ("Shelling hits market\n\n"
           "Separatist officials said the terrorists shelled a market in the town of Horlivka, killing 12 people.\n\n"
           "The liberated villages nearby had no power for a week.\n\n"
           "Ukraine's army said it had not fired at the town and called the claim false.\n")

ANSWER = events_answer({2: record("Separatist officials"), 3: record("the outlet", source_type="outlet", cue=""),
                        4: record("Ukraine's army", cue="said", contests=[2])})


def _article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    return path


def test_loaded_labels_are_found_outside_quotation_marks_only():
    assert loaded_terms("They called them terrorists and praised the “heroic” defenders.") == ["terrorists"]
    assert loaded_terms("The Kyiv regime said ...") == ["Kyiv regime"]
    assert loaded_terms("Officials said the area was “liberated”.") == []
    assert quote_loaded_terms("the terrorists fled") == "the “terrorists” fled"
    # characterisations and the labels as other languages write them
    assert quote_loaded_terms("The council described the raid as a massacre.") == \
        "The council described the raid as a “massacre”."
    assert loaded_terms("Das Kiewer Regime opfere seine Soldaten.") == ["Kiewer Regime"]
    assert loaded_terms("Представитель ХАМАС назвал удар резнёй.") == ["резнёй"]


def test_the_composed_digest_quotes_a_partys_label_and_leaves_out_the_outlets(tmp_path):
    path = _article(tmp_path)
    summarizer, _ = fake_summarizer(ANSWER)
    result = summarizer.summarize_file(path)
    assert "“terrorists”" in result.digest.text and loaded_terms(result.digest.text) == []
    assert "liberated" not in result.digest.text
    [dropped] = [d for d in result.dropped if d.stage == "digest"]
    assert dropped.item == "e2" and "liberated" in dropped.reason


def test_a_model_digest_using_a_loaded_label_in_its_own_voice_is_reasked(tmp_path):
    path = _article(tmp_path)
    loaded = digest_answer(("Separatist officials said terrorists shelled a market in Horlivka, killing 12 people; "
                            "Ukraine's army said it had not fired at the town.", ["e1", "e3"]))
    neutral = digest_answer(("Separatist officials said a market in Horlivka was shelled, killing 12 people; "
                             "Ukraine's army said it had not fired at the town.", ["e1", "e3"]))
    summarizer, fake = fake_summarizer(ANSWER, loaded, neutral, digest="model")
    result = summarizer.summarize_file(path)
    assert "uses the loaded label(s) terrorists in its own voice" in fake.requests[2]["messages"][-1]["content"]
    assert result.digest.text == ("Separatist officials said a market in Horlivka was shelled, killing 12 people; "
                                  "Ukraine's army said it had not fired at the town.")


def test_a_model_digest_giving_one_side_of_a_dispute_is_reasked(tmp_path):
    path = _article(tmp_path)
    one_side = digest_answer(("Separatist officials said a market in Horlivka was shelled, killing 12 people.",
                              ["e1"]))
    apart = digest_answer(("Separatist officials said a market in Horlivka was shelled, killing 12 people.", ["e1"]),
                          ("Ukraine's army said it had not fired at the town.", ["e3"]))
    both = digest_answer(("Separatist officials said a market in Horlivka was shelled, killing 12 people; Ukraine's "
                          "army said it had not fired at the town.", ["e1", "e3"]))
    summarizer, fake = fake_summarizer(ANSWER, one_side, apart, both, digest="model")
    result = summarizer.summarize_file(path)
    for reask in fake.requests[2:4]:  # one side only, then both sides in two sentences: each re-asked
        assert "cites event e1, which is contested by e3: give both sides of the dispute in that sentence" in \
            reask["messages"][-1]["content"]
    assert [s.event_ids for s in result.digest.sentences] == [["e1", "e3"]]


def test_single_quotes_are_a_party_s_words_but_an_apostrophe_is_no_quote():
    assert loaded_terms("The union said staff were replaced by 'terrorists', a claim the company rejected.") == []
    assert loaded_terms("The union's terrorists claim was rejected.") == ["terrorists"]
