using NewsLeakExtractor.Cli.Dashboard;
using NewsLeakExtractor.Contract;
using Xunit;

namespace NewsLeakExtractor.Tests.Dashboard;

public sealed class EvidenceTextTests
{
    private const string Text = "Alpha said one thing. Beta leaked the plan to Gamma. Delta condemned it.";

    [Fact]
    public void Runs_cover_the_whole_text_and_mark_each_span()
    {
        var anchors = new[]
        {
            Anchor("evidence-1", "Beta leaked the plan to Gamma."),
            Anchor("disclosed-1", "the plan"),
            Anchor("reaction-1", "Delta condemned it."),
        };

        var runs = EvidenceText.Split(Text, anchors);

        Assert.Equal(Text, string.Concat(runs.Select(r => r.Text)));
        Assert.Equal("Beta leaked the plan to Gamma.Delta condemned it.", string.Concat(runs.Where(r => r.Highlighted).Select(r => r.Text)));
        var plan = Assert.Single(runs, r => r.Text == "the plan");
        Assert.Equal(["disclosed-1"], plan.StartingAnchors);
        Assert.Equal(["evidence 1", "disclosed 1"], plan.Labels);
        Assert.Equal(["evidence-1"], Assert.Single(runs, r => r.Text == "Beta leaked ").StartingAnchors);
        Assert.False(runs[0].Highlighted);
    }

    [Fact]
    public void Spans_outside_the_text_are_left_out_rather_than_breaking_the_page()
    {
        var anchors = new[]
        {
            new EvidenceAnchor("evidence-1", "evidence 1", new Span(60, 500, "stale")),
            new EvidenceAnchor("evidence-2", "evidence 2", new Span(-3, 4, "bad")),
            new EvidenceAnchor("evidence-3", "evidence 3", new Span(10, 10, "")),
        };

        var runs = EvidenceText.Split(Text, anchors);

        Assert.Equal(Text, Assert.Single(runs).Text);
        Assert.False(runs[0].Highlighted);
    }

    [Fact]
    public void A_boundary_never_splits_a_surrogate_pair()
    {
        const string text = "Rocket 🚀 launch leaked.";
        var inside = text.IndexOf("🚀", StringComparison.Ordinal) + 1;

        var runs = EvidenceText.Split(text, [new EvidenceAnchor("evidence-1", "evidence 1", new Span(inside, text.Length, "x"))]);

        Assert.All(runs, run => Assert.False(char.IsHighSurrogate(run.Text[^1])));
        Assert.Equal(text, string.Concat(runs.Select(r => r.Text)));
    }

    [Fact]
    public void Every_field_with_a_span_gets_an_anchor()
    {
        var span = new Span(0, 5, "Alpha");
        var leak = new LeakEvent(
            "e1", "s", [], [], [], [new DisclosedInformation("plan", null, span), new DisclosedInformation("list", null, span)], null, null, null, null,
            [new ReportingSource("Post", "reported", span)], [new Reaction(new Actor("A", null, "person", null), "denial", "denied", null, span)], [span], 0.5);

        var ids = EvidenceText.Anchors(leak).Select(a => a.Id);

        Assert.Equal(["evidence-1", "disclosed-1", "disclosed-2", "source-1", "reaction-1"], ids);
    }

    private static EvidenceAnchor Anchor(string id, string part)
    {
        var start = Text.IndexOf(part, StringComparison.Ordinal);
        return new EvidenceAnchor(id, id.Replace('-', ' '), new Span(start, start + part.Length, part));
    }
}
