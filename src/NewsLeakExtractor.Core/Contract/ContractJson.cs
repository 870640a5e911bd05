using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLeakExtractor.Contract;

/// <summary>The one place that decides how the contract is written as JSON (CLI, API and exports share it).</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Article text is full of quotes and non-ASCII punctuation; keep it readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same contract on one line: JSON Lines output, the API and exports.</summary>
    public static JsonSerializerOptions CompactOptions { get; } = new(Options) { WriteIndented = false };

    public static string Serialize(ExtractionResult result) => JsonSerializer.Serialize(result, Options);

    public static ExtractionResult? Deserialize(string json) => JsonSerializer.Deserialize<ExtractionResult>(json, Options);
}
