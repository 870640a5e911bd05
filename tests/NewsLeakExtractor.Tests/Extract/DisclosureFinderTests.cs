using NewsLeakExtractor.Extract.Disclosure;
using NewsLeakExtractor.Extract.Mentions;
using Xunit;
using static NewsLeakExtractor.Tests.Extract.ExtractionHarness;

namespace NewsLeakExtractor.Tests.Extract;

/// <summary>Disclosure frames read off single sentences by <see cref="DisclosureFinder"/>.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class DisclosureFinderTests
{
    private static DisclosureFinding Single(string text)
    {
        var findings = Disclosures(text);
        Assert.True(findings.Count == 1, $"expected one disclosure, got {findings.Count}: {Describe(findings)}");
        return findings[0];
    }

    private static string? Name(Mention? mention) => mention?.Entity?.Name;

    private static string[] Names(IEnumerable<Mention> mentions) => mentions.Select(m => m.Entity?.Name ?? m.Text).ToArray();

    private static void AssertInformationIndexesText(string text, DisclosureFinding finding)
    {
        Assert.NotNull(finding.Information);
        Assert.Equal(finding.Information!.Text, text[finding.Information.Start..finding.Information.End]);
    }

    [Fact]
    public void Nominal_leak_of_by_to()
    {
        const string text = "Investigators traced the leak of the procurement memo by a ministry aide to the Capital Ledger.";

        var finding = Single(text);

        Assert.Equal("noun", finding.Frame);
        Assert.Contains("aide", finding.Leaker?.Entity?.Name, StringComparison.Ordinal);
        Assert.Equal(["Capital Ledger"], Names(finding.Recipients));
        Assert.Equal("the procurement memo", finding.Information?.Text);
        AssertInformationIndexesText(text, finding);
    }

    [Fact]
    public void Possessive_disclosure_of()
    {
        const string text = "Councillor Brenna Holt condemned Marcus Tell's disclosure of the draft budget to the Harbour Gazette.";

        var finding = Single(text);

        Assert.Equal("Marcus Tell", Name(finding.Leaker));
        Assert.Equal(["Harbour Gazette"], Names(finding.Recipients));
        Assert.Equal("the draft budget", finding.Information?.Text);
    }

    [Fact]
    public void Nominal_leak_of_a_substance_is_no_disclosure()
    {
        Assert.Empty(Disclosures("Engineers blamed the leak of radioactive water by the plant operator on a cracked seal."));
    }

    [Fact]
    public void Shared_with()
    {
        const string text = "Defense Secretary Harlan Voss shared the classified battle plans with Russian Foreign Minister Pavel Orlov.";

        var finding = Single(text);

        Assert.Equal("give", finding.Frame);
        Assert.Equal("shared", finding.Verb);
        Assert.Equal("Harlan Voss", Name(finding.Leaker));
        Assert.Equal(["Pavel Orlov"], Names(finding.Recipients));
        Assert.Equal("the classified battle plans", finding.Information?.Text);
        Assert.True(finding.Classified);
        AssertInformationIndexesText(text, finding);
    }

    [Fact]
    public void Told_about()
    {
        const string text = "Defense Secretary Harlan Voss told Russian Foreign Minister Pavel Orlov about the secret missile tests.";

        var finding = Single(text);

        Assert.Equal("tell", finding.Frame);
        Assert.Equal("Harlan Voss", Name(finding.Leaker));
        Assert.Equal(["Pavel Orlov"], Names(finding.Recipients));
        Assert.Equal("the secret missile tests", finding.Information?.Text);
        AssertInformationIndexesText(text, finding);
    }

    [Fact]
    public void Telling_an_outlet_is_being_a_source_not_a_leak()
    {
        Assert.Empty(Disclosures("Defense Secretary Harlan Voss told Reuters about the secret missile tests."));
    }

    [Fact]
    public void Passive_leaked_to_by()
    {
        const string text = "The confidential memo was leaked to The Washington Post by a senior Pentagon official.";

        var finding = Single(text);

        Assert.Equal("leaked", finding.Verb);
        Assert.True(finding.StrongVerb);
        Assert.Equal(MentionKind.Unnamed, finding.Leaker?.Kind);
        Assert.Equal("senior Pentagon official", Name(finding.Leaker));
        Assert.Equal("United States", finding.Leaker!.Entity!.Affiliation);
        Assert.Equal(["The Washington Post"], Names(finding.Recipients));
        Assert.Equal("The confidential memo", finding.Information?.Text);
        AssertInformationIndexesText(text, finding);
    }

    [Fact]
    public void Reduced_relative_documents_provided_to_by()
    {
        const string text = "Documents provided to The Guardian by a former contractor show the program was larger than admitted.";

        var finding = Single(text);

        Assert.Equal("provided", finding.Verb);
        Assert.Equal("former contractor", Name(finding.Leaker));
        Assert.Equal(["The Guardian"], Names(finding.Recipients));
        Assert.Equal("Documents", finding.Information?.Text);
    }

    [Fact]
    public void Obtained_from_a_named_official()
    {
        const string text = "Reporter Nadia Kern obtained the secret budget draft from Treasury official Omar Said.";

        var finding = Single(text);

        Assert.Equal("obtain", finding.Frame);
        Assert.Equal("Omar Said", Name(finding.Leaker));
        Assert.Equal(["Nadia Kern"], Names(finding.Recipients));
        Assert.Equal("the secret budget draft", finding.Information?.Text);
        AssertInformationIndexesText(text, finding);
    }

    [Fact]
    public void Obtained_from_an_unnamed_source()
    {
        var finding = Single("Reporter Nadia Kern obtained the secret budget draft from a former company lawyer.");

        Assert.Equal("former company lawyer", Name(finding.Leaker));
        Assert.Equal(["Nadia Kern"], Names(finding.Recipients));
    }

    [Fact]
    public void Passive_obtained_by_makes_the_agent_the_recipient()
    {
        var finding = Single("The confidential memo was obtained by The Washington Post last week.");

        Assert.Null(finding.Leaker);
        Assert.Equal(["The Washington Post"], Names(finding.Recipients));
        Assert.Equal("The confidential memo", finding.Information?.Text);
    }

    [Fact(Skip = "known limitation: when an outlet obtains, 'from X' is not read; 'The New York Times obtained the internal emails from a former company lawyer.' gives recipient The New York Times and no leaker (the outlet branch of DisclosureFinder.Read never looks for 'from')")]
    public void Outlet_obtained_from_gives_the_source_as_leaker()
    {
        var finding = Single("The New York Times obtained the internal emails from a former company lawyer.");

        Assert.Equal(["The New York Times"], Names(finding.Recipients));
        Assert.Equal("former company lawyer", Name(finding.Leaker));
    }

    [Fact]
    public void Gerund_charged_with_leaking_to()
    {
        const string text = "Army analyst Cole Brenner was charged with leaking classified reports to a journalist.";

        var finding = Single(text);

        Assert.Equal("leaking", finding.Verb);
        Assert.Equal("Cole Brenner", Name(finding.Leaker));
        Assert.Equal("Army analyst", finding.Leaker!.Entity!.Role);
        Assert.Equal(["journalist"], Names(finding.Recipients));
        Assert.Equal("classified reports", finding.Information?.Text);
    }

    [Fact]
    public void Gerund_accused_of_passing_to_an_outlet()
    {
        var finding = Single("Navy clerk Ida Laine was accused of passing sensitive cables to The Intercept.");

        Assert.Equal("Ida Laine", Name(finding.Leaker));
        Assert.Equal(["The Intercept"], Names(finding.Recipients));
        Assert.Equal("sensitive cables", finding.Information?.Text);
    }

    [Fact]
    public void Double_object_with_a_named_recipient()
    {
        const string text = "Ministry aide Peter Quill handed reporter Lina Marsh the confidential file.";

        var finding = Single(text);

        Assert.Equal("handed", finding.Verb);
        Assert.Equal("Peter Quill", Name(finding.Leaker));
        Assert.Equal(["Lina Marsh"], Names(finding.Recipients));
        Assert.Equal("the confidential file", finding.Information?.Text);
        AssertInformationIndexesText(text, finding);
    }

    [Fact]
    public void Double_object_pronoun_is_not_part_of_the_information()
    {
        var finding = Single("Ministry aide Peter Quill handed him the confidential file.");

        Assert.Equal("Peter Quill", Name(finding.Leaker));
        Assert.Equal("the confidential file", finding.Information?.Text);
    }

    [Fact(Skip = "known limitation: 'The aide met reporter Tom Marsh in a cafe. Ministry aide Peter Quill handed him the confidential file.' — \"him\" resolves to the last person, Peter Quill himself (the subject of the same clause), and is then dropped as recipient, so the finding has no recipient")]
    public void Double_object_pronoun_resolves_to_the_earlier_person()
    {
        var findings = Disclosures("The aide met reporter Tom Marsh in a cafe. Ministry aide Peter Quill handed him the confidential file.");

        var finding = Assert.Single(findings);
        Assert.Equal("Peter Quill", Name(finding.Leaker));
        Assert.Equal(["Tom Marsh"], Names(finding.Recipients));
    }

    [Fact]
    public void Double_object_with_a_description_as_recipient()
    {
        var finding = Single("Ministry aide Peter Quill handed the reporter the confidential file.");

        Assert.Equal(["reporter"], Names(finding.Recipients));
        Assert.Equal("the confidential file", finding.Information?.Text);
    }

    [Theory]
    [InlineData("Israel shares intelligence with the United States on a regular basis.")]
    [InlineData("Britain routinely shares intelligence with its allies.")]
    [InlineData("The agency provides threat assessments to partner governments every week.")]
    public void Present_tense_habit_is_no_disclosure(string sentence)
    {
        var findings = Disclosures(sentence);

        Assert.True(findings.Count == 0, Describe(findings));
    }

    [Theory]
    [InlineData("Foreign Minister Jonas Berg handed in his resignation on Friday.")]
    [InlineData("The striker handed in a transfer request after the match.")]
    public void Handing_in_a_resignation_is_no_disclosure(string sentence)
    {
        var findings = Disclosures(sentence);

        Assert.True(findings.Count == 0, Describe(findings));
    }

    [Fact]
    public void Verb_without_any_actor_is_no_disclosure()
    {
        var findings = Disclosures("The figures were shared widely last year.");

        Assert.True(findings.Count == 0, Describe(findings));
    }
}
