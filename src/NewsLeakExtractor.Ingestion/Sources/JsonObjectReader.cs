using System.Text.Json;

namespace NewsLeakExtractor.Ingestion.Sources;

/// <summary>
/// Reads the fields of one JSON object by name, collecting a readable problem for each field that is missing, of
/// the wrong type or unknown (a misspelt "shedule" must not silently fall back to the default).
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public JsonObjectReader(JsonElement element, List<string> problems)
    {
        _element = element;
        Problems = problems;
    }

    public List<string> Problems { get; }

    public string? String(string name, bool required = false)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Problems.Add($"'{name}' must be a non-empty string");
            return null;
        }

        return value.GetString()!.Trim();
    }

    public bool? Boolean(string name)
    {
        if (!TryGet(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problems.Add($"'{name}' must be true or false");
            return null;
        }

        return value.GetBoolean();
    }

    public int? Integer(string name, int min, int max)
    {
        if (!TryGet(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            Problems.Add($"'{name}' must be a whole number from {min} to {max}");
            return null;
        }

        return number;
    }

    public IReadOnlyList<string>? StringArray(string name)
    {
        if (!TryGet(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            Problems.Add($"'{name}' must be an array of strings");
            return null;
        }

        return value.EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
    }

    public IReadOnlyDictionary<string, string>? StringMap(string name)
    {
        if (!TryGet(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            Problems.Add($"'{name}' must be an object of string values");
            return null;
        }

        return value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
    }

    public JsonElement? Object(string name)
    {
        if (!TryGet(name, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Problems.Add($"'{name}' must be an object");
            return null;
        }

        return value;
    }

    public JsonElement? Array(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problems.Add($"'{name}' must be an array");
            return null;
        }

        return value;
    }

    /// <summary>Call after reading every field: any other property is reported, with the names that are allowed.</summary>
    public void RejectUnknown()
    {
        foreach (var property in _element.EnumerateObject().Where(p => !_known.Contains(p.Name)))
        {
            Problems.Add($"unknown field '{property.Name}' (allowed: {string.Join(", ", _known)})");
        }
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        _known.Add(name);
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Problems.Add($"'{name}' is required");
        }

        return false;
    }
}
