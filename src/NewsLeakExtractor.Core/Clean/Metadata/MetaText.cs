using System.Net;
using System.Text;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean.Metadata;

/// <summary>Small text helpers shared by the metadata readers.</summary>
internal static class MetaText
{
    /// <summary>Entity-decoded (twice: many sites double-escape) and whitespace-collapsed text, or null when empty.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var decoded = WebUtility.HtmlDecode(value);
        if (decoded.Contains('&', StringComparison.Ordinal))
        {
            decoded = WebUtility.HtmlDecode(decoded);
        }

        var text = TextNormalizer.CollapseWhitespace(decoded.Replace('\u00A0', ' ')).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A comparison key: lower-case letters and digits only, accents removed ("Aktuálně.cz" → "aktualnecz").</summary>
    public static string Key(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Called for every title, name and segment compared: a stack buffer, not a StringBuilder, holds the key.
        // Only letters and digits are kept, so an ASCII value (most are) needs no decomposing.
        var decomposed = Ascii.IsValid(value) ? value : value.Normalize(NormalizationForm.FormD);
        var buffer = decomposed.Length <= 256 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var length = 0;
        foreach (var c in decomposed)
        {
            // Combining accents are neither letters nor digits, so they drop out with the punctuation.
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Words are mostly capitalised, as in a name or a headline in title case.</summary>
    public static bool IsMostlyCapitalised(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).ToList();
        return words.Count > 0 && words.Count(w => char.IsUpper(w.First(char.IsLetter))) * 2 > words.Count;
    }
}
