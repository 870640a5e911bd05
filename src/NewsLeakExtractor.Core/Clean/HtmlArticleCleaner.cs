using AngleSharp.Html.Parser;
using NewsLeakExtractor.Contract;
using NewsLeakExtractor.Fetch;
using NewsLeakExtractor.Text;

namespace NewsLeakExtractor.Clean;

/// <summary>The cleaning stage: page bytes in, article metadata and main text out.</summary>
public sealed class HtmlArticleCleaner
{
    private readonly MetadataExtractor _metadata;
    private readonly MainTextExtractor _mainText;
    /// <summary>The parser settings of the cleaning stage (the benchmark's parse-only floor uses the same).</summary>
    public static HtmlParserOptions ParserOptions { get; } = new() { IsScripting = false, IsKeepingSourceReferences = false };

    private readonly HtmlParser _parser = new(ParserOptions);

    public HtmlArticleCleaner(MetadataExtractor metadata, MainTextExtractor mainText)
    {
        _metadata = metadata;
        _mainText = mainText;
    }

    public CleanedArticle Clean(RawDocument raw, CancellationToken cancellationToken = default)
    {
        var html = CharsetDecoder.Decode(raw);
        if (raw.IsPlainText)
        {
            return PlainTextArticle.Read(raw.Source, html);
        }

        using var document = _parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();

        // One walk of the page serves both readers.
        using var tree = PageTree.Build(document);
        var meta = _metadata.Extract(tree, raw.Source);
        var text = _mainText.Extract(tree);
        text = StructuredBodyRescue.Choose(text, meta.StructuredBody);
        text = LeadingFurniture.Strip(text, meta);

        var url = raw.Source.ToString();
        var article = new ArticleRecord(
            url,
            meta.CanonicalUrl?.ToString() ?? url,
            meta.Title,
            meta.Byline,
            meta.SiteName,
            meta.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            LanguageIdentifier.Identify(text) ?? meta.Language,
            text)
        {
            Description = meta.Description,
        };
        return new CleanedArticle(article, text.Length == 0 ? "no article text found: the page has no block of running text" : null);
    }
}

/// <summary>A cleaned article, with the reason when its text came out empty.</summary>
public sealed record CleanedArticle(ArticleRecord Article, string? Problem);
