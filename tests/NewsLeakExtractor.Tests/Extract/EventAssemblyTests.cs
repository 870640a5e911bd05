using Microsoft.Extensions.DependencyInjection;
using NewsLeakExtractor.Cli;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Extract;
using Xunit;
using static NewsLeakExtractor.Tests.Extract.ExtractionHarness;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>Whole short articles through <see cref="LeakEventExtractor"/>: assembly into events, ids, spans and hard negatives.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class EventAssemblyTests
{
    private const string TwoDisclosures =
        "Defense Secretary Harlan Voss shared the classified battle plans with Russian Foreign Minister Pavel Orlov during a meeting last week, The Wall Street Journal reported.\n\n" +
        "“This was a reckless betrayal of our allies,” Senator Ruth Adler said. The Justice Ministry launched an investigation.\n\n" +
        "In a separate case, a former defense contractor leaked confidential tax records to The Guardian two weeks ago, according to Reuters.\n\n" +
        "Treasury spokeswoman Irene Falk denied that any records had been lost.";

    private const string OneDisclosureTwoSentences =
        "Defense Secretary Harlan Voss shared the classified battle plans with Russian Foreign Minister Pavel Orlov during a meeting last week.\n\n" +
        "Voss passed the plans to Orlov on a memory stick, two officials said.";

    private static string[] Names(IEnumerable<Actor> actors) => actors.Select(a => a.Name).ToArray();

    [Fact]
    public void Two_distinct_disclosures_give_two_events()
    {
        var article = Article(TwoDisclosures);

        var events = Get<LeakEventExtractor>().Extract(article);

        Assert.True(events.Count == 2, Describe(events));
        var (voss, contractor) = (events[0], events[1]);

        Assert.Equal(["Harlan Voss"], Names(voss.Leakers));
        Assert.Equal("Defense Secretary", voss.Leakers[0].Role);
        Assert.Equal(["Pavel Orlov"], Names(voss.Recipients));
        Assert.Equal("Russia", voss.Recipients[0].Affiliation);
        Assert.Equal(["the classified battle plans"], voss.DisclosedInformation.Select(d => d.Text).ToArray());
        Assert.Equal("classified", voss.DisclosedInformation[0].Classification);
        Assert.Equal(("last week", "2024-03-08"), (voss.OccurredText, voss.OccurredAt));

        Assert.Equal(["former defense contractor"], Names(contractor.Leakers));
        Assert.Equal("unnamed", contractor.Leakers[0].Kind);
        Assert.Equal(["The Guardian"], Names(contractor.Recipients));
        Assert.Equal(["confidential tax records"], contractor.DisclosedInformation.Select(d => d.Text).ToArray());
        Assert.Equal("confidential", contractor.DisclosedInformation[0].Classification);
        Assert.Equal(("two weeks ago", "2024-03-01"), (contractor.OccurredText, contractor.OccurredAt));

        AssertSpansIndexText(article, events);
    }

    [Fact]
    public void Sources_and_reactions_attach_to_the_event_whose_stretch_they_are_in()
    {
        var events = Events(TwoDisclosures);
        Assert.True(events.Count == 2, Describe(events));
        var (voss, contractor) = (events[0], events[1]);

        Assert.Equal(["The Wall Street Journal"], voss.ReportingSources.Select(s => s.Name).ToArray());
        Assert.Contains("Reuters", contractor.ReportingSources.Select(s => s.Name));
        Assert.DoesNotContain("Reuters", voss.ReportingSources.Select(s => s.Name));

        var vossReactions = voss.Reactions.Select(r => (r.Actor.Name, r.Kind)).ToList();
        Assert.Contains(("Ruth Adler", "condemnation"), vossReactions);
        Assert.Contains(("Justice Ministry", "investigation"), vossReactions);
        Assert.Equal("This was a reckless betrayal of our allies,", voss.Reactions.Single(r => r.Actor.Name == "Ruth Adler").Quote);
        Assert.DoesNotContain(voss.Reactions, r => r.Actor.Name == "Irene Falk");

        var denial = Assert.Single(contractor.Reactions);
        Assert.Equal(("Irene Falk", "denial", "person"), (denial.Actor.Name, denial.Kind, denial.Actor.Kind));
        Assert.Null(denial.Quote);
    }

    [Fact]
    public void Two_sentences_about_one_disclosure_give_one_event()
    {
        var article = Article(OneDisclosureTwoSentences);

        var events = Get<LeakEventExtractor>().Extract(article);

        var leak = Assert.Single(events);
        Assert.Equal(["Harlan Voss"], Names(leak.Leakers));
        Assert.Equal(["Pavel Orlov"], Names(leak.Recipients));
        Assert.Equal(2, leak.Evidence.Count);
        Assert.Equal(["the classified battle plans", "the plans"], leak.DisclosedInformation.Select(d => d.Text).ToArray());
        // The leaker's own act, told in an evidence sentence, is no reaction.
        Assert.DoesNotContain(leak.Reactions, r => r.Actor.Name == "Harlan Voss");
        AssertSpansIndexText(article, events);
    }

    [Fact]
    public void Telling_a_foreign_minister_secret_information_is_an_event()
    {
        var leak = Assert.Single(Events("Defense Secretary Harlan Voss told Russian Foreign Minister Pavel Orlov about the secret missile tests."));

        Assert.Equal(["Harlan Voss"], Names(leak.Leakers));
        Assert.Equal(["Pavel Orlov"], Names(leak.Recipients));
    }

    [Fact]
    public void Telling_more_in_a_later_sentence_joins_the_event()
    {
        var leak = Assert.Single(Events(
            "Defense Secretary Harlan Voss shared the classified battle plans with Russian Foreign Minister Pavel Orlov during a meeting last week.\n\n" +
            "Voss also told Orlov about the secret missile tests, according to two officials."));

        Assert.Equal(2, leak.Evidence.Count);
        Assert.Contains("the secret missile tests", leak.DisclosedInformation.Select(d => d.Text));
        Assert.DoesNotContain(leak.Reactions, r => r.Actor.Name == "Harlan Voss");
    }

    [Fact]
    public void Event_ids_are_stable_across_runs_and_differ_between_events()
    {
        var first = Events(TwoDisclosures);
        IReadOnlyList<LeakEvent> second;
        using (var fresh = Composition.BuildPipelineServices())
        {
            second = fresh.GetRequiredService<LeakEventExtractor>().Extract(Article(TwoDisclosures));
        }

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.NotEqual(first[0].Id, first[1].Id);
        Assert.All(first, e => Assert.Matches("^ev_[0-9a-f]{16}$", e.Id));

        // The whole record is deterministic, not only its id.
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(first, ContractJson.Options),
            System.Text.Json.JsonSerializer.Serialize(second, ContractJson.Options));
    }

    [Fact]
    public void Event_id_depends_on_the_article()
    {
        var here = Get<LeakEventExtractor>().Extract(Article(OneDisclosureTwoSentences));
        var there = Get<LeakEventExtractor>().Extract(Article(OneDisclosureTwoSentences, url: "https://example.test/news/other-story"));

        Assert.NotEqual(Assert.Single(here).Id, Assert.Single(there).Id);
    }

    [Fact]
    public void Confidence_is_a_probability_and_summary_names_the_actors()
    {
        var events = Events(TwoDisclosures);

        Assert.All(events, e => Assert.InRange(e.Confidence, 0.0, 1.0));
        Assert.Equal("Harlan Voss disclosed the classified battle plans to Pavel Orlov", events[0].Summary);
    }

    [Theory]
    [InlineData(TwoDisclosures)]
    [InlineData(OneDisclosureTwoSentences)]
    [InlineData("The confidential memo was leaked to The Washington Post by a senior Pentagon official, the paper said on Monday.\n\n“We will find whoever did this,” Defense Secretary Harlan Voss said. “Nobody is above the law.”\n\nThe Pentagon opened an investigation, according to Reuters.")]
    [InlineData("Ministry aide Peter Quill handed reporter Lina Marsh the confidential file in the Grand Hotel.\n\nMarsh said: “I was given it in good faith, and I stand by the story.”")]
    [InlineData("Documents provided to The Guardian by a former contractor show the program was larger than admitted.\n\nThe agency’s director denied the report; “It is untrue,” she said.")]
    public void Every_span_indexes_the_article_text(string text)
    {
        var article = Article(text);

        var events = Get<LeakEventExtractor>().Extract(article);

        Assert.NotEmpty(events);
        AssertSpansIndexText(article, events);
        Assert.All(events, e => Assert.NotEmpty(e.Evidence));
    }

    [Theory]
    [InlineData("Residents of Maple Street were evacuated on Tuesday after a gas leak was reported near the school. Fire crews sealed the leaking pipe within two hours, and the gas company said no one was hurt.")]
    [InlineData("Halvorsen Industries agreed to buy the logistics firm Brightpath for an undisclosed sum. Financial terms were not disclosed.")]
    [InlineData("The Defense Department declassified and released hundreds of pages of Cold War files on Monday. The National Archives published the documents online at the request of historians.")]
    [InlineData("Retailer ShopMart said hackers breached its payment systems and exposed the card details of two million customers. The company said it had notified regulators.")]
    [InlineData("At its annual event, the company revealed its new phone, which has a larger screen and a faster chip. Chief executive Dana Pierce unveiled the device on stage.")]
    [InlineData("Israel shares intelligence with the United States on a regular basis, officials said. The two countries signed a new sharing agreement last year.")]
    [InlineData("The coach gave the players a day off after the win. Captain Jon Eriksen told reporters the squad was tired.")]
    public void Hard_negative_gives_no_event(string text)
    {
        var events = Events(text);

        Assert.True(events.Count == 0, Describe(events));
    }

    [Fact]
    public void Text_without_any_leak_word_gives_no_event()
    {
        Assert.Empty(Events("The council met on Tuesday and approved the new budget for the harbour district."));
        Assert.Empty(Events(string.Empty));
    }

    [Theory]
    [InlineData(TwoDisclosures)]
    [InlineData(OneDisclosureTwoSentences)]
    [InlineData("The confidential memo was leaked to The Washington Post by a senior Pentagon official, the paper said on Monday.\n\nThe Pentagon opened an investigation, according to Reuters.")]
    public void Harness_runs_the_stages_as_the_extractor_does(string text)
    {
        // The sentence-level tests build their inputs with ExtractionHarness; this keeps it honest.
        var article = Article(text);

        var byExtractor = Get<LeakEventExtractor>().Extract(article);
        var byHand = AssembleByHand(article);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(byExtractor, ContractJson.Options),
            System.Text.Json.JsonSerializer.Serialize(byHand, ContractJson.Options));
    }
}
