using AngleSharp.Dom;

namespace NewsLeakExtractor.Clean;

/// <summary>Per-element text measurements, computed bottom-up in one pass so no subtree is walked twice.</summary>
internal sealed class ElementStats
{
    /// <summary>Characters of visible text in the subtree, whitespace collapsed.</summary>
    public int Text;

    /// <summary>Characters of that text that sit inside links.</summary>
    public int LinkText;

    /// <summary>Text of the element's own inline content (for block elements): the paragraph it forms.</summary>
    public int InlineText;

    public int InlineCommas;

    /// <summary>Characters of the inline text that sit inside links.</summary>
    public int InlineLinkText;

    /// <summary>Text of the paragraphs (blocks with enough inline text) inside the subtree.</summary>
    public int ParagraphText;

    public int Paragraphs;

    /// <summary>Readability-style content score accumulated from descendant paragraphs.</summary>
    public double Score;

    public Hint Hint;

    /// <summary>The element or one of its ancestors is marked as furniture (inside a comments section, say).</summary>
    public bool InFurniture;

    public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
}

internal static class DomStatistics
{
    public const int MinParagraphChars = 25;

    /// <summary>Elements whose content forms separate blocks of text (everything else is inline).</summary>
    public static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
        "ul", "caption", "html",
    };

    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName);

    /// <summary>A block whose own inline text is long enough, and mostly not links, to count as a paragraph.</summary>
    public static bool IsParagraph(IElement element, ElementStats s) =>
        IsBlock(element) && s.InlineText >= MinParagraphChars && s.InlineLinkText * 2 < s.InlineText;

    /// <summary>Counts characters as they will read once whitespace is collapsed.</summary>
    public static int CollapsedLength(string text, out int commas)
    {
        var length = 0;
        var inSpace = true;
        commas = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                if (!inSpace)
                {
                    length++;
                    inSpace = true;
                }
            }
            else
            {
                length++;
                inSpace = false;
                if (c is ',' or '，' or '،')
                {
                    commas++;
                }
            }
        }

        return inSpace && length > 0 ? length - 1 : length;
    }

    private static readonly HashSet<string> FurnitureTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas", "object", "embed", "applet",
        "button", "input", "select", "textarea", "option", "label", "nav", "aside", "footer", "header", "figure",
        "figcaption", "picture", "img", "video", "audio", "source", "track", "map", "dialog", "menu", "link", "meta", "head",
    };

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar", "tooltip",
    };

    /// <summary>
    /// Elements that are never article text whatever their content: scripts, media, forms, navigation,
    /// captions, and anything hidden from readers.
    /// </summary>
    public static bool IsFurniture(IElement element)
    {
        if (FurnitureTags.Contains(element.LocalName))
        {
            return true;
        }

        foreach (var attribute in element.Attributes)
        {
            var furniture = attribute.Name switch
            {
                "hidden" => true,
                "aria-hidden" => attribute.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
                "role" => FurnitureRoles.Contains(attribute.Value),
                "style" => HidesElement(attribute.Value),
                _ => false,
            };
            if (furniture)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HidesElement(string style)
    {
        var compact = style.Contains(' ', StringComparison.Ordinal) ? style.Replace(" ", string.Empty, StringComparison.Ordinal) : style;
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Measures every element under <paramref name="root"/>, children before parents, without recursion.
    /// Furniture (<see cref="IsFurniture"/>) is left out: it has no entry and counts for nothing.
    /// </summary>
    public static Dictionary<IElement, ElementStats> Measure(IElement root)
    {
        var stats = new Dictionary<IElement, ElementStats>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(IElement Element, ElementStats? Own, bool InFurniture)>();
        stack.Push((root, null, false));
        while (stack.Count > 0)
        {
            var (element, pending, inheritedFurniture) = stack.Pop();
            if (pending is null)
            {
                // On the way down: what the names say, and whether an ancestor is furniture (a comments section).
                var hint = element.Attributes.Length == 0 ? Hint.Neutral : BoilerplateHints.Classify(element.ClassName, element.Id);
                var created = new ElementStats { Hint = hint, InFurniture = inheritedFurniture || hint == Hint.Furniture };
                stack.Push((element, created, inheritedFurniture));
                foreach (var node in element.ChildNodes)
                {
                    if (node is IElement child && !IsFurniture(child))
                    {
                        stack.Push((child, null, created.InFurniture));
                    }
                }

                continue;
            }

            var own = pending;
            var isBlock = IsBlock(element);
            var isLink = element.LocalName == "a";
            foreach (var child in element.ChildNodes)
            {
                if (child is IText text)
                {
                    var length = CollapsedLength(text.Data, out var commas);
                    own.Text += length;
                    own.InlineText += length;
                    own.InlineCommas += commas;
                    if (isLink)
                    {
                        own.LinkText += length;
                        own.InlineLinkText += length;
                    }
                }
                else if (child is IElement childElement && stats.TryGetValue(childElement, out var c))
                {
                    own.Text += c.Text;
                    own.LinkText += isLink ? c.Text : c.LinkText;
                    own.ParagraphText += c.ParagraphText;
                    own.Paragraphs += c.Paragraphs;
                    if (!IsBlock(childElement))
                    {
                        // Inline children belong to this element's paragraph.
                        own.InlineText += c.InlineText;
                        own.InlineCommas += c.InlineCommas;
                        own.InlineLinkText += isLink || childElement.LocalName == "a" ? c.InlineText : c.InlineLinkText;
                    }
                }
            }

            if (IsParagraph(element, own))
            {
                own.ParagraphText += own.InlineText;
                own.Paragraphs++;
            }

            stats[element] = own;
        }

        return stats;
    }
}
