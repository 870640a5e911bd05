using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using NewsLeakExtractor.Fetch;

namespace NewsLeakExtractor.Clean;

/// <summary>
/// Decodes page bytes the way browsers do, in order: byte-order mark, the transport's charset,
/// a &lt;meta&gt; declaration near the top, valid UTF-8, then Windows-1252.
/// </summary>
public static partial class CharsetDecoder
{
    private const int PrescanBytes = 4096;

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(RawDocument document)
    {
        var bytes = document.Content.Span;
        if (bytes.Trim(" \r\n\t\f"u8).IsEmpty)
        {
            throw new FetchException(FailureReason.Empty, $"empty document: {document.Source}");
        }

        var bom = FromByteOrderMark(bytes, out var bomLength);
        if (bom is not null)
        {
            return bom.GetString(bytes[bomLength..]);
        }

        if (LooksBinary(bytes))
        {
            throw new FetchException(FailureReason.Binary, $"binary content, not a text page: {document.Source}");
        }

        var declared = Resolve(document.Charset) ?? Resolve(PrescanMeta(bytes));
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage && !IsMultibyteUtf8(bytes))
        {
            return declared.GetString(bytes);
        }

        // A page that says UTF-8 (or nothing) but is not valid UTF-8 is, in practice, Windows-1252.
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>
    /// Non-ASCII text that is valid UTF-8 is UTF-8 whatever the page declares: legacy encodings almost never form
    /// valid multi-byte sequences by accident, while templates often keep a stale gb2312 or latin-1 declaration.
    /// </summary>
    private static bool IsMultibyteUtf8(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 && System.Text.Unicode.Utf8.IsValid(bytes);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> bytes, out int length)
    {
        length = 3;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8;
        }

        length = 2;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        length = 0;
        return null;
    }

    /// <summary>NUL bytes or many control characters in the first kilobytes mean an image, archive or executable.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        return control > head.Length / 20;
    }

    private static string? PrescanMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups["cs"].Value : null;
    }

    /// <summary>Labels already looked up (a few dozen occur in practice); the runtime's lookup goes through every encoding provider.</summary>
    private static readonly ConcurrentDictionary<string, Encoding?> Resolved = new(StringComparer.Ordinal);

    private const int MaxResolved = 1024;

    private static Encoding? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (Resolved.TryGetValue(name, out var known))
        {
            return known;
        }

        var encoding = Lookup(name);
        if (Resolved.Count < MaxResolved)
        {
            Resolved.TryAdd(name, encoding);
        }

        return encoding;
    }

    private static Encoding? Lookup(string name)
    {
        name = name.Trim().ToLowerInvariant();
        // The WHATWG encoding standard maps these labels to windows-1252, and a UTF-16 label on a page
        // without a byte-order mark to UTF-8 (such a page was plainly not sent as UTF-16).
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "ascii" or "us-ascii" or "iso8859-1")
        {
            name = "windows-1252";
        }
        else if (name.StartsWith("utf-16", StringComparison.Ordinal) || name is "unicode" or "ucs-2")
        {
            name = "utf-8";
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+?charset\s*=\s*["']?\s*(?<cs>[a-zA-Z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
