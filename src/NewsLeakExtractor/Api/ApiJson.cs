using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLeakExtractor.Cli.Api;

/// <summary>The API writes the contract in camelCase like the CLI, with enums as names and HTML-significant characters escaped.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
