using System.Text.Json;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>Every source the pipelines folder declares, and one readable error for each file or source that could not be used.</summary>
public sealed record PipelineCatalogResult(IReadOnlyList<PipelineSource> Sources, IReadOnlyList<string> Errors);

/// <summary>
/// Loads <c>pipelines/*.json</c> (format in <c>pipelines/README.md</c>). A broken file or source is reported and
/// skipped; the others still load, so one typo does not stop the whole service.
/// </summary>
public static class PipelineCatalog
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<PipelineCatalogResult> LoadAsync(string directory, CancellationToken ct)
    {
        var sources = new List<PipelineSource>();
        var errors = new List<string>();
        if (!Directory.Exists(directory))
        {
            errors.Add($"pipelines folder not found: {Path.GetFullPath(directory)}");
            return new PipelineCatalogResult(sources, errors);
        }

        var folder = Path.GetFullPath(directory);
        var definedIn = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pipelineFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(path);
            JsonDocument document;
            try
            {
                var text = await File.ReadAllTextAsync(path, ct);
                document = JsonDocument.Parse(text, JsonOptions);
            }
            catch (JsonException e)
            {
                errors.Add($"{fileName}: not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
                continue;
            }
            catch (IOException e)
            {
                errors.Add($"{fileName}: could not be read: {e.Message}");
                continue;
            }

            using (document)
            {
                var parsed = PipelineFileParser.Parse(document.RootElement, fileName, folder);
                if (parsed.Pipeline is { } pipeline && !pipelineFiles.TryAdd(pipeline, fileName))
                {
                    errors.Add($"{fileName}: pipeline name '{pipeline}' is already used by {pipelineFiles[pipeline]}");
                    continue;
                }

                errors.AddRange(parsed.Errors);
                foreach (var (source, index) in parsed.Sources)
                {
                    if (!definedIn.TryAdd(source.Id, fileName))
                    {
                        errors.Add($"{fileName}: sources[{index}]: duplicate source id '{source.Id}' (first defined in {definedIn[source.Id]})");
                        continue;
                    }

                    sources.Add(source);
                }
            }
        }

        return new PipelineCatalogResult(sources, errors);
    }

    /// <summary>System.Text.Json appends the path and position, which the error line already gives.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
