using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// Loads a feed's bytes as XML without trusting them: document type declarations are skipped rather than
/// processed (so no entity expansion and no external fetches), nothing is resolved, and the document size is capped.
/// Lenient where publishers are sloppy: a byte-order mark, whitespace before the declaration, stray control
/// characters, and a body that is not the UTF-8 its missing declaration implies.
/// </summary>
internal static partial class SafeXmlLoader
{
    static SafeXmlLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <exception cref="XmlException">The bytes are not well-formed XML.</exception>
    public static XDocument Load(ReadOnlyMemory<byte> content, string? transportCharset, long maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            // Ignore, not Prohibit: old RSS 0.91 feeds carry a harmless DOCTYPE. Ignored DTDs declare no entities,
            // so an entity bomb or an external entity is just an undeclared reference and a parse error.
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
        };

        var bytes = SkipLeadingWhiteSpace(content);
        using var reader = NeedsTextDecoding(bytes.Span, transportCharset, out var encoding)
            ? XmlReader.Create(new StringReader(encoding.GetString(bytes.Span)), settings)
            : XmlReader.Create(new MemoryStream(bytes.ToArray(), writable: false), settings);
        return XDocument.Load(reader, LoadOptions.None);
    }

    /// <summary>Whitespace before <c>&lt;?xml</c> is a fatal error to XmlReader and common in feeds built by templates.</summary>
    private static ReadOnlyMemory<byte> SkipLeadingWhiteSpace(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        var start = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return content; // UTF-16: the reader handles its own byte-order mark
        }

        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return content[start..];
    }

    /// <summary>
    /// Without an encoding in the XML declaration the reader assumes UTF-8; a feed that is really Latin-1 would then
    /// fail on its first accented letter. Decode such bodies ourselves with the transport charset or Windows-1252.
    /// </summary>
    private static bool NeedsTextDecoding(ReadOnlySpan<byte> bytes, string? transportCharset, out Encoding encoding)
    {
        encoding = Encoding.UTF8;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false; // UTF-16 with its byte-order mark: the reader knows what to do
        }

        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        if (DeclaredEncoding().IsMatch(head) || System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return false;
        }

        encoding = TryGetEncoding(transportCharset) is { CodePage: not 65001 } declared ? declared : Encoding.GetEncoding(1252);
        return true;
    }

    private static Encoding? TryGetEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim('"', '\'', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^<\?xml[^>]*\bencoding\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex DeclaredEncoding();
}
