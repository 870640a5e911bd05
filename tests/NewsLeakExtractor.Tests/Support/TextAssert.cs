using NewsLeakExtractor.Contract;
using Xunit;

namespace NewsLeakExtractor.Tests.Support;

/// <summary>Checks that hold for every cleaned article text, whatever the page.</summary>
internal static class TextAssert
{
    /// <summary>Whitespace normalised: no CR, tab, NBSP, invisible or replacement characters, no doubled spaces or
    /// blank-line runs, no line with leading or trailing spaces, no leading or trailing blank lines.</summary>
    public static void IsNormalised(string text)
    {
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\t', text);
        Assert.DoesNotContain('\u00A0', text);
        Assert.DoesNotContain('\u200B', text);
        Assert.DoesNotContain('\uFEFF', text);
        Assert.DoesNotContain('\uFFFD', text);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.Equal(text.Trim(), text);
        foreach (var line in text.Split('\n'))
        {
            Assert.True(line == line.Trim(), $"line has leading or trailing whitespace: '{line}'");
        }
    }

    public static string[] Paragraphs(ArticleRecord article) =>
        article.Text.Length == 0 ? [] : article.Text.Split("\n\n");
}
