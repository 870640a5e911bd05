using AngleSharp.Dom;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Text measurements of one element, computed bottom-up in one pass so no subtree is walked twice.
/// A struct in an array indexed like <see cref="PageTree"/>: a page has thousands of elements.
/// </summary>
internal struct ElementStats
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

    public Hint Hint;

    /// <summary>The element or one of its ancestors is marked as furniture (inside a comments section, say).</summary>
    public bool InFurniture;

    /// <summary>The element was measured: it lies in the measured root and neither it nor an ancestor is furniture.</summary>
    public bool Measured;

    public bool IsBlock;

    public bool IsLink;

    public readonly double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
}

internal static class DomStatistics
{
    public const int MinParagraphChars = 25;

    /// <summary>
    /// Elements whose content forms separate blocks of text (everything else is inline). A switch rather than a set:
    /// it is asked for every element, and a switch on the name costs no hashing.
    /// </summary>
    public static bool IsBlock(string tag) => tag switch
    {
        "address" or "article" or "aside" or "blockquote" or "body" or "center" or "dd" or "details" or "dialog" or "dir" or "div" or "dl" or "dt"
            or "fieldset" or "figcaption" or "figure" or "footer" or "form" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "header" or "hgroup" or "hr"
            or "li" or "main" or "menu" or "nav" or "ol" or "p" or "pre" or "section" or "summary" or "table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th"
            or "ul" or "caption" or "html" => true,
        _ => false,
    };

    public static bool IsBlock(IElement element) => IsBlock(element.LocalName);

    /// <summary>A block whose own inline text is long enough, and mostly not links, to count as a paragraph.</summary>
    public static bool IsParagraph(in ElementStats s) =>
        s.IsBlock && s.InlineText >= MinParagraphChars && s.InlineLinkText * 2 < s.InlineText;

    /// <summary>Counts characters as they will read once whitespace is collapsed.</summary>
    public static int CollapsedLength(string text, out int commas)
    {
        var length = 0;
        var inSpace = true;
        commas = 0;
        foreach (var c in text)
        {
            // Printable ASCII other than the comma is most of any page: settle it before the Unicode checks.
            if (c is > ' ' and < '\u007F' and not ',')
            {
                length++;
                inSpace = false;
            }
            else if (char.IsWhiteSpace(c) || c == '\u00A0')
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

    private static bool IsFurnitureTag(string tag) => tag switch
    {
        "script" or "style" or "noscript" or "template" or "iframe" or "svg" or "math" or "canvas" or "object" or "embed" or "applet"
            or "button" or "input" or "select" or "textarea" or "option" or "label" or "nav" or "aside" or "footer" or "header" or "figure"
            or "figcaption" or "picture" or "img" or "video" or "audio" or "source" or "track" or "map" or "dialog" or "menu" or "link" or "meta" or "head" => true,
        _ => false,
    };

    /// <summary>
    /// Elements that are never article text whatever their content: scripts, media, forms, navigation,
    /// captions, and anything hidden from readers.
    /// </summary>
    public static bool IsFurniture(string tag, in ElementMarks marks) => IsFurnitureTag(tag) || marks.Hidden;

    /// <summary>
    /// On the way down (during <see cref="PageTree.Build"/>): what the element's names say, whether it or an ancestor
    /// is furniture (a comments section), and what kind of element it is. Only elements that are measured get here.
    /// </summary>
    public static void DescribeOwn(string tag, in ElementMarks marks, ref ElementStats own, bool inheritedFurniture)
    {
        own.Measured = true;
        own.Hint = BoilerplateHints.Classify(marks.Class, marks.Id);
        own.InFurniture = inheritedFurniture || own.Hint == Hint.Furniture;
        own.IsBlock = IsBlock(tag);
        own.IsLink = tag == "a";
    }

    /// <summary>Counts one of the element's own text nodes.</summary>
    public static void AddOwnText(ref ElementStats own, string text)
    {
        var length = CollapsedLength(text, out var commas);
        own.Text += length;
        own.InlineText += length;
        own.InlineCommas += commas;
        if (own.IsLink)
        {
            own.LinkText += length;
            own.InlineLinkText += length;
        }
    }

    /// <summary>
    /// Adds every measured element's subtree into its measurements, back up the page: every element is complete
    /// before it is added to its parent. Unmeasured elements (furniture and what it holds, anything outside the
    /// measured root) count for nothing. Returns the statistics, indexed by tree position.
    /// </summary>
    public static ElementStats[] Complete(PageTree tree)
    {
        var stats = tree.Stats;
        var root = tree.MeasuredRoot;
        if (tree.StatsComplete || root < 0)
        {
            return stats;
        }

        for (var i = tree.End(root) - 1; i >= root; i--)
        {
            ref var c = ref stats[i];
            if (!c.Measured)
            {
                continue;
            }

            if (IsParagraph(c))
            {
                c.ParagraphText += c.InlineText;
            }

            if (i == root)
            {
                break;
            }

            ref var own = ref stats[tree.Parent(i)];
            own.Text += c.Text;
            own.LinkText += own.IsLink ? c.Text : c.LinkText;
            own.ParagraphText += c.ParagraphText;
            if (!c.IsBlock)
            {
                // Inline children belong to the parent's paragraph.
                own.InlineText += c.InlineText;
                own.InlineCommas += c.InlineCommas;
                own.InlineLinkText += own.IsLink || c.IsLink ? c.InlineText : c.InlineLinkText;
            }
        }

        tree.StatsComplete = true;
        return stats;
    }
}
