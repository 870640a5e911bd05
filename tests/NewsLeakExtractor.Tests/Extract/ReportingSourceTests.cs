using NewsLeakExtractor.Extract.Sources;
using Xunit;
using static NewsLeakExtractor.Tests.Extract.ExtractionHarness;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>Outlets an article cites, found by <see cref="ReportingSourceFinder"/>.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class ReportingSourceTests
{
    private static string Describe(IEnumerable<SourceCitation> citations) =>
        string.Join("; ", citations.Select(c => $"{c.Outlet.Entity?.Name} ({c.Cue})"));

    [Theory]
    [InlineData("The Wall Street Journal reported that the talks had stalled.", "The Wall Street Journal", "reported")]
    [InlineData("The talks had stalled, according to Reuters.", "Reuters", "according to")]
    [InlineData("A senior diplomat told Bloomberg that the talks had stalled.", "Bloomberg", "told")]
    [InlineData("The plan was first reported by Politico on Sunday.", "Politico", "first reported by")]
    [InlineData("The Guardian first reported the plan on Sunday.", "The Guardian", "first reported")]
    [InlineData("The talks had stalled, according to the Northfield Sentinel.", "Northfield Sentinel", "according to")]
    public void Outlet_with_its_cue(string sentence, string outlet, string cue)
    {
        var citations = Citations(sentence);

        var citation = Assert.Single(citations);
        Assert.Equal(outlet, citation.Outlet.Entity!.Name);
        Assert.Equal(cue, citation.Cue);
        Assert.Equal(sentence, citation.Sentence.Text);
    }

    [Theory]
    [InlineData("The talks had stalled, according to Greenpeace.")]
    [InlineData("The talks had stalled, according to the Foreign Ministry.")]
    [InlineData("Interior Minister Lena Hoff reported that the talks had stalled.")]
    [InlineData("Two senior officials told reporters that the talks had stalled.")]
    [InlineData("The talks had stalled, according to three people familiar with the matter.")]
    public void Non_outlet_is_never_a_reporting_source(string sentence)
    {
        var citations = Citations(sentence);

        Assert.True(citations.Count == 0, Describe(citations));
    }

    [Fact]
    public void Archive_whose_name_starts_with_an_outlet_name_is_not_cited()
    {
        var citations = Citations("The National Archives published the documents online.");

        Assert.True(citations.Count == 0, Describe(citations));
    }

    [Fact]
    public void Every_outlet_in_a_sentence_is_cited_once()
    {
        var citations = Citations("The plan was first reported by Politico and later confirmed by Reuters.");

        Assert.Equal(["Politico", "Reuters"], citations.Select(c => c.Outlet.Entity!.Name).ToArray());
        Assert.Equal("first reported by", citations[0].Cue);
    }

    [Fact]
    public void Reporting_sources_attach_to_the_event_with_a_sentence_span()
    {
        var article = Article("Defense Secretary Harlan Voss shared the classified battle plans with Russian Foreign Minister Pavel Orlov, The Wall Street Journal reported.\n\nThe talks had stalled, according to Reuters.");

        var leak = Assert.Single(Get<NewsLeakExtractor.Extract.LeakEventExtractor>().Extract(article));

        Assert.Equal(["The Wall Street Journal", "Reuters"], leak.ReportingSources.Select(s => s.Name).ToArray());
        Assert.Equal(["reported", "according to"], leak.ReportingSources.Select(s => s.Cue).ToArray());
        AssertSpansIndexText(article, [leak]);
        Assert.Equal("The talks had stalled, according to Reuters.", leak.ReportingSources[1].Evidence.Text);
    }
}
