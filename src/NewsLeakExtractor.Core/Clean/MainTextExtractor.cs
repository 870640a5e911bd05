using System.Text;
using AngleSharp.Dom;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Finds the article body in a page and writes it as paragraphs.
/// The body is located by structure and statistics, not per-site rules: paragraphs vote for the
/// containers around them (weighted by length and commas), link-heavy containers lose their votes,
/// class and id words nudge the vote, and the winner's siblings that read like the same article join it.
/// Inside the chosen containers, furniture (share bars, related links, captions, ads) is skipped again.
/// </summary>
public sealed class MainTextExtractor
{
    private const double PositiveHintWeight = 1.25;
    private const double NegativeHintWeight = 0.5;

    private static readonly HashSet<string> BoilerplateLines = Lexicon.Set("cleaning/boilerplate-lines.txt");

    /// <summary>Extracts the body text.</summary>
    public string Extract(IDocument document)
    {
        var root = document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return string.Empty;
        }

        var stats = DomStatistics.Measure(root);
        var selection = SelectBody(root, stats);
        return selection.Count == 0 ? string.Empty : Write(selection, stats);
    }

    private static double TagBias(string tag) => tag switch
    {
        "article" or "main" => 10,
        "div" or "section" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    /// <summary>The containers that hold the article, in document order.</summary>
    private static List<IElement> SelectBody(IElement root, Dictionary<IElement, ElementStats> stats)
    {
        var candidates = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var (element, s) in stats)
        {
            if (!DomStatistics.IsParagraph(element, s))
            {
                continue;
            }

            var vote = 1.0 + s.InlineCommas + Math.Min(s.InlineText / 100, 3);

            // A container holding loose text beside its blocks is itself the paragraph's container.
            var ancestor = element.LocalName != "p" && element.ChildNodes.OfType<IElement>().Any(DomStatistics.IsBlock) ? element : element.ParentElement;
            for (var level = 0; level < 5 && ancestor is not null && stats.ContainsKey(ancestor); level++, ancestor = ancestor.ParentElement)
            {
                if (!candidates.ContainsKey(ancestor))
                {
                    candidates[ancestor] = TagBias(ancestor.LocalName);
                }

                // Class and id words scale the votes rather than add to them, so a well-named empty box cannot win.
                var a = stats[ancestor];
                var weight = a.InFurniture || a.Hint == Hint.Negative ? NegativeHintWeight : a.Hint == Hint.Positive ? PositiveHintWeight : 1.0;
                candidates[ancestor] += weight * (level == 0 ? vote : level == 1 ? vote / 2 : vote / (level * 3));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        double Final(IElement e) => candidates.TryGetValue(e, out var score) ? score * (1 - stats[e].LinkDensity) : 0;

        var ranked = candidates.Keys.OrderByDescending(Final).Take(5).ToList();
        var top = ranked[0];
        var topScore = Final(top);

        // When several strong candidates share an ancestor, the article is split across them: take the ancestor.
        var strong = ranked.Skip(1).Where(c => Final(c) >= topScore * 0.75 && !c.Contains(top) && !top.Contains(c)).ToList();
        if (strong.Count > 0)
        {
            for (var ancestor = top.ParentElement; ancestor is not null && ancestor != root; ancestor = ancestor.ParentElement)
            {
                if (strong.Any(ancestor.Contains))
                {
                    top = ancestor;
                    break;
                }
            }
        }

        // Climb while the parent holds clearly more of the article than the candidate itself.
        var lastScore = Final(top);
        var startScore = lastScore;
        for (var parent = top.ParentElement; parent is not null && parent != root; parent = parent.ParentElement)
        {
            if (!candidates.ContainsKey(parent))
            {
                continue;
            }

            var parentScore = Final(parent);
            if (parentScore < lastScore / 3)
            {
                break;
            }

            // Compared with where the climb started: creeping up through ever-weaker wrappers must not win.
            if (parentScore > startScore)
            {
                top = parent;
                break;
            }

            lastScore = parentScore;
        }

        while (top.ParentElement is { } only && only != root && only.Children.Length == 1)
        {
            top = only;
        }

        var selection = WithSiblings(top, Final(top), Final, stats);
        return WithTwins(root, top, selection, stats);
    }

    /// <summary>
    /// Adds the containers that share the winner's tag and class elsewhere in the page: an article split into
    /// chunks around ad rails is written as several identical containers. Result in document order.
    /// </summary>
    private static List<IElement> WithTwins(IElement root, IElement top, List<IElement> selection, Dictionary<IElement, ElementStats> stats)
    {
        // Only containers named as article text: identical generic grid cells are not one article.
        if (string.IsNullOrWhiteSpace(top.ClassName) || stats[top].Hint != Hint.Positive)
        {
            return selection;
        }

        var twins = stats.Where(pair => pair.Key != top
                && pair.Key.LocalName == top.LocalName
                && pair.Key.ClassName == top.ClassName
                && pair.Value.ParagraphText >= 100
                && !pair.Value.InFurniture
                && !selection.Any(s => s.Contains(pair.Key) || pair.Key.Contains(s)))
            .Select(pair => pair.Key)
            .ToList();
        if (twins.Count == 0)
        {
            return selection;
        }

        var chosen = new HashSet<IElement>(selection.Concat(twins), ReferenceEqualityComparer.Instance);
        return root.Descendants<IElement>().Where(chosen.Contains).ToList();
    }

    private static List<IElement> WithSiblings(IElement top, double topScore, Func<IElement, double> final, Dictionary<IElement, ElementStats> stats)
    {
        var parent = top.ParentElement;
        if (parent is null)
        {
            return [top];
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var selection = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                selection.Add(sibling);
                continue;
            }

            if (!stats.TryGetValue(sibling, out var s))
            {
                continue;
            }

            var bonus = !string.IsNullOrEmpty(top.ClassName) && sibling.ClassName == top.ClassName ? topScore * 0.2 : 0;
            if (final(sibling) + bonus >= threshold)
            {
                selection.Add(sibling);
            }
            else if (DomStatistics.IsParagraph(sibling, s) || (sibling.LocalName == "p" && s.Text > 0))
            {
                var density = s.LinkDensity;
                if ((s.Text > 80 && density < 0.25) || (s.Text <= 80 && density == 0 && EndsSentence(sibling.TextContent)))
                {
                    selection.Add(sibling);
                }
            }
        }

        return selection;
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '"' or '”' or '’';
    }

    private static string Write(List<IElement> selection, Dictionary<IElement, ElementStats> stats)
    {
        var writer = new ParagraphWriter();
        foreach (var container in selection)
        {
            var containerText = Math.Max(1, stats[container].ParagraphText);
            var stack = new Stack<(INode Node, bool Exit)>();
            stack.Push((container, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (node is IText text)
                {
                    writer.Append(text.Data);
                    continue;
                }

                if (node is not IElement element)
                {
                    continue;
                }

                var block = DomStatistics.IsBlock(element);
                if (exit)
                {
                    if (block)
                    {
                        writer.EndBlock();
                    }

                    continue;
                }

                if (element != container && (!stats.TryGetValue(element, out var elementStats) || Skip(element, elementStats, containerText)))
                {
                    continue;
                }

                if (element.LocalName == "br")
                {
                    writer.LineBreak();
                    continue;
                }

                if (block)
                {
                    writer.StartBlock(element.LocalName == "li");
                    stack.Push((element, true));
                }

                for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((element.ChildNodes[i], false));
                }
            }
        }

        return writer.ToString(BoilerplateLines);
    }

    /// <summary>Furniture inside the article container: skipped unless it holds most of the article.</summary>
    private static bool Skip(IElement element, ElementStats s, int containerParagraphText)
    {
        if (element.LocalName == "h1")
        {
            return true; // the headline: it is the title, not body text
        }

        var major = s.ParagraphText * 2 > containerParagraphText;
        if (!major && s.Hint is Hint.Negative or Hint.Mixed or Hint.Furniture)
        {
            return true;
        }

        if (!major && DomStatistics.IsBlock(element) && s.Text > 0 && s.LinkDensity > 0.5 && s.Text < 600)
        {
            return true;
        }

        return false;
    }
}
