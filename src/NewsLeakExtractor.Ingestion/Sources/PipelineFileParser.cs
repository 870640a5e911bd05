using System.Text.Json;
using System.Text.RegularExpressions;
using Cronos;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// Validates one pipeline file: the pipeline's name and defaults, then each source with the defaults applied.
/// Each bad source becomes one error line naming the file, the source and every field at fault.
/// </summary>
internal static partial class PipelineFileParser
{
    /// <summary>Headers the fetcher owns: a source overriding them would break conditional GET, framing or the host.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "If-None-Match", "If-Modified-Since", "Accept-Encoding",
    };

    public sealed record Result(string? Pipeline, IReadOnlyList<(PipelineSource Source, int Index)> Sources, IReadOnlyList<string> Errors);

    private sealed record Defaults(SourceKind Kind, string Schedule, bool Enabled, int MaxArticlesPerRun,
        IReadOnlyList<string> Languages, IReadOnlyDictionary<string, string> Headers, bool AllowPrivateNetworks);

    public static Result Parse(JsonElement root, string fileName, string pipelinesFolder)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed(fileName, "the file must hold one JSON object with \"name\" and \"sources\"");
        }

        var problems = new List<string>();
        var file = new JsonObjectReader(root, problems);
        var name = file.String("name") ?? Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        file.String("description");
        var pipelineEnabled = file.Boolean("enabled") ?? true;
        var defaultsElement = file.Object("defaults");
        var sourcesElement = file.Array("sources", required: true);
        file.RejectUnknown();
        if (!Identifier().IsMatch(name))
        {
            problems.Add($"'name' must be lower-case letters, digits, '-', '_' or '.' (got '{name}')");
        }

        var defaults = ReadDefaults(defaultsElement, problems);
        if (problems.Count > 0 || sourcesElement is null)
        {
            return Failed(fileName, string.Join("; ", problems));
        }

        var sources = new List<(PipelineSource, int)>();
        var errors = new List<string>();
        var index = 0;
        foreach (var element in sourcesElement.Value.EnumerateArray())
        {
            var sourceProblems = new List<string>();
            var source = ReadSource(element, name, defaults with { Enabled = defaults.Enabled && pipelineEnabled }, pipelinesFolder, sourceProblems, out var label);
            if (source is not null && sourceProblems.Count == 0)
            {
                sources.Add((source, index));
            }
            else
            {
                errors.Add($"{fileName}: sources[{index}]{label}: {string.Join("; ", sourceProblems)}");
            }

            index++;
        }

        return new Result(name, sources, errors);
    }

    private static Result Failed(string fileName, string problem) => new(null, [], [$"{fileName}: {problem}"]);

    private static Defaults ReadDefaults(JsonElement? element, List<string> problems)
    {
        var fallback = new PipelineSource { Id = "-", Name = "-", Pipeline = "-", Url = new Uri("https://example.invalid/") };
        var defaults = new Defaults(SourceKind.Auto, fallback.Schedule, true, fallback.MaxArticlesPerRun, [], new Dictionary<string, string>(), false);
        if (element is null)
        {
            return defaults;
        }

        var fieldProblems = new List<string>();
        var reader = new JsonObjectReader(element.Value, fieldProblems);
        var result = new Defaults(
            Kind(reader, fieldProblems) ?? defaults.Kind,
            Schedule(reader, fieldProblems) ?? defaults.Schedule,
            reader.Boolean("enabled") ?? defaults.Enabled,
            reader.Integer("maxArticlesPerRun", 1, 10_000) ?? defaults.MaxArticlesPerRun,
            Languages(reader, fieldProblems) ?? defaults.Languages,
            Headers(reader, fieldProblems) ?? defaults.Headers,
            reader.Boolean("allowPrivateNetworks") ?? defaults.AllowPrivateNetworks);
        reader.RejectUnknown();
        problems.AddRange(fieldProblems.Select(p => "defaults: " + p));
        return result;
    }

    private static PipelineSource? ReadSource(JsonElement element, string pipeline, Defaults defaults, string pipelinesFolder, List<string> problems, out string label)
    {
        label = "";
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add("each source must be a JSON object");
            return null;
        }

        var reader = new JsonObjectReader(element, problems);
        var id = reader.String("id", required: true);
        label = id is null ? "" : $" '{id}'";
        var name = reader.String("name");
        reader.String("description");
        var url = Url(reader, pipelinesFolder, problems);
        var kind = Kind(reader, problems) ?? defaults.Kind;
        var schedule = Schedule(reader, problems) ?? defaults.Schedule;
        var enabled = reader.Boolean("enabled") ?? true;
        var maxArticles = reader.Integer("maxArticlesPerRun", 1, 10_000) ?? defaults.MaxArticlesPerRun;
        var languages = Languages(reader, problems) ?? defaults.Languages;
        var headers = Headers(reader, problems);
        var allowPrivate = reader.Boolean("allowPrivateNetworks") ?? defaults.AllowPrivateNetworks;
        reader.RejectUnknown();

        if (id is not null && !Identifier().IsMatch(id))
        {
            problems.Add($"'id' must be lower-case letters, digits, '-', '_' or '.' (got '{id}')");
        }

        if (problems.Count > 0 || id is null || url is null)
        {
            return null;
        }

        // Source headers add to (and override) the pipeline's.
        var mergedHeaders = new Dictionary<string, string>(defaults.Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (header, value) in headers ?? new Dictionary<string, string>())
        {
            mergedHeaders[header] = value;
        }

        return new PipelineSource
        {
            Id = $"{pipeline}/{id}",
            Name = name ?? id,
            Pipeline = pipeline,
            Url = url,
            Kind = kind,
            Schedule = schedule,
            Enabled = enabled && defaults.Enabled,
            MaxArticlesPerRun = maxArticles,
            Languages = languages,
            Headers = mergedHeaders,
            AllowPrivateNetworks = allowPrivate,
        };
    }

    /// <summary>An http(s) URL, or a path relative to the pipelines folder that must exist (the offline demo feed).</summary>
    private static Uri? Url(JsonObjectReader reader, string pipelinesFolder, List<string> problems)
    {
        var text = reader.String("url", required: true);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && !text.StartsWith('/') && !text.StartsWith('\\'))
        {
            if (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            {
                return absolute;
            }

            problems.Add($"'url' must be an http(s) URL or a path relative to the pipelines folder (got scheme '{absolute.Scheme}')");
            return null;
        }

        if (Path.IsPathRooted(text))
        {
            problems.Add($"'url' must be an http(s) URL or a path relative to the pipelines folder (got the absolute path '{text}')");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(pipelinesFolder, text));
        if (!File.Exists(full))
        {
            problems.Add($"'url' names a local file that does not exist: {full}");
            return null;
        }

        return new Uri(full);
    }

    private static SourceKind? Kind(JsonObjectReader reader, List<string> problems)
    {
        var text = reader.String("kind");
        if (text is null)
        {
            return null;
        }

        SourceKind? kind = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "auto" => SourceKind.Auto,
            "rss" => SourceKind.Rss,
            "atom" => SourceKind.Atom,
            "sitemap" => SourceKind.Sitemap,
            "newssitemap" => SourceKind.NewsSitemap,
            "urllist" or "urls" => SourceKind.UrlList,
            _ => null,
        };
        if (kind is null)
        {
            problems.Add($"'kind' must be one of auto, rss, atom, sitemap, newsSitemap, urlList (got '{text}')");
        }

        return kind;
    }

    private static string? Schedule(JsonObjectReader reader, List<string> problems)
    {
        var text = reader.String("schedule");
        if (text is null)
        {
            return null;
        }

        try
        {
            CronExpression.Parse(text, CronFormat.Standard);
            return text;
        }
        catch (CronFormatException e)
        {
            problems.Add($"'schedule' is not a five-field cron expression ('{text}'): {e.Message}");
            return null;
        }
    }

    private static List<string>? Languages(JsonObjectReader reader, List<string> problems)
    {
        var languages = reader.StringArray("languages");
        if (languages is null)
        {
            return null;
        }

        var bad = languages.Where(l => !LanguageCode().IsMatch(l)).ToList();
        if (bad.Count > 0)
        {
            problems.Add($"'languages' must hold ISO 639-1 codes such as \"en\" (got {string.Join(", ", bad.Select(b => $"'{b}'"))})");
            return null;
        }

        return languages.Select(l => l.ToLowerInvariant()).Distinct().ToList();
    }

    private static IReadOnlyDictionary<string, string>? Headers(JsonObjectReader reader, List<string> problems)
    {
        var headers = reader.StringMap("headers");
        if (headers is null)
        {
            return null;
        }

        var invalid = headers.Keys.Where(h => !HeaderName().IsMatch(h) || ReservedHeaders.Contains(h)).ToList();
        var badValues = headers.Where(h => h.Value.Any(c => c is '\r' or '\n')).Select(h => h.Key).ToList();
        if (invalid.Count > 0)
        {
            problems.Add($"'headers' may not set {string.Join(", ", invalid.Select(h => $"'{h}'"))} (invalid or owned by the fetcher)");
        }

        if (badValues.Count > 0)
        {
            problems.Add($"'headers' values may not contain line breaks ({string.Join(", ", badValues)})");
        }

        return invalid.Count + badValues.Count == 0 ? headers : null;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z]{2,3}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();
}
