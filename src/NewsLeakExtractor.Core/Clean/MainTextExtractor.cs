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
        using var tree = PageTree.Build(document);
        return Extract(tree);
    }

    /// <summary>Extracts the body text from a page already walked (the cleaner shares one walk with the metadata readers).</summary>
    internal string Extract(PageTree tree)
    {
        var root = tree.MeasuredRoot;
        if (root < 0)
        {
            return string.Empty;
        }

        var stats = DomStatistics.Complete(tree);
        var selection = new BodySelection(tree, root, stats).Select();
        return selection.Count == 0 ? string.Empty : Write(tree, selection, stats);
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

    /// <summary>Chooses the containers that hold the article. Elements are tree positions throughout.</summary>
    private sealed class BodySelection(PageTree tree, int root, ElementStats[] stats)
    {
        /// <summary>Vote totals of the candidates, and the candidates in the order they first got a vote (ties go to the earlier).</summary>
        private readonly Dictionary<int, double> _votes = [];
        private readonly List<int> _candidates = [];

        private double Final(int e) => _votes.TryGetValue(e, out var score) ? score * (1 - stats[e].LinkDensity) : 0;

        /// <summary>The containers that hold the article, in document order.</summary>
        public List<int> Select()
        {
            Vote();
            if (_candidates.Count == 0)
            {
                return [];
            }

            var ranked = _candidates.OrderByDescending(Final).Take(5).ToList();
            var top = ranked[0];
            var topScore = Final(top);

            // When several strong candidates share an ancestor, the article is split across them: take the ancestor.
            var strong = ranked.Skip(1).Where(c => Final(c) >= topScore * 0.75 && !tree.Contains(c, top) && !tree.Contains(top, c)).ToList();
            if (strong.Count > 0)
            {
                for (var ancestor = tree.Parent(top); ancestor >= 0 && ancestor != root; ancestor = tree.Parent(ancestor))
                {
                    if (strong.Exists(c => tree.Contains(ancestor, c)))
                    {
                        top = ancestor;
                        break;
                    }
                }
            }

            // Climb while the parent holds clearly more of the article than the candidate itself.
            var lastScore = Final(top);
            var startScore = lastScore;
            for (var parent = tree.Parent(top); parent >= 0 && parent != root; parent = tree.Parent(parent))
            {
                if (!_votes.ContainsKey(parent))
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

            // A wrapper around nothing but the winner is the same container.
            while (tree.Parent(top) is var only && only >= 0 && only != root && top == only + 1 && tree.End(top) == tree.End(only))
            {
                top = only;
            }

            var selection = WithSiblings(top, Final(top));
            return WithTwins(top, selection);
        }

        /// <summary>Every paragraph votes for the containers above it.</summary>
        private void Vote()
        {
            // Children before parents, later paragraphs first: the order the votes were always summed in.
            for (var element = tree.End(root) - 1; element >= root; element--)
            {
                ref readonly var s = ref stats[element];
                if (!s.Measured || !DomStatistics.IsParagraph(s))
                {
                    continue;
                }

                var vote = 1.0 + s.InlineCommas + Math.Min(s.InlineText / 100, 3);

                // A container holding loose text beside its blocks is itself the paragraph's container.
                var ancestor = tree[element].LocalName != "p" && HasBlockChild(element) ? element : tree.Parent(element);
                for (var level = 0; level < 5 && ancestor >= 0 && stats[ancestor].Measured; level++, ancestor = tree.Parent(ancestor))
                {
                    if (!_votes.TryGetValue(ancestor, out var total))
                    {
                        total = TagBias(tree[ancestor].LocalName);
                        _candidates.Add(ancestor);
                    }

                    // Class and id words scale the votes rather than add to them, so a well-named empty box cannot win.
                    ref readonly var a = ref stats[ancestor];
                    var weight = a.InFurniture || a.Hint == Hint.Negative ? NegativeHintWeight : a.Hint == Hint.Positive ? PositiveHintWeight : 1.0;
                    _votes[ancestor] = total + weight * (level == 0 ? vote : level == 1 ? vote / 2 : vote / (level * 3));
                }
            }
        }

        private bool HasBlockChild(int element)
        {
            for (var child = element + 1; child < tree.End(element); child = tree.End(child))
            {
                if (DomStatistics.IsBlock(tree[child]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Adds the containers that share the winner's tag and class elsewhere in the page: an article split into
        /// chunks around ad rails is written as several identical containers. Result in document order.
        /// </summary>
        private List<int> WithTwins(int top, List<int> selection)
        {
            // Only containers named as article text: identical generic grid cells are not one article.
            var topElement = tree[top];
            if (string.IsNullOrWhiteSpace(topElement.ClassName) || stats[top].Hint != Hint.Positive)
            {
                return selection;
            }

            var twins = new List<int>();
            for (var e = tree.End(root) - 1; e >= root; e--)
            {
                ref readonly var s = ref stats[e];
                if (s.Measured && e != top && s.ParagraphText >= 100 && !s.InFurniture
                    && tree[e].LocalName == topElement.LocalName && tree[e].ClassName == topElement.ClassName
                    && !selection.Exists(chosen => tree.Contains(chosen, e) || tree.Contains(e, chosen)))
                {
                    twins.Add(e);
                }
            }

            if (twins.Count == 0)
            {
                return selection;
            }

            // Document order, and like the page's descendants, never the root itself.
            return selection.Concat(twins).Where(e => e > root && e < tree.End(root)).Distinct().Order().ToList();
        }

        private List<int> WithSiblings(int top, double topScore)
        {
            var parent = tree.Parent(top);
            if (parent < 0)
            {
                return [top];
            }

            var topClass = tree[top].ClassName;
            var threshold = Math.Max(10, topScore * 0.2);
            var selection = new List<int>();
            for (var sibling = parent + 1; sibling < tree.End(parent); sibling = tree.End(sibling))
            {
                if (sibling == top)
                {
                    selection.Add(sibling);
                    continue;
                }

                ref readonly var s = ref stats[sibling];
                if (!s.Measured)
                {
                    continue;
                }

                var bonus = !string.IsNullOrEmpty(topClass) && tree[sibling].ClassName == topClass ? topScore * 0.2 : 0;
                if (Final(sibling) + bonus >= threshold)
                {
                    selection.Add(sibling);
                }
                else if (DomStatistics.IsParagraph(s) || (tree[sibling].LocalName == "p" && s.Text > 0))
                {
                    var density = s.LinkDensity;
                    if ((s.Text > 80 && density < 0.25) || (s.Text <= 80 && density == 0 && EndsSentence(NodeText.Of(tree[sibling]))))
                    {
                        selection.Add(sibling);
                    }
                }
            }

            return selection;
        }
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '"' or '”' or '’';
    }

    private static string Write(PageTree tree, List<int> selection, ElementStats[] stats)
    {
        var writer = new ParagraphWriter();
        var stack = new Stack<(INode Node, int Element, bool Exit)>();
        var childElements = new List<int>();
        foreach (var container in selection)
        {
            var containerText = Math.Max(1, stats[container].ParagraphText);
            stack.Push((tree[container], container, false));
            while (stack.Count > 0)
            {
                var (node, index, exit) = stack.Pop();

                // A class test first: an interface test searches the dozens of interfaces an element type implements.
                if (node is not Element)
                {
                    if (node is { NodeType: NodeType.Text })
                    {
                        writer.Append(node.TextContent);
                    }

                    continue;
                }

                var element = (IElement)node;

                var block = stats[index].IsBlock;
                if (exit)
                {
                    if (block)
                    {
                        writer.EndBlock();
                    }

                    continue;
                }

                if (index != container && (!stats[index].Measured || Skip(element, stats[index], containerText)))
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
                    stack.Push((element, index, true));
                }

                // Children go on the stack last first, element children with their positions (listed first to last).
                childElements.Clear();
                for (var child = index + 1; child < tree.End(index); child = tree.End(child))
                {
                    childElements.Add(child);
                }

                var children = element.ChildNodes;
                var next = childElements.Count;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    stack.Push((children[i], children[i] is Element ? childElements[--next] : -1, false));
                }
            }
        }

        return writer.ToString(BoilerplateLines);
    }

    /// <summary>Furniture inside the article container: skipped unless it holds most of the article.</summary>
    private static bool Skip(IElement element, in ElementStats s, int containerParagraphText)
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

        if (!major && s.IsBlock && s.Text > 0 && s.LinkDensity > 0.5 && s.Text < 600)
        {
            return true;
        }

        return false;
    }
}
