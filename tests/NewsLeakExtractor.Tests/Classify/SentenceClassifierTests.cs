using NewsLeakExtractor.Classify;
using Xunit;

namespace NewsLeakExtractor.Tests.Classify;

public sealed class SentenceClassifierTests
{
    private static readonly SentenceClassifier Classifier = new();

    [Theory]
    [InlineData("A junior clerk passed the confidential tender documents to a rival bidder last spring.", SentenceRole.Disclosure)]
    [InlineData("The draft budget was leaked to a Sunday newspaper days before the chancellor's statement.", SentenceRole.Disclosure)]
    [InlineData("The ministry said it had opened an inquiry into how the memo reached reporters.", SentenceRole.Reaction)]
    [InlineData("A gas leak forced the evacuation of forty homes on the east side of town on Tuesday.", SentenceRole.Other)]
    [InlineData("Financial terms of the acquisition were not disclosed.", SentenceRole.Other)]
    public void Classifies_sentences_written_for_the_test(string sentence, string expected)
    {
        var result = Classifier.Classify([sentence]).Single();

        Assert.Equal(expected, result.Role);
        Assert.InRange(result.Probabilities.Values.Sum(), 0.99, 1.01);
    }

    [Fact]
    public void Leak_sentences_score_higher_leak_probability_than_physical_leaks()
    {
        var scores = Classifier.Classify([
            "An aide forwarded the classified briefing to a journalist at a Washington newspaper.",
            "Crews worked through the night to seal a leaking water main under the high street.",
        ]);

        Assert.True(scores[0].LeakProbability > 0.5, $"leak probability {scores[0].LeakProbability}");
        Assert.True(scores[1].LeakProbability < 0.5, $"leak probability {scores[1].LeakProbability}");
    }

    [Fact]
    public void Training_is_deterministic_and_reports_metrics_per_role()
    {
        var corpus = new List<LabelledSentence>();
        string[] leaks = ["The aide leaked the memo to reporters.", "Officials passed the secret file to a foreign envoy.", "The contractor handed classified slides to a blogger.", "Someone leaked the draft ruling to a news site."];
        string[] others = ["The team won the cup final on Sunday.", "Rain is expected across the north tomorrow.", "The bakery opened a second shop in March.", "Shares rose two percent in early trading."];
        for (var i = 0; i < 20; i++)
        {
            corpus.Add(new LabelledSentence { Label = SentenceRole.Disclosure, Incident = $"leak-{i % 7}", Text = leaks[i % leaks.Length] + $" Case {i}." });
            corpus.Add(new LabelledSentence { Label = SentenceRole.Other, Incident = $"other-{i % 7}", Text = others[i % others.Length] + $" Item {i}." });
        }

        var directory = Directory.CreateTempSubdirectory("nle-train-");
        try
        {
            var first = Path.Combine(directory.FullName, "a.zip");
            var second = Path.Combine(directory.FullName, "b.zip");
            var report = new SentenceClassifierTrainer().Train(corpus, first);
            new SentenceClassifierTrainer().Train(corpus, second);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.Equal(40, report.Sentences);
            Assert.True(report.PerClass[SentenceRole.Disclosure].Recall > 0.5);

            using var model = File.OpenRead(first);
            var trained = new SentenceClassifier(model);
            Assert.Equal(SentenceRole.Disclosure, trained.Classify(["The aide leaked the memo to reporters."]).Single().Role);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
