using AngleSharp.Dom;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// What an element's attributes say to the cleaner, read in one pass over them: its class and id (which word lists
/// are matched against), its microdata property and link relation, and whether it is hidden from readers. Each
/// separate <c>GetAttribute</c> would scan the attributes again, for each of a page's thousands of elements.
/// </summary>
internal readonly record struct ElementMarks(string? Class, string? Id, string? Itemprop, string? Rel, bool Hidden)
{
    private static readonly HashSet<string> HiddenRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar", "tooltip",
    };

    public static ElementMarks Read(IElement element)
    {
        // Indexed loop: enumerating AngleSharp's attribute list allocates an enumerator each time.
        var attributes = element.Attributes;
        string? className = null;
        string? id = null;
        string? itemprop = null;
        string? rel = null;
        var hidden = false;
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i] is not { } attribute)
            {
                continue;
            }

            switch (attribute.Name)
            {
                case "class":
                    className ??= attribute.Value;
                    break;
                case "id":
                    id ??= attribute.Value;
                    break;
                case "itemprop":
                    itemprop ??= attribute.Value;
                    break;
                case "rel":
                    rel ??= attribute.Value;
                    break;
                case "hidden":
                    hidden = true;
                    break;
                case "aria-hidden":
                    hidden |= attribute.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
                    break;
                case "role":
                    hidden |= HiddenRoles.Contains(attribute.Value);
                    break;
                case "style":
                    hidden |= HidesElement(attribute.Value);
                    break;
            }
        }

        return new ElementMarks(className, id, itemprop, rel, hidden);
    }

    private static bool HidesElement(string style)
    {
        var compact = style.Contains(' ', StringComparison.Ordinal) ? style.Replace(" ", string.Empty, StringComparison.Ordinal) : style;
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }
}
